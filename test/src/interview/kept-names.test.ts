/**
 * Cluster names typed before the topology is known ("2000 enterprise EXCH1 EXCH2"):
 * kept for later and said so, used for the open name slots once a cluster topology
 * is picked, dropped with a note when it is not clustered (kept-names-history.test.ts:
 * back, start over, cancel and the stored state).
 */
import { buildPlan } from '../../../conversations/plan';
import { stepDialog } from '../../../src/interview/engine';
import { choose, CTX, enter, play } from './flatten';
import { E2K, playStored, post, posted } from './kept-names-play';

describe('names before the topology, in English', () => {
  test('kept and said so; active/passive fills both nodes and asks only the virtual server; the plan names them', () => {
    const p = playStored([
      ['2000 enterprise EXCH1 EXCH2', [
        'Understood: Exchange 2000, Enterprise Edition.',
        "I'll use EXCH1, EXCH2 as the node names if it is a cluster.",
        '!did not understand',
        'Is the Exchange server clustered?',
      ], E2K],
      [choose('topology', 'active-passive'), [
        'Understood: active/passive cluster, active node EXCH1, passive node EXCH2.',
        'What is the name of the Exchange virtual server?',
        '!name of the active node',
        '!name of the passive node',
        '!did not understand',
      ], { ...E2K, topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'EXCH2' }],
      [enter('evsA', 'EVS1'), ['service pack or a hotfix']],
      ['sp no', ['Your answers', 'Active node: EXCH1', 'Passive node: EXCH2', 'Virtual server: EVS1']],
      [post, ['POST-PLAN'], 'done'],
    ]);
    expect(posted(p)).toEqual({ ...E2K, topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'EXCH2', evsA: 'EVS1', change: 'service-pack', adc: false });
    expect(JSON.stringify(buildPlan(posted(p)))).toContain('EXCH2');
  });

  test('the state holds the kept names beside the answers, and lets go of them once used', () => {
    const kept = play([['2000 enterprise EXCH1 EXCH2', []]]).state;
    expect(kept?.keptNames).toEqual([{ text: 'EXCH1' }, { text: 'EXCH2' }]);
    expect(kept?.answers).toEqual(E2K);
    const used = stepDialog(kept, { type: 'text', text: 'a/p' }, CTX()).state;
    expect(used?.keptNames).toBeUndefined();
    expect(used?.answers).toMatchObject({ nodeA: 'EXCH1', nodeB: 'EXCH2' });
  });

  test('typed topology words work too, and "cluster" alone keeps the names until its kind is known', () => {
    playStored([
      ['2000 cluster EXCH1 EXCH2', ['Enterprise Edition', "I'll use EXCH1, EXCH2 as the node names", 'Is the Exchange server clustered?'], E2K],
      ['active/passive', ['active node EXCH1, passive node EXCH2', 'name of the Exchange virtual server'], { ...E2K, topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'EXCH2' }],
    ]);
  });

  test('names typed on separate lines add up', () => {
    playStored([
      ['2000 enterprise EXCH1', ["I'll use EXCH1 as the node names"]],
      ['EXCH2', ["I'll use EXCH1, EXCH2 as the node names", '!did not understand', 'Is the Exchange server clustered?'], E2K],
      ['a/p', ['active node EXCH1, passive node EXCH2', 'name of the Exchange virtual server']],
    ]);
  });

  test('active/active fills the nodes, then asks both virtual servers and nothing else about names', () => {
    playStored([
      ['2000 enterprise EXCH1 EXCH2', []],
      [choose('topology', 'active-active'), [
        'Understood: active/active cluster, node A EXCH1, node B EXCH2.',
        'What is the name of the Exchange virtual server that node A owns now?',
        '!name of the first node',
        '!name of the second node',
      ], { ...E2K, topology: 'active-active', nodeA: 'EXCH1', nodeB: 'EXCH2' }],
      [enter('evsA', 'EVS1'), ['virtual server that node B owns now']],
      [enter('evsB', 'EVS2'), ['service pack or a hotfix'], { ...E2K, topology: 'active-active', nodeA: 'EXCH1', nodeB: 'EXCH2', evsA: 'EVS1', evsB: 'EVS2' }],
    ]);
  });

  test('four names fill the nodes and both virtual servers of an active/active cluster', () => {
    playStored([
      ['2000 enterprise N1 N2 VS1 VS2', ["If it is a cluster, I'll use N1, N2, VS1, VS2 as the names of its nodes and then its virtual servers."]],
      ['active/active', ['node A N1, node B N2, virtual server VS1 on node A, virtual server VS2 on node B', 'service pack or a hotfix', '!What is the name'],
        { ...E2K, topology: 'active-active', nodeA: 'N1', nodeB: 'N2', evsA: 'VS1', evsB: 'VS2' }],
    ]);
  });

  test('a name more than the cluster needs is not used, and the user is told', () => {
    playStored([
      ['5.5 enterprise N1 N2 VS1 VS2', ['Is the Exchange server clustered?']],
      [choose('topology', 'active-passive'), [
        'active node N1, passive node N2, virtual server VS1',
        "All the cluster names are known, so I won't use VS2.",
        'service pack or a hotfix',
      ], { version: '5.5', product: 'enterprise', topology: 'active-passive', nodeA: 'N1', nodeB: 'N2', evsA: 'VS1' }],
    ]);
  });

  test('a role named before a kept name still picks its slot', () => {
    playStored([
      ['2000 enterprise passive node EXCH2 active node EXCH1', ['EXCH2, EXCH1']],
      ['a/p', ['active node EXCH1, passive node EXCH2'], { ...E2K, topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'EXCH2' }],
    ]);
  });

  test('not clustered drops them with a note; the plan has no names', () => {
    const p = playStored([
      ['2000 enterprise EXCH1 EXCH2', []],
      ['not clustered', ['Understood: not clustered.', "It is not clustered, so I won't need the names EXCH1, EXCH2.", 'service pack or a hotfix'],
        { ...E2K, topology: 'single' }],
      ['sp no no', ['Your answers', '!EXCH1', '!EXCH2']],
      [post, ['POST-PLAN', '!EXCH1'], 'done'],
    ]);
    expect(posted(p)).toEqual({ ...E2K, topology: 'single', change: 'service-pack', adc: false, terminalServices: false });
    const plan = JSON.stringify(buildPlan(posted(p)));
    expect(plan).not.toContain('EXCH1');
    expect(plan).not.toContain('EXCH2');
  });

  test('a product that is never clustered drops them too', () => {
    playStored([
      ['2000 EXCH1 EXCH2', ["I'll use EXCH1, EXCH2 as the node names", 'Which Exchange product'], { version: '2000' }],
      [choose('product', 'standard'), ["won't need the names EXCH1, EXCH2", 'service pack or a hotfix'], { version: '2000', product: 'standard', topology: 'single' }],
    ]);
  });
});

describe('names that cannot be kept or used', () => {
  test('a kept name that repeats a node is refused with the usual reason when it is applied', () => {
    playStored([
      ['2000 enterprise EXCH1 exch1', ["I'll use EXCH1, exch1 as the node names"]],
      [choose('topology', 'active-passive'), [
        'active node EXCH1',
        '"exch1" is already the other node: the two nodes need different names.',
        'What is the name of the passive node?',
      ], { ...E2K, topology: 'active-passive', nodeA: 'EXCH1' }],
    ]);
  });

  test('a kept name that repeats a node cannot be the virtual server either', () => {
    playStored([
      ['2000 enterprise EXCH1 EXCH2 exch2', []],
      ['a/p', ['"exch2" is already used: a virtual server name must differ from the node names.', 'name of the Exchange virtual server'],
        { ...E2K, topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'EXCH2' }],
    ]);
  });

  test('words that are not names as typed stay "not understood" and are not kept', () => {
    const p = playStored([
      ['2000 enterprise EXCH1 foo!! EXCH_1 ABCDEFGHIJKLMNOP', [
        "I'll use EXCH1 as the node names",
        'I did not understand: foo!!, EXCH_1, ABCDEFGHIJKLMNOP.',
      ], E2K],
    ]);
    expect(p.state?.keptNames).toEqual([{ text: 'EXCH1' }]);
  });

  test('while the product is unknown only words written like computer names are kept', () => {
    playStored([['2000', []], ['banana', ['I did not understand: banana.', '!node names'], { version: '2000' }]]);
    playStored([['2000 mailhost exch1', ['I did not understand: mailhost.', "I'll use exch1 as the node names"]]]);
  });

  test('after the topology is known, extra words are "not understood" as before', () => {
    playStored([['2000 enterprise single EXCH1', ['I did not understand: EXCH1.', '!node names'], { ...E2K, topology: 'single' }]]);
  });
});

describe('names before the topology, in Dutch', () => {
  test('in a Dutch sentence, then actief/passief', () => {
    playStored([
      ['2000 enterprise met de twee nodes EXCH1 en EXCH2', [
        'Begrepen: Exchange 2000, Enterprise Edition.',
        'Als het een cluster is, gebruik ik EXCH1, EXCH2 als namen van de knooppunten.',
        '!begreep ik niet',
        'Is de Exchange-server geclusterd?',
      ], E2K],
      ['actief/passief', [
        'Begrepen: actief/passief cluster, actief knooppunt EXCH1, passief knooppunt EXCH2.',
        'Hoe heet de virtuele Exchange-server?',
        '!Hoe heet het actieve knooppunt',
        '!Hoe heet het passieve knooppunt',
      ], { ...E2K, topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'EXCH2' }],
    ], 'nl');
  });

  test('"de knooppunten heten ..." then actief/actief asks both virtual servers', () => {
    playStored([
      ['exchange 2000 enterprise, de knooppunten heten EXCH1 en EXCH2', ['gebruik ik EXCH1, EXCH2 als namen van de knooppunten', '!begreep ik niet']],
      [choose('topology', 'active-active'), [
        'Begrepen: actief/actief cluster, knooppunt A EXCH1, knooppunt B EXCH2.',
        'Hoe heet de virtuele Exchange-server die nu op knooppunt A draait?',
        '!Hoe heet het eerste knooppunt',
      ]],
      ['EVS1', ['die nu op knooppunt B draait']],
    ], 'nl');
  });

  test('four names, in Dutch', () => {
    playStored([
      ['2000 enterprise N1 N2 VS1 VS2', ['Als het een cluster is, gebruik ik N1, N2, VS1, VS2 als namen van eerst de knooppunten en dan de virtuele servers.']],
      ['actief/actief', ['virtuele server VS2 op knooppunt B', 'servicepack of een hotfix']],
    ], 'nl');
  });

  test('niet geclusterd drops them with a note', () => {
    playStored([
      ['2000 enterprise EXCH1 EXCH2', []],
      ['niet geclusterd', ['Begrepen: niet geclusterd.', 'Het is niet geclusterd, dus de namen EXCH1, EXCH2 heb ik niet nodig.'], { ...E2K, topology: 'single' }],
    ], 'nl');
  });

  test('a repeated name is refused in Dutch when it is applied', () => {
    playStored([
      ['2000 enterprise EXCH1 exch1', []],
      ['actief/passief', ['"exch1" is al de naam van het andere knooppunt', 'Hoe heet het passieve knooppunt?'], { ...E2K, topology: 'active-passive', nodeA: 'EXCH1' }],
    ], 'nl');
  });

  test('opnieuw forgets them', () => {
    playStored([
      ['2000 enterprise EXCH1 EXCH2', ['gebruik ik EXCH1, EXCH2']],
      ['opnieuw', ['We beginnen opnieuw.'], {}],
      ['2000 enterprise actief/passief', ['Hoe heet het actieve knooppunt', '!EXCH1']],
    ], 'nl');
  });
});
