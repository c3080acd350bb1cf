/**
 * Every kind of message the bot can send in Slack, checked against Block Kit's
 * limits: the plan for every answer combination the interview can produce, fresh,
 * half-way (long skip reasons and problem notes) and finished, in English and Dutch;
 * every interview question, the summary, help, cancel and status cards.
 */
import { renderCardForSlack } from '../../../adapters/slack';
import { buildPlan, planProblems } from '../../../conversations/plan';
import { QUESTION_ORDER, question } from '../../../conversations/interview/questions';
import type { Answers, CompleteAnswers, Locale } from '../../../conversations/types';
import { drawPlanCard } from '../../../src/cards/plan-card';
import type { Card } from '../../../src/cards/model';
import { changeCard, helpCard, cancelledCard, noRemarks, questionCard, summaryCard } from '../../../src/cards/interview';
import { drawStatusCard } from '../../../src/cards/notes';
import type { Rollout, RolloutEvent, UserRef } from '../../../src/rollout/model';
import { everyCombination } from '../../conversations/plan/fixtures';
import { slackMessageViolations } from '../../kit/slack-limits-check';

const LOCALES: Locale[] = ['en', 'nl'];
const owner: UserRef = { id: 'U1', name: 'Alice <Ops> & Co' };
const bob: UserRef = { id: 'U2', name: 'Bob' };
const longNote = 'The setup stopped: files in use & <store.exe> would not stop. '.repeat(16).slice(0, 1000);

function rolloutFor(answers: CompleteAnswers, locale: Locale): Rollout {
  return {
    id: 'r-0123456789abcdef',
    ref: 1,
    scope: { platform: 'slack', workspace: 'T1', channel: 'C1' },
    place: 'channel',
    owner,
    locale,
    answers,
    plan: buildPlan(answers),
    messages: [{ id: '1700000000.000100' }],
    createdAt: '2024-11-24T10:32:00Z',
    status: 'active',
    version: 1,
  };
}

/** Odd steps confirmed, every fourth skipped with a long reason, every sixth with a problem. */
function halfway(rollout: Rollout): RolloutEvent[] {
  const events: RolloutEvent[] = [{ rolloutId: rollout.id, seq: 1, type: 'created', actor: owner, at: rollout.createdAt }];
  rollout.plan.steps.forEach((step, i) => {
    const type = i % 6 === 5 ? 'problem' : i % 4 === 3 ? 'skipped' : i % 2 === 0 ? 'confirmed' : undefined;
    if (!type) return;
    const e: RolloutEvent = { rolloutId: rollout.id, seq: events.length + 1, type, stepId: step.id, actor: i % 3 ? bob : owner, at: '2024-11-24T11:00:00Z' };
    if (type !== 'confirmed') e.note = longNote;
    events.push(e);
  });
  return events;
}

function finished(rollout: Rollout): RolloutEvent[] {
  const events: RolloutEvent[] = rollout.plan.steps.map((step, i) => ({
    rolloutId: rollout.id, seq: i + 2, type: 'skipped' as const, stepId: step.id, actor: bob, at: '2024-11-24T12:00:00Z', note: longNote,
  }));
  events.unshift({ rolloutId: rollout.id, seq: 1, type: 'created', actor: owner, at: rollout.createdAt });
  events.push({ rolloutId: rollout.id, seq: events.length + 1, type: 'completed', actor: bob, at: '2024-11-24T12:00:00Z' });
  return events;
}

function expectWithinLimits(card: Card, locale: Locale, label: string): number {
  const messages = renderCardForSlack(card, { locale });
  for (const [i, m] of messages.entries()) {
    const violations = slackMessageViolations(m);
    if (violations.length) throw new Error(`${label}, message ${i + 1}: ${violations.join('; ')}`);
  }
  return messages.length;
}

describe('every plan the builder can make fits Slack', () => {
  const combos = everyCombination().filter((a) => planProblems(a).length === 0);

  it('covers many combinations', () => expect(combos.length).toBeGreaterThan(100));

  for (const locale of LOCALES) {
    it(`fresh, half-way and finished plans in ${locale}`, () => {
      let most = 0;
      for (const answers of combos) {
        const rollout = rolloutFor(answers, locale);
        const label = `${locale} ${JSON.stringify(answers)}`;
        const created: RolloutEvent[] = [{ rolloutId: rollout.id, seq: 1, type: 'created', actor: owner, at: rollout.createdAt }];
        most = Math.max(most, expectWithinLimits(drawPlanCard(rollout, created), locale, `${label} fresh`));
        most = Math.max(most, expectWithinLimits(drawPlanCard(rollout, halfway(rollout)), locale, `${label} half-way`));
        most = Math.max(most, expectWithinLimits(drawPlanCard({ ...rollout, status: 'completed' }, finished(rollout)), locale, `${label} finished`));
      }
      // A plan should not turn into a wall of messages.
      expect(most).toBeLessThanOrEqual(4);
    });
  }
});

describe('interview, help and status cards fit Slack', () => {
  const answers: Answers = { version: '2000', product: 'enterprise', topology: 'active-active', nodeA: 'EXCH-NODE-A1', nodeB: 'EXCH-NODE-B2', evsA: 'MAIL-EVS-1', evsB: 'MAIL-EVS-2', change: 'hotfix', storeHotfix: true, adc: true, adcCustomMaps: true };
  for (const locale of LOCALES) {
    it(`every question, the summary, change, help and cancel cards in ${locale}`, () => {
      for (const id of QUESTION_ORDER) {
        expectWithinLimits(questionCard(locale, {}, question(id), noRemarks(), true), locale, `question ${id}`);
        expectWithinLimits(questionCard(locale, answers, question(id), noRemarks(), false), locale, `question ${id} with answers`);
      }
      expectWithinLimits(summaryCard(locale, answers, [owner, bob], noRemarks()), locale, 'summary');
      expectWithinLimits(changeCard(locale, answers, noRemarks()), locale, 'change');
      expectWithinLimits(helpCard(locale), locale, 'help');
      expectWithinLimits(cancelledCard(locale), locale, 'cancelled');
    });

    it(`the status card with many open rollouts in ${locale}`, () => {
      const combos = everyCombination().filter((a) => planProblems(a).length === 0).slice(0, 60);
      const snapshots = combos.map((a, i) => {
        const rollout = { ...rolloutFor(a, locale), id: `r-${i}` };
        return { rollout, events: halfway(rollout) };
      });
      expectWithinLimits(drawStatusCard(locale, snapshots), locale, 'status');
      expectWithinLimits(drawStatusCard(locale, []), locale, 'status, none');
    });
  }
});
