/**
 * Readable in every theme: every text colour / container pair the Teams renderer
 * draws (plans in every state, refusals, open forms, the people picker, the
 * interview, status and details cards, in English and Dutch) has a contrast of at
 * least 4.5:1 (WCAG 1.4.3) in Teams' light, dark and high-contrast colours and the
 * adaptivecards library's defaults (helpers/host-configs.ts says where each comes from).
 */
import { renderCardForTeams } from '../../../adapters/teams';
import { drawStatusCard } from '../../../src/cards/notes';
import { drawPlanCard, drawStepDetails, PEOPLE_SECTION } from '../../../src/cards/plan-card';
import type { Card } from '../../../src/cards/model';
import type { RolloutEvent } from '../../../src/rollout/model';
import { ALICE_REF, ANSWER_SETS, interviewCards, planCardWithProgress, progressEvents, rolloutOf } from './fixtures';
import { contrastRatio, MIN_TEXT_CONTRAST, pairContrast, parseColor, textPairs, type TextPair } from './helpers/contrast';
import { TEAMS_DARK, TEAMS_LIGHT, THEMES } from './helpers/host-configs';

function everyCard(): unknown[] {
  const cards: Card[] = [];
  for (const answers of Object.values(ANSWER_SETS)) {
    for (const locale of ['en', 'nl'] as const) {
      const rollout = rolloutOf(answers, locale);
      const events = progressEvents(rollout);
      const [, , ready] = rollout.plan.steps;
      const waiting = rollout.plan.steps.at(-1)!;
      cards.push(drawPlanCard(rollout, [events[0]]));
      cards.push(planCardWithProgress(answers, locale));
      cards.push(planCardWithProgress(answers, locale, { refusal: { at: ready.id, text: 'Step 3 is already confirmed.' } }));
      cards.push(planCardWithProgress(answers, locale, { refusal: { at: waiting.id, text: 'Step 9 must wait for step 8.\n\nYour text: x' } }));
      cards.push(planCardWithProgress(answers, locale, { refusal: { at: PEOPLE_SECTION, text: 'Only Alice can choose.' } }));
      cards.push(planCardWithProgress(answers, locale, {}, 'group'));
      const done: RolloutEvent[] = rollout.plan.steps.map((s, i) => ({ rolloutId: rollout.id, seq: i + 2, type: 'confirmed', stepId: s.id, actor: ALICE_REF, at: rollout.createdAt }));
      cards.push(drawPlanCard(rollout, [events[0], ...done, { rolloutId: rollout.id, seq: done.length + 2, type: 'completed', actor: ALICE_REF, at: rollout.createdAt }]));
      cards.push(drawStepDetails(rollout, events, ready.id)!);
      cards.push(drawStatusCard(locale, [{ rollout: { ...rollout, messages: [{ id: 'm1' }] }, events }]));
      cards.push(...Object.values(interviewCards(locale)));
    }
  }
  const rendered = cards.flatMap((card) => renderCardForTeams(card));
  // The clicker's card with a note form open, under a ready step and under a waiting one.
  const cluster = ANSWER_SETS['active/passive Exchange 2000 cluster, service pack'];
  const rollout = rolloutOf(cluster);
  const withForms = planCardWithProgress(cluster);
  rendered.push(...renderCardForTeams(withForms, { openForm: { stepId: rollout.plan.steps[3].id, verb: 'skip' } }));
  rendered.push(...renderCardForTeams(withForms, { openForm: { stepId: 'apply-node-b', verb: 'problem' } }));
  return rendered;
}

const describePair = (pair: TextPair) => `${pair.color}${pair.subtle ? ' (subtle)' : ''} text in ${pair.styles.join(' > ')}`;

describe('text contrast on every container the Teams renderer uses', () => {
  const cards = everyCard();

  it('the renderer draws only the default text colours: plain and subtle, on the card, in the emphasis boxes and the boxes inside them', () => {
    // A new colour or container in the renderer shows up here first, and is then checked below.
    expect(textPairs(cards).map(describePair).sort()).toEqual([
      'default (subtle) text in default',
      'default (subtle) text in default > emphasis',
      'default (subtle) text in default > emphasis > emphasis',
      'default text in default',
      'default text in default > default',
      'default text in default > emphasis',
      'default text in default > emphasis > default',
    ]);
  });

  it.each(Object.keys(THEMES))('every pair is at least 4.5:1 in %s', (name) => {
    const theme = THEMES[name]();
    const low = textPairs(cards, theme.showCardStyle)
      .map((pair) => ({ pair: describePair(pair), ratio: Math.round(pairContrast(pair, theme) * 100) / 100 }))
      .filter((p) => p.ratio < MIN_TEXT_CONTRAST);
    expect(low).toEqual([]);
  });
});

describe('the contrast check itself', () => {
  it('computes WCAG ratios: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio(parseColor('#000000'), parseColor('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColor('#777777'), parseColor('#777777'))).toBeCloseTo(1, 5);
  });

  it('fails the pairs the old card used (so a clean result means something)', () => {
    // "Waiting for steps 2–4" in the warning colour on white, about 1.5:1.
    const waiting = pairContrast({ styles: ['default'], color: 'warning', subtle: false }, TEAMS_LIGHT);
    expect(waiting).toBeLessThan(1.7);
    // "Done by …" in the good colour on a good container, about 1.9:1.
    const done = pairContrast({ styles: ['default', 'good'], color: 'good', subtle: false }, TEAMS_LIGHT);
    expect(done).toBeLessThan(2.1);
    // The attention colour on Teams' dark background.
    expect(pairContrast({ styles: ['default'], color: 'attention', subtle: false }, TEAMS_DARK)).toBeLessThan(MIN_TEXT_CONTRAST);
    // And the pairs are found in a card that uses them.
    const old = { type: 'AdaptiveCard', body: [{ type: 'Container', style: 'good', items: [{ type: 'TextBlock', text: 'Done by Alice', color: 'Good' }] }] };
    expect(textPairs([old])).toEqual([{ styles: ['default', 'good'], color: 'good', subtle: false }]);
  });
});
