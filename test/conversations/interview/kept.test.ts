/**
 * Names typed before the topology is known (conversations/interview/kept.ts): which
 * words are kept, how a cluster topology places them, and what is said about them.
 */
import { interpretAnswer, interpretText } from '../../../conversations/interview/apply';
import { keptNote, looksLikeName, placeNames } from '../../../conversations/interview/kept';
import { parseText } from '../../../conversations/interview/parse';
import { t } from '../../../conversations/strings';
import type { Answers } from '../../../conversations/types';

const E2K: Answers = { version: '2000', product: 'enterprise' };

test('the parser remembers the word as typed when punctuation was trimmed off', () => {
  expect(parseText('EXCH1 foo!! "EXCH2".').leftovers).toEqual([
    { text: 'EXCH1' },
    { text: 'foo', raw: 'foo!!' },
    { text: 'EXCH2', raw: '"EXCH2".' },
  ]);
});

// Only words that can only be names are kept, whatever the product (a kept name ends up in the plan).
test.each<[string, boolean]>([
  ['EXCH1', true],
  ['exch1', true],
  ['MAILSRV', true],
  ['NODE-A', true],
  ['EXCH1.', true],
  ['(EXCH1)', true],
  ['mailhost', false],
  ['banana', false],
  ['99', false],
  ['foo!!', false],
  ['EXCH1?', false],
  ['EXCH_1', false],
  ['ABCDEFGHIJKLMNOP', false],
])('"%s" is kept as a name: %s', (typed, expected) => {
  const [left] = parseText(typed).leftovers;
  expect(looksLikeName(left)).toBe(expected);
});

test('without a topology, name-like words are kept and the rest is unknown', () => {
  const placed = placeNames(E2K, parseText('EXCH1 foo!! EXCH2').leftovers);
  expect(placed).toEqual({
    answers: E2K,
    problems: [],
    unknown: ['foo!!'],
    kept: [{ text: 'EXCH1' }, { text: 'EXCH2' }],
    notes: [{ key: 'interview.kept.nodes', params: { names: 'EXCH1, EXCH2' } }],
  });
});

test('a word not understood is named as typed, without brackets, quotes or a full stop', () => {
  expect(placeNames({ ...E2K, topology: 'single' }, parseText('foo!! (bar). "baz"').leftovers).unknown).toEqual(['foo!!', 'bar', 'baz']);
});

test('no more names are kept than a cluster can use (four)', () => {
  const placed = placeNames(E2K, parseText('A1 A2 A3').leftovers, [{ text: 'K1' }, { text: 'K2' }]);
  expect(placed.kept.map((k) => k.text)).toEqual(['K1', 'K2', 'A1', 'A2']);
  expect(placed.unknown).toEqual(['A3']);
});

test('kept names come before the names typed now, in the order of the open slots', () => {
  const placed = placeNames({ ...E2K, topology: 'active-active' }, parseText('VS1 VS2').leftovers, [{ text: 'N1' }, { text: 'N2' }]);
  expect(placed.answers).toEqual({ ...E2K, topology: 'active-active', nodeA: 'N1', nodeB: 'N2', evsA: 'VS1', evsB: 'VS2' });
  expect(placed.kept).toEqual([]);
  expect(placed.notes).toEqual([]);
});

test('a kept name is checked like a typed one; a refused name uses up its slot', () => {
  const placed = placeNames({ ...E2K, topology: 'active-passive' }, [], [{ text: 'EXCH1' }, { text: 'exch1' }, { text: 'EVS1' }]);
  expect(placed.answers).toEqual({ ...E2K, topology: 'active-passive', nodeA: 'EXCH1', evsA: 'EVS1' });
  expect(placed.problems).toEqual([{ key: 'interview.why.sameNodes', params: { name: 'exch1' } }]);
});

test('kept names nobody needs are dropped with a note that says why', () => {
  expect(placeNames({ ...E2K, topology: 'single' }, [], [{ text: 'EXCH1' }]).notes).toEqual([
    { key: 'interview.kept.dropped', params: { names: 'EXCH1' } },
  ]);
  const full = placeNames({ ...E2K, topology: 'active-passive', nodeA: 'A', nodeB: 'B', evsA: 'E' }, [], [{ text: 'X' }]);
  expect(full.notes).toEqual([{ key: 'interview.kept.unused', params: { names: 'X' } }]);
  expect(full.unknown).toEqual([]);
});

test('names already kept are not announced again when nothing new is kept', () => {
  const r = interpretText({ version: '2000' }, parseText('enterprise'), [{ text: 'EXCH1' }]);
  expect(r.answers).toEqual(E2K);
  expect(r.kept).toEqual([{ text: 'EXCH1' }]);
  expect(r.notes).toEqual([]);
});

test('a clicked topology places the kept names; a refused click keeps them', () => {
  const kept = [{ text: 'EXCH1' }, { text: 'EXCH2' }];
  const clicked = interpretAnswer(E2K, 'topology', 'active-passive', kept);
  expect(clicked.answers).toMatchObject({ nodeA: 'EXCH1', nodeB: 'EXCH2' });
  expect(clicked.kept).toEqual([]);
  const tampered = interpretAnswer(E2K, 'topology', 'ring', kept);
  expect(tampered.kept).toEqual(kept);
  expect(tampered.unknown).toEqual(['ring']);
});

test('the note lists the names; with more than two, or a virtual server among them, it says so', () => {
  expect(t('en', keptNote([{ text: 'EXCH1' }, { text: 'EXCH2' }]))).toBe("I'll use EXCH1, EXCH2 as the node names if it is a cluster.");
  expect(t('nl', keptNote([{ text: 'EXCH1' }, { text: 'EXCH2' }]))).toBe('Als het een cluster is, gebruik ik EXCH1, EXCH2 als namen van de knooppunten.');
  expect(keptNote([{ text: 'A' }, { text: 'B' }, { text: 'C' }]).key).toBe('interview.kept.cluster');
  expect(keptNote([{ text: 'EVS1', slot: 'evs' }]).key).toBe('interview.kept.cluster');
});
