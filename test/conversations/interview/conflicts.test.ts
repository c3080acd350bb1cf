/**
 * Answers that cannot all be true (FACTS P4): exactly one goes, by one rule
 * (conversations/interview/conflicts.ts), and the user is told which and why. In one
 * message the edition goes before the topology and the version always stays; against
 * an earlier answer, the answer to the earlier question wins.
 */
import { applyProposals } from '../../../conversations/interview/conflicts';
import type { Answers, Locale } from '../../../conversations/types';
import { choose, click, play } from '../../src/interview/flatten';

describe.each<[Locale, Record<string, string>]>([
  ['en', {
    aa55: '5.5 enterprise active/active',
    aa55Said: 'Exchange 5.5 clusters are active/passive only; active/active needs Exchange 2000. So I left out: active/active cluster.',
    aa55Kept: 'Understood: Exchange 5.5, Enterprise Edition.',
    aa55Next: 'Is the Exchange server clustered?',
    stdAp: '2000 standard active/passive',
    stdApSaid: 'Standard Edition cannot be clustered: a cluster needs Enterprise Edition. So I left out: Standard Edition.',
    stdApKept: 'Understood: Exchange 2000, Enterprise Edition, active/passive cluster.',
    stdApNext: 'What is the name of the active node',
  }],
  ['nl', {
    aa55: '5,5 enterprise actief/actief',
    aa55Said: 'Clusters met Exchange 5.5 zijn altijd actief/passief; actief/actief kan alleen met Exchange 2000. Daarom heb ik dit weggelaten: actief/actief cluster.',
    aa55Kept: 'Begrepen: Exchange 5.5, Enterprise Edition.',
    aa55Next: 'Is de Exchange-server geclusterd?',
    stdAp: '2000 standaard actief/passief',
    stdApSaid: 'Standard Edition kan niet geclusterd worden: daarvoor is Enterprise Edition nodig. Daarom heb ik dit weggelaten: Standard Edition.',
    stdApKept: 'Begrepen: Exchange 2000, Enterprise Edition, actief/passief cluster.',
    stdApNext: 'Hoe heet het actieve knooppunt',
  }],
])('in %s', (locale, s) => {
  test('"5.5 enterprise active/active" keeps Exchange 5.5 Enterprise, drops the topology and says so', () => {
    play([[s.aa55, [s.aa55Said, s.aa55Kept, s.aa55Next], { version: '5.5', product: 'enterprise' }]], locale);
  });

  test('"2000 standard active/passive" keeps the cluster, drops Standard and says so', () => {
    play([[s.stdAp, [s.stdApSaid, s.stdApKept, s.stdApNext], { version: '2000', product: 'enterprise', topology: 'active-passive' }]], locale);
  });
});

describe('the same rule everywhere', () => {
  test.each<[string, Answers, Answers, Answers, string[]]>([
    // In one message: the version stays, then the topology; the edition goes first.
    ['5.5 Conferencing: the edition goes', {}, { version: '5.5', product: 'conferencing' }, { version: '5.5' }, ['interview.value.product.conferencing']],
    ['5.5 SBS active/passive: the edition goes', {}, { version: '5.5', product: 'sbs', topology: 'active-passive' },
      { version: '5.5', product: 'enterprise', topology: 'active-passive' }, ['interview.value.product.sbs']],
    ['5.5 Conferencing active/active: edition and topology go, one reason each', {}, { version: '5.5', product: 'conferencing', topology: 'active-active' },
      { version: '5.5' }, ['interview.value.product.conferencing', 'interview.value.topology.active-active']],
    // Against an earlier answer: the earlier question wins.
    ['a new topology cannot overrule the edition given before', { version: '2000', product: 'standard', topology: 'single' }, { topology: 'active-passive' },
      { version: '2000', product: 'standard', topology: 'single' }, ['interview.value.topology.active-passive']],
    ['a new version drops a topology that no longer fits', { version: '2000', product: 'enterprise', topology: 'active-active' }, { version: '5.5' },
      { version: '5.5', product: 'enterprise' }, ['interview.value.topology.active-active']],
  ])('%s', (_name, stored, proposals, expected, dropped) => {
    const merged = applyProposals(stored, proposals);
    expect(merged.answers).toEqual(expected);
    expect(merged.dropped.map((d) => d.answer.key)).toEqual(dropped);
  });

  test('a click against an earlier answer is refused with what was left out', () => {
    play([['2000 standard', []], [choose('topology', 'active-passive'),
      ['Standard Edition cannot be clustered', 'So I left out: active/passive cluster.'], { version: '2000', product: 'standard', topology: 'single' }]]);
  });

  test('changing the version says which earlier answer had to go', () => {
    play([
      ['2000 enterprise a/a N1 N2 E1 E2 sp no', ['Your answers']],
      [click({ k: 'dialog', c: 'change', q: 'version' }), []],
      [choose('version', '5.5'), ['So I left out: active/active cluster.', 'Is the Exchange server clustered?']],
    ]);
  });
});
