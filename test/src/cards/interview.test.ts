/**
 * Walks every path a user can click through, in both languages, and checks each
 * card: a fallback, no untranslated key or placeholder, valid button payloads, and
 * the choices repeated as words for the console. The summaries reached are exactly
 * the product/topology combinations that exist (FACTS P4).
 */
import { actionPayloadSchema } from '../../../src/cards/actions';
import type { Card } from '../../../src/cards/model';
import type { Locale } from '../../../conversations/types';
import { stepDialog } from '../../../src/interview/engine';
import type { DialogEvent, DialogState } from '../../../src/interview/types';
import { CTX, flattenCard } from '../interview/flatten';

function explore(locale: Locale) {
  const cards: Card[] = [];
  const combos = new Set<string>();
  const seen = new Set<string>();
  const first = stepDialog(undefined, { type: 'start', text: '' }, CTX(locale));
  let pending = [{ state: first.state, outputs: first.outputs }];
  while (pending.length > 0) {
    const next: typeof pending = [];
    for (const { state, outputs } of pending) {
      for (const o of outputs) if (o.type !== 'post-plan') cards.push(o.card);
      if (!state) continue;
      const key = JSON.stringify(state.answers);
      if (seen.has(key)) continue;
      seen.add(key);
      const card = outputs.find((o) => o.type === 'card');
      if (!card || card.type !== 'card') continue;
      if (state.stage === 'summary') {
        const a = state.answers;
        combos.add(`${a.version} ${a.product} ${a.topology}`);
        continue;
      }
      for (const block of card.card.blocks) {
        if (block.type !== 'actions') continue;
        for (const b of block.buttons) {
          if (b.action.k !== 'answer') continue;
          const value = b.action.v ?? `${b.action.q.toUpperCase()}-X`;
          const event: DialogEvent = { type: 'answer', question: b.action.q, value };
          next.push(stepDialog(state, event, CTX(locale)) as { state: DialogState | undefined; outputs: typeof outputs });
        }
      }
    }
    pending = next;
  }
  return { cards, combos };
}

describe.each<Locale>(['en', 'nl'])('every card reachable by clicking, in %s', (locale) => {
  const { cards, combos } = explore(locale);

  test('the summaries are exactly the combinations that exist', () => {
    expect([...combos].sort()).toEqual([
      '2000 conferencing single',
      '2000 enterprise active-active',
      '2000 enterprise active-passive',
      '2000 enterprise single',
      '2000 sbs single',
      '2000 standard single',
      '5.5 enterprise active-passive',
      '5.5 enterprise single',
      '5.5 sbs single',
      '5.5 standard single',
    ]);
  });

  test('cards are complete, translated and carry valid buttons', () => {
    expect(cards.length).toBeGreaterThan(50);
    for (const card of cards) {
      const text = flattenCard(card);
      expect(card.fallback.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/interview\.|\{\w+\}/);
      for (const block of card.blocks) {
        if (block.type === 'actions') for (const b of block.buttons) expect(actionPayloadSchema.safeParse(b.action).success).toBe(true);
      }
    }
  });

  test('choice labels are repeated as words to type', () => {
    for (const card of cards) {
      const hint = card.blocks.filter((b) => b.type === 'text' && b.style === 'muted').map((b) => (b.type === 'text' ? b.text : ''));
      const choiceLabels = card.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).filter((b) => b.action.k === 'answer' && b.action.v && !['yes', 'no'].includes(b.action.v));
      for (const b of choiceLabels) expect(hint.join(' ')).toContain(b.label);
    }
  });
});
