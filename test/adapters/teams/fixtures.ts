/**
 * Real cards from the core for renderer tests: plans drawn by drawPlanCard from
 * buildPlan, with steps in every status, and the interview's cards.
 */
import { buildPlan } from '../../../conversations/plan/build';
import type { CompleteAnswers, Locale, Place } from '../../../conversations/types';
import type { Card } from '../../../src/cards/model';
import { drawPlanCard, type DrawOptions } from '../../../src/cards/plan-card';
import { cancelledCard, changeCard, helpCard, noRemarks, questionCard, summaryCard } from '../../../src/cards/interview';
import { question } from '../../../conversations/interview/questions';
import type { Rollout, RolloutEvent, UserRef } from '../../../src/rollout/model';

export const ANSWER_SETS: Record<string, CompleteAnswers> = {
  'single Exchange 2000 server, service pack': { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: true, adcCustomMaps: true, terminalServices: true },
  'active/passive Exchange 2000 cluster, service pack': {
    version: '2000',
    product: 'enterprise',
    topology: 'active-passive',
    nodeA: 'NODE-A',
    nodeB: 'NODE-B',
    evsA: 'EVS1',
    change: 'service-pack',
    adc: true,
    adcCustomMaps: false,
  },
  'active/active Exchange 2000 cluster, store hotfix': {
    version: '2000',
    product: 'enterprise',
    topology: 'active-active',
    nodeA: 'NODE-A',
    nodeB: 'NODE-B',
    evsA: 'EVS1',
    evsB: 'EVS2',
    change: 'hotfix',
    storeHotfix: true,
    adc: false,
  },
  'Exchange 5.5 cluster, service pack': {
    version: '5.5',
    product: 'enterprise',
    topology: 'active-passive',
    nodeA: 'NODE-A',
    nodeB: 'NODE-B',
    evsA: 'EVS1',
    change: 'service-pack',
    mailboxManager: true,
    interOrgSync: true,
  },
};

export const ALICE_REF: UserRef = { id: 'aad-alice', name: 'Alice Jansen' };
export const BOB_REF: UserRef = { id: 'aad-bob', name: 'Bob de Vries' };

export function rolloutOf(answers: CompleteAnswers, locale: Locale = 'en'): Rollout {
  return {
    id: 'r-fixture',
    ref: 1,
    scope: { platform: 'teams', workspace: 'tenant', channel: '19:c@thread.tacv2' },
    place: 'channel',
    owner: ALICE_REF,
    locale,
    answers,
    plan: buildPlan(answers),
    messages: [],
    createdAt: '2024-11-24T10:00:00.000Z',
    status: 'active',
    version: 1,
  };
}

/**
 * Every state a step can show: step 1 done, step 2 skipped with a reason, step 3 ready
 * with a problem reported, the other preparations ready, the apply steps waiting, and
 * the last step waiting with a problem reported early.
 */
export function progressEvents(rollout: Rollout): RolloutEvent[] {
  const [s1, s2, s3] = rollout.plan.steps;
  const last = rollout.plan.steps.at(-1)!;
  const at = '2024-11-24T10:32:00.000Z';
  return [
    { rolloutId: rollout.id, seq: 1, type: 'created', actor: ALICE_REF, at: rollout.createdAt },
    { rolloutId: rollout.id, seq: 2, type: 'confirmed', stepId: s1.id, actor: ALICE_REF, at },
    { rolloutId: rollout.id, seq: 3, type: 'skipped', stepId: s2.id, actor: BOB_REF, at, note: 'done *last* night by_on-call [x](y)' },
    { rolloutId: rollout.id, seq: 4, type: 'problem', stepId: s3.id, actor: BOB_REF, at, note: 'setup says files in use' },
    { rolloutId: rollout.id, seq: 5, type: 'problem', stepId: last.id, actor: BOB_REF, at, note: 'backup disk nearly full' },
  ];
}

export function planCardWithProgress(answers: CompleteAnswers, locale: Locale = 'en', options: DrawOptions = {}, place: Place = 'channel'): Card {
  const rollout = { ...rolloutOf(answers, locale), place };
  return drawPlanCard(rollout, progressEvents(rollout), options);
}

export function interviewCards(locale: Locale): Record<string, Card> {
  const answers = ANSWER_SETS['active/passive Exchange 2000 cluster, service pack'];
  const r = noRemarks();
  return {
    'first question': questionCard(locale, {}, question('version'), r, false),
    'name question': questionCard(locale, { version: '2000', product: 'enterprise', topology: 'active-passive' }, question('nodeA'), r, true),
    'yes/no question': questionCard(locale, { version: '2000', product: 'standard', topology: 'single', change: 'service-pack' }, question('adc'), r, true),
    summary: summaryCard(locale, answers, [BOB_REF], r),
    change: changeCard(locale, answers, r),
    help: helpCard(locale),
    cancelled: cancelledCard(locale),
  };
}
