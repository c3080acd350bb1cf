/**
 * The Dutch of the rollout, card and plan texts: one register (u, never je/jij), one
 * word per concept - the same word the interview uses (strings/interview.nl.ts picks
 * the terms) - "uitrollen" as the plural, and "servicepack" written as one word.
 */
import { cardNl } from '../../conversations/strings/card.nl';
import { interviewNl } from '../../conversations/strings/interview.nl';
import { planNl } from '../../conversations/strings/plan.nl';
import { rolloutNl } from '../../conversations/strings/rollout.nl';
import { consoleNl } from '../../conversations/strings/console.nl';

const AREAS: Record<string, Record<string, string>> = { card: cardNl, rollout: rolloutNl, plan: planNl, console: consoleNl };
const rows = Object.entries(AREAS).flatMap(([area, texts]) => Object.entries(texts).map(([key, text]) => ({ area, key, text })));
const interview = Object.values(interviewNl).join('\n');

/** The interview's word for a concept, of two candidates (whichever it uses). */
function interviewWord(a: RegExp, b: RegExp): { used: RegExp; avoided: RegExp } {
  const usesA = a.test(interview);
  const usesB = b.test(interview);
  if (usesA === usesB) throw new Error(`the interview uses ${usesA ? 'both' : 'neither'} of ${a} and ${b}`);
  return usesA ? { used: a, avoided: b } : { used: b, avoided: a };
}

test('u throughout: no je, jij, jou, jouw or jullie', () => {
  expect(rows.filter((r) => /\b(je|jij|jou|jouw|jullie)\b/i.test(r.text))).toEqual([]);
});

test('the plural of uitrol is uitrollen', () => {
  expect(rows.filter((r) => /\buitrols\b/i.test(r.text))).toEqual([]);
});

test('servicepack is one word', () => {
  expect(rows.filter((r) => /service[ -]pack/i.test(r.text))).toEqual([]);
});

test('a cluster member has the same name as in the interview', () => {
  const { avoided } = interviewWord(/\bnodes?\b/i, /\bknooppunt(en)?\b/i);
  expect(rows.filter((r) => avoided.test(r.text))).toEqual([]);
});

test('the topology has the same name as in the interview', () => {
  const { avoided } = interviewWord(/\bTopologie\b/, /\bOpzet\b/);
  expect(rows.filter((r) => avoided.test(r.text))).toEqual([]);
});
