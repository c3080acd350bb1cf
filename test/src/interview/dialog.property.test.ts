/**
 * Whatever a user types or clicks, in any order and in either language, the pure
 * interview engine (src/interview/engine.ts) holds:
 * - it never throws;
 * - a plan is posted only from a summary the user saw, with exactly its answers;
 * - no state and no posted plan holds a combination that cannot exist (FACTS P4);
 * - a node or virtual-server name only ever comes from a name question, a message that
 *   names the cluster, or a word written like a computer name (the kept-name rule);
 *   never from nonsense typed elsewhere.
 * Typed text includes nonsense, unicode and huge strings; clicks include stale and
 * tampered payloads.
 */
import fc from 'fast-check';
import { findConflicts, productsFor, topologiesFor } from '../../../conversations/interview/availability';
import { completeAnswers, nextQuestion, NAME_SLOTS, QUESTION_ORDER } from '../../../conversations/interview/questions';
import { MAX_INTERVIEW_TEXT } from '../../../conversations/interview/scan';
import { PHRASES_BY_FIRST_WORD } from '../../../conversations/interview/words';
import { buildPlan } from '../../../conversations/plan';
import { NETBIOS_NAME, type Answers, type Locale } from '../../../conversations/types';
import { stepDialog } from '../../../src/interview/engine';
import type { DialogCommand, DialogContext, DialogEvent, DialogState } from '../../../src/interview/types';

const WORDS = [
  '2000', '5.5', '5,5', 'exchange', 'standard', 'standaard', 'enterprise', 'conferencing', 'sbs', 'single', 'not clustered',
  'niet geclusterd', 'active/passive', 'actief/passief', 'a/p', 'active/active', 'a/a', 'cluster', 'geclusterd', 'sp',
  'service pack', 'servicepack', 'hotfix', 'store', 'adc', 'no adc', 'geen adc', 'maps', 'mbm', 'interorg', 'ts', 'console',
  'yes', 'ja', 'no', 'nee', 'y', 'ok', 'post', 'plaatsen', 'back', 'terug', 'start over', 'help', 'change', 'change version',
  'wijzig adc', 'english', 'nl', 'active node', 'passief knooppunt', 'evs', 'node a', 'operators anyone', 'the', 'de', 'cancel',
];
const NAMES = ['EXCH1', 'EXCH2', 'NODEA', 'NODEB', 'EVS1', 'evs2', 'node-1', 'MAILSRV', 'Exchange', 'TS'];
const NONSENSE = ['banana', '99', 'foo!!', 'mailhost', 'EXCH VS 1!', '"EXCH3".', '(x)', 'é', '💥', 'ABCDEFGHIJKLMNOP', 'EXCH_1', '-', '?', '...', ''];
const HUGE = ['.'.repeat(20_000), `${'a '.repeat(600)}sp`, `2000 ${'x'.repeat(MAX_INTERVIEW_TEXT)}`, '<a'.repeat(5_000), ' '.repeat(MAX_INTERVIEW_TEXT + 1)];
const VALUES = ['2000', '5.5', 'standard', 'enterprise', 'conferencing', 'sbs', 'single', 'active-passive', 'active-active', 'service-pack',
  'hotfix', 'yes', 'no', 'ja', 'true', 'maybe', '7.0', ...NAMES, ...NONSENSE];
const QUESTIONS = [...QUESTION_ORDER, 'bogus', '__proto__', 'constructor', ''];
const COMMANDS: DialogCommand[] = ['back', 'restart', 'cancel', 'help', 'confirm', 'confirm', 'change'];

type Act =
  /** Whatever answers the open question (or confirms the summary), chosen by `pick`: the way to a plan. */
  | { kind: 'progress'; pick: number; typed: boolean }
  | { kind: 'type'; text: string }
  | { kind: 'start'; text: string }
  | { kind: 'event'; event: DialogEvent };

const typed = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...WORDS, ...NAMES, ...NONSENSE), { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);

const act: fc.Arbitrary<Act> = fc.oneof(
  { weight: 16, arbitrary: fc.record({ pick: fc.nat(), typed: fc.boolean() }).map(({ pick, typed }): Act => ({ kind: 'progress', pick, typed })) },
  { weight: 6, arbitrary: typed.map((text): Act => ({ kind: 'type', text })) },
  { weight: 1, arbitrary: typed.map((text): Act => ({ kind: 'start', text: `/exchange-sp ${text}` })) },
  { weight: 4, arbitrary: fc.record({ question: fc.constantFrom(...QUESTIONS), value: fc.oneof(fc.constantFrom(...VALUES), fc.string()) })
    .map(({ question, value }): Act => ({ kind: 'event', event: { type: 'answer', question, value } })) },
  { weight: 2, arbitrary: fc.record({ command: fc.constantFrom(...COMMANDS), question: fc.option(fc.constantFrom(...QUESTIONS), { nil: undefined }) })
    .map(({ command, question }): Act => ({ kind: 'event', event: question === undefined ? { type: 'command', command } : { type: 'command', command, question } })) },
  { weight: 1, arbitrary: fc.constantFrom<Locale>('en', 'nl').map((locale): Act => ({ kind: 'event', event: { type: 'language', locale } })) },
);

/** A valid answer to where the interview stands, as a click or as typed words. */
function progressOf(pick: number, typed: boolean, state: DialogState | undefined): DialogEvent {
  if (!state) return { type: 'start', text: '' };
  const q = nextQuestion(state.answers);
  const say = (value: string, text = value): DialogEvent => (typed ? { type: 'text', text } : { type: 'answer', question: q?.id ?? '', value });
  if (!q) return typed ? { type: 'text', text: ['yes', 'ja', 'post', 'ok', 'plaatsen'][pick % 5] } : { type: 'command', command: 'confirm' };
  if (q.kind === 'yes-no') return say(pick % 2 === 0 ? 'yes' : 'no');
  if (q.kind === 'name') return say(NAMES[pick % NAMES.length]);
  const choices = q.choices(state.answers);
  const value = choices[pick % choices.length];
  return say(value, value.replace('-', ' '));
}

function eventOf(a: Act, state: DialogState | undefined): DialogEvent {
  if (a.kind === 'progress') return progressOf(a.pick, a.typed, state);
  if (a.kind === 'event') return a.event;
  if (a.kind === 'start' || !state) return { type: 'start', text: a.text };
  return { type: 'text', text: a.text };
}

/** Words that name a cluster or a name slot ("active/passive", "cluster", "passive node"), from the vocabulary. */
const CLUSTER_PHRASES = [...PHRASES_BY_FIRST_WORD.values()].flat()
  .filter(({ word: w }) => w.kind === 'cluster' || w.kind === 'slot' ||
    (w.kind === 'set' && (w.answers.topology === 'active-passive' || w.answers.topology === 'active-active')))
  .map((p) => ` ${p.words.join(' ')} `);

const trimWord = (w: string): string => w.replace(/^[("'`]+/, '').replace(/[)"'`.!?:]+$/, '');
const looksLikeComputerName = (w: string): boolean => /[A-Za-z]/.test(w) && (/\d/.test(w) || w === w.toUpperCase());

/** The names a message may give: which of its words may become node or virtual-server names. */
function namesMayComeFrom(event: DialogEvent, before: DialogState | undefined): string[] {
  if (event.type === 'answer') return (NAME_SLOTS as readonly string[]).includes(event.question) ? [event.value.trim()] : [];
  if (event.type !== 'text' && event.type !== 'start') return [];
  if (event.text.length > MAX_INTERVIEW_TEXT) return [];
  const words = event.text.replace(/\s*\/\s*/g, '/').split(/[\s,;]+/).map(trimWord).filter((w) => w.length > 0);
  const atNameQuestion = event.type === 'text' && before !== undefined && nextQuestion(before.answers)?.kind === 'name';
  const line = ` ${words.join(' ').toLowerCase()} `;
  if (atNameQuestion || CLUSTER_PHRASES.some((p) => line.includes(p))) return words;
  return words.filter(looksLikeComputerName);
}

function namesIn(state: DialogState): string[] {
  const a = state.answers;
  return [...NAME_SLOTS.map((s) => a[s]).filter((n): n is string => n !== undefined), ...(state.keptNames ?? []).map((k) => k.text)];
}

function expectPossible(a: Answers): void {
  expect(findConflicts(a)).toEqual([]);
  if (a.product !== undefined) expect(productsFor(a)).toContain(a.product);
  if (a.topology !== undefined && a.product !== undefined) expect(topologiesFor(a)).toContain(a.topology);
}

describe.each<Locale>(['en', 'nl'])('any sequence of messages and clicks, in %s', (locale) => {
  test('never crashes, posts only a seen summary, never an impossible combination, and takes names only where they are names', () => {
    let posted = 0;
    fc.assert(
      fc.property(fc.array(act, { minLength: 1, maxLength: 60 }), fc.boolean(), (acts, localeIsGuess) => {
        const ctx: DialogContext = { locale, localeIsGuess, now: new Date('2024-11-24T10:00:00Z'), user: { id: 'U1', name: 'Olivia' } };
        let state: DialogState | undefined;
        const mayBeNames = new Set<string>();
        for (const a of acts) {
          const event = eventOf(a, state);
          for (const n of namesMayComeFrom(event, state)) mayBeNames.add(n);
          const result = stepDialog(state, event, ctx);
          for (const out of result.outputs) {
            if (out.type !== 'post-plan') continue;
            posted += 1;
            // Only from the summary the user was shown, with exactly its answers.
            expect(event.type).not.toBe('start');
            expect(state?.stage).toBe('summary');
            expect(out.answers).toEqual(completeAnswers(state?.answers ?? {}));
            expect(result.state).toBeUndefined();
            expectPossible(out.answers);
            expect(buildPlan(out.answers).steps.length).toBeGreaterThan(0);
          }
          if (result.state) {
            expectPossible(result.state.answers);
            for (const name of namesIn(result.state)) {
              expect({ name, fromWhereNamesCome: mayBeNames.has(name) }).toEqual({ name, fromWhereNamesCome: true });
            }
            for (const slot of NAME_SLOTS) {
              const name = result.state.answers[slot];
              if (name !== undefined) expect(NETBIOS_NAME.test(name)).toBe(true);
            }
          }
          state = result.state;
        }
      }),
      { numRuns: 400, seed: locale === 'en' ? 10 : 11 },
    );
    // The sequences do reach plans: the posting rules above were exercised.
    expect(posted).toBeGreaterThan(0);
  });
});
