/**
 * Answers typed up front, several at once, in English or Dutch; impossible
 * combinations and bad names are refused with their reason, and nothing earlier is lost.
 */
import { choose, enter, play, type Row } from './flatten';

describe('free text up front', () => {
  test.each<[string, Row[]]>([
    [
      'an active/passive Exchange 2000 cluster in one line asks only for the virtual server',
      [[
        '2000 enterprise active/passive EXCH1 EXCH2 adc',
        ['Understood: Exchange 2000, Enterprise Edition, active/passive cluster, active node EXCH1, passive node EXCH2, ADC installed.', 'name of the Exchange virtual server'],
        { version: '2000', product: 'enterprise', topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'EXCH2', adc: true },
      ]],
    ],
    [
      'a 5.5 SBS store hotfix',
      [['5.5 sbs hotfix store', ['Exchange 5.5, Small Business Server, not clustered (Small Business Server is never clustered), hotfix, store hotfix', 'Mailbox Manager'],
        { version: '5.5', product: 'sbs', topology: 'single', change: 'hotfix', storeHotfix: true }]],
    ],
    [
      'Dutch words: standaard, niet geclusterd, servicepack, geen adc',
      [['exchange 2000 standaard niet geclusterd servicepack geen adc', ['Understood: Exchange 2000, Standard Edition, not clustered', 'service pack, no ADC', 'Terminal Services'],
        { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: false }]],
    ],
    [
      'roles named before the names ("passive node EXCH2 active node EXCH1")',
      [['e2k ent a/p passive node EXCH2 active node EXCH1 evs EVS1', ['active node EXCH1, passive node EXCH2, virtual server EVS1'],
        { version: '2000', product: 'enterprise', topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'EXCH2', evsA: 'EVS1' }]],
    ],
    [
      '"cluster" on Exchange 5.5 can only be active/passive; "cluster" implies Enterprise',
      [['55 cluster', ['Exchange 5.5, Enterprise Edition, active/passive cluster'], { version: '5.5', product: 'enterprise', topology: 'active-passive' }]],
    ],
    [
      'a/a is the short form; four names fill nodes then virtual servers',
      [['2000 a/a n1 n2 vs1 vs2 sp', ['node A n1, node B n2, virtual server vs1 on node A, virtual server vs2 on node B, service pack'],
        { version: '2000', product: 'enterprise', topology: 'active-active', nodeA: 'n1', nodeB: 'n2', evsA: 'vs1', evsB: 'vs2', change: 'service-pack' }]],
    ],
    [
      'several yes/no answers in a row answer the open questions in order',
      [['5.5 std sp', ['Mailbox Manager']], ['yes no', ['Your answers', 'Mailbox Manager: yes', 'InterOrg Synchronization: no']]],
    ],
    [
      'unknown words are named and the rest is kept',
      [['2000 foo standard', ['Understood: Exchange 2000, Standard Edition', 'I did not understand: foo.'], { version: '2000', product: 'standard', topology: 'single' }]],
    ],
    [
      'Dutch decimal comma and mixed Dutch words, in Dutch',
      [['5,5 enterprise actief/passief', ['Begrepen: Exchange 5.5, Enterprise Edition, actief/passief cluster', 'Hoe heet het actieve knooppunt']]],
    ],
  ])('%s', (_name, rows) => {
    play(rows, rows[0][0].toString().includes('actief') ? 'nl' : 'en');
  });
});

describe('impossible answers are refused with the reason; earlier answers stay', () => {
  test.each<[string, Row[]]>([
    // Said in one message, the edition goes (conflicts.ts); the cluster makes it Enterprise.
    ['a Standard Edition cluster', [['2000', []], ['standard active/passive', [
      'Standard Edition cannot be clustered: a cluster needs Enterprise Edition. So I left out: Standard Edition.',
      'Understood: Enterprise Edition, active/passive cluster.', 'name of the active node',
    ], { version: '2000', product: 'enterprise', topology: 'active-passive' }]]],
    ['a Standard Edition cluster clicked on an old card', [['2000 standard', []], [choose('topology', 'active-passive'), ['Standard Edition cannot be clustered'], { version: '2000', product: 'standard', topology: 'single' }]]],
    ['Exchange 5.5 active/active', [['5.5 enterprise', ['[Not clustered] [Active/passive]', '!Active/active]']], ['active/active', ['Exchange 5.5 clusters are active/passive only; active/active needs Exchange 2000.', 'Is the Exchange server clustered?'], { version: '5.5', product: 'enterprise' }]]],
    ['Exchange 5.5 active/active in one line', [['5.5 active/active', ['active/passive only', 'So I left out: active/active cluster.', 'Understood: Exchange 5.5.'], { version: '5.5' }]]],
    ['an SBS cluster', [['2000', []], ['sbs cluster', [
      'Small Business Server runs on one server, so it cannot be clustered. So I left out: Small Business Server.',
      'Which kind of cluster is it: active/passive or active/active?',
    ], { version: '2000', product: 'enterprise' }]]],
    ['a cluster after the edition was given keeps the edition', [['2000 sbs', []], ['cluster', [
      'Small Business Server runs on one server, so it cannot be clustered. So I left out: a cluster.',
    ], { version: '2000', product: 'sbs', topology: 'single' }]]],
    ['a Conferencing Server cluster', [['2000 conferencing', []], ['active/active', ['Conferencing Server is not supported on a cluster.'], { version: '2000', product: 'conferencing', topology: 'single' }]]],
    ['Conferencing Server on Exchange 5.5', [['5.5', ['!Conferencing]']], ['conferencing', ['Conferencing Server exists only for Exchange 2000'], { version: '5.5' }]]],
    ['a node name with an underscore', [['2000 enterprise a/p', []], [enter('nodeA', 'EXCH_1'), ['"EXCH_1" is not a valid name: use 1 to 15 letters, digits or hyphens, with at least one letter and no spaces.', 'name of the active node'], { version: '2000', product: 'enterprise', topology: 'active-passive' }]]],
    ['a 16-character name', [['2000 enterprise a/p EXCH1', []], ['ABCDEFGHIJKLMNOP', ['"ABCDEFGHIJKLMNOP" is not a valid name', 'passive node'], { version: '2000', product: 'enterprise', topology: 'active-passive', nodeA: 'EXCH1' }]]],
    ['the same node name twice (case does not matter)', [['2000 enterprise a/p EXCH1', []], [enter('nodeB', 'exch1'), ['"exch1" is already the other node', 'passive node'], { version: '2000', product: 'enterprise', topology: 'active-passive', nodeA: 'EXCH1' }]]],
    ['a virtual server named like a node', [['2000 enterprise a/p EXCH1 EXCH2', []], ['EXCH2', ['must differ from the node names'], { version: '2000', product: 'enterprise', topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'EXCH2' }]]],
    ['two virtual servers with one name', [['2000 a/a N1 N2 VS1', []], [enter('evsB', 'vs1'), ['each virtual server needs its own name']]]],
    ['one word at a name question is the name, even a keyword', [['2000 enterprise a/p', []], ['Exchange', ['active node Exchange'], { version: '2000', product: 'enterprise', topology: 'active-passive', nodeA: 'Exchange' }]]],
    ['an empty name', [['2000 enterprise a/p', []], [enter('nodeA', '  '), ['Please type a name.']]]],
    ['nonsense gets the valid choices again', [['2000', []], ['banana', ['I did not understand: banana.', 'Click a button or type: Standard, Enterprise, Conferencing, SBS'], { version: '2000' }]]],
    ['a tampered choice value', [['', []], [choose('version', '7.0'), ['I did not understand: 7.0', 'Which Exchange version'], {}]]],
    ['yes when no yes/no question is open', [['2000', []], ['yes', ['I did not understand: yes.'], { version: '2000' }]]],
    ['a button of a question that does not apply', [['5.5', []], [choose('adc', 'yes'), ['does not apply now'], { version: '5.5' }]]],
  ])('%s', (_name, rows) => {
    play(rows);
  });

  test('in Dutch the reason is Dutch', () => {
    play([['2000', []], ['standaard actief/passief', ['Standard Edition kan niet geclusterd worden', 'Daarom heb ik dit weggelaten: Standard Edition.'],
      { version: '2000', product: 'enterprise', topology: 'active-passive' }], [enter('product', 'x'), []]], 'nl');
  });

  test('a changed version drops a topology that no longer exists and asks it again', () => {
    play([
      ['2000 enterprise a/a N1 N2 E1 E2 sp no', ['Your answers']],
      [{ click: { k: 'dialog', c: 'change', q: 'version' } }, ['Which Exchange version']],
      [choose('version', '5.5'), ['active/passive only', 'Is the Exchange server clustered?', '[Not clustered] [Active/passive]'],
        { version: '5.5', product: 'enterprise', nodeA: 'N1', nodeB: 'N2', evsA: 'E1', change: 'service-pack' }],
      [choose('topology', 'active-passive'), ['Mailbox Manager']],
    ]);
  });
});
