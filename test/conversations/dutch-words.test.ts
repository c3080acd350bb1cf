/**
 * The Dutch of the rollout, card, plan, console, reach and live texts: one register (u, never
 * je/jij), one word per concept - the word the interview strings chose (knooppunt,
 * Opzet, informatiearchief) - "uitrollen" as the plural, "servicepack" as one word.
 */
import { cardNl } from '../../conversations/strings/card.nl';
import { planNl } from '../../conversations/strings/plan.nl';
import { rolloutNl } from '../../conversations/strings/rollout.nl';
import { consoleNl } from '../../conversations/strings/console.nl';
import { reachNl } from '../../conversations/strings/reach.nl';
import { campaignNl } from '../../conversations/strings/campaign.nl';
import { liveNl } from '../../conversations/strings/live.nl';

const AREAS: Record<string, Record<string, string>> = { card: cardNl, rollout: rolloutNl, plan: planNl, console: consoleNl, reach: reachNl, campaign: campaignNl, live: liveNl };
/** The words a reader sees: placeholders such as {node} are names, not words. */
const rows = Object.entries(AREAS).flatMap(([area, texts]) =>
  Object.entries(texts).map(([key, text]) => ({ area, key, text: text.replace(/\{\w+\}/g, '…') })),
);

test('u throughout: no je, jij, jou, jouw or jullie', () => {
  expect(rows.filter((r) => /\b(je|jij|jou|jouw|jullie)\b/i.test(r.text))).toEqual([]);
});

test('the plural of uitrol is uitrollen', () => {
  expect(rows.filter((r) => /\buitrols\b/i.test(r.text))).toEqual([]);
});

test('servicepack is one word', () => {
  expect(rows.filter((r) => /service[ -]pack/i.test(r.text))).toEqual([]);
});

// The terms the interview strings chose (the header of strings/interview.nl.ts).
test.each([
  ['a cluster member', /\bknooppunt(en)?\b/i, /\bnodes?\b/i],
  ['the topology', /\bOpzet\b/, /\bTopologie\b/],
  ['the information store', /\binformatiearchief\b/, /\binformatieopslag\b|\bnieuwe opslag\b/],
])('%s has one name, the interview\'s', (_concept, used, avoided) => {
  expect(rows.filter((r) => avoided.test(r.text))).toEqual([]);
  expect(rows.some((r) => used.test(r.text))).toBe(true);
});
