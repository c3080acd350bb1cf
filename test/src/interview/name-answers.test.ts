/**
 * Node and virtual-server names come only from what can only be a name: nonsense at
 * other questions never becomes one, NetBIOS names in a cluster line fill the slots in
 * order whatever they look like, and a name field refuses what is not a name as typed,
 * in the user's language.
 */
import type { Answers, Locale } from '../../../conversations/types';
import { NETBIOS_NAME } from '../../../conversations/types';
import { stepDialog } from '../../../src/interview/engine';
import type { InputBlock } from '../../../src/cards/model';
import { CTX, enter, play, postedAnswers, type Row } from './flatten';

const E2K: Answers = { version: '2000', product: 'enterprise' };
const AP: Answers = { ...E2K, topology: 'active-passive' };

describe('nonsense never becomes a node name', () => {
  test.each<[Locale, string, string]>([
    ['en', 'Is the Exchange server clustered?', 'I did not understand: banana.'],
    ['nl', 'Is de Exchange-server geclusterd?', 'Dit begreep ik niet: banana.'],
  ])('"banana" then "99" at the cluster question (%s)', (locale, question, notUnderstood) => {
    const p = play([
      ['2000 enterprise', [question]],
      ['banana', [notUnderstood, question, '!banana as', '!banana als'], E2K],
      ['99', ['99.', question, '!99 as', '!99 als'], E2K],
      [locale === 'en' ? 'active/passive' : 'actief/passief', ['!banana', '!99', locale === 'en' ? 'name of the active node' : 'Hoe heet het actieve knooppunt'], AP],
    ], locale);
    expect(p.state?.keptNames).toBeUndefined();
  });

  test('lower-case words without digits are not kept, whatever the product; computer-like names are', () => {
    play([['2000 enterprise clusterred mailhost', ['I did not understand: clusterred, mailhost.', '!node names'], E2K]]);
    play([['2000 enterprise mail01 MAILSRV', ["I'll use mail01, MAILSRV as the node names"], E2K]]);
  });

  test('a name of digits only is refused at a name question too', () => {
    play([['2000 enterprise a/p', []], ['99', ['"99" is not a valid name', 'name of the active node'], AP]]);
    play([['2000 enterprise a/p', []], [enter('nodeA', '1234'), ['"1234" is geen geldige naam', 'Hoe heet het actieve knooppunt'], AP]], 'nl');
  });

  test('"yes banana" to the cluster question of Exchange 5.5 opens the slots, but banana is no name', () => {
    play([['5.5 enterprise', []], ['yes banana', ['I did not understand: banana.', 'Understood: active/passive cluster.', 'name of the active node'],
      { version: '5.5', product: 'enterprise', topology: 'active-passive' }]]);
    play([['5.5 enterprise', []], ['ja banaan', ['Dit begreep ik niet: banaan.', 'Hoe heet het actieve knooppunt'],
      { version: '5.5', product: 'enterprise', topology: 'active-passive' }]], 'nl');
  });

  test('yes or no at a name question is not a name', () => {
    play([['2000 enterprise a/p', []], ['no', ['I did not understand: no.', 'name of the active node'], AP]]);
  });
});

describe('NetBIOS names typed with a cluster topology fill the slots in order', () => {
  test.each<[string, string[]]>([
    ['NODEA NODEB EVS1 EVS2', ['NODEA', 'NODEB', 'EVS1', 'EVS2']],
    ['NodeA NodeB VsA VsB', ['NodeA', 'NodeB', 'VsA', 'VsB']],
    ['node-1 node-2 vs-1 vs-2', ['node-1', 'node-2', 'vs-1', 'vs-2']],
    ['SRV01 SRV02 MAILA MAILB', ['SRV01', 'SRV02', 'MAILA', 'MAILB']],
  ])('"2000 enterprise active/active %s sp no" reaches the summary', (names, [nodeA, nodeB, evsA, evsB]) => {
    const p = play([
      [`2000 enterprise active/active ${names} sp no`, ['Your answers', `Node A: ${nodeA}`, `Node B: ${nodeB}`, `Virtual server on node A: ${evsA}`,
        `Virtual server on node B: ${evsB}`, 'ADC installed: no', '!did not understand']],
      ['post', ['POST-PLAN'], 'done'],
    ]);
    expect(postedAnswers(p)).toEqual({ ...E2K, topology: 'active-active', nodeA, nodeB, evsA, evsB, change: 'service-pack', adc: false });
  });

  test('in Dutch, with a trailing nee', () => {
    play([['2000 enterprise actief/actief NODEA NODEB EVS1 EVS2 servicepack nee', [
      'Uw antwoorden', 'Knooppunt A: NODEA', 'Knooppunt B: NODEB', 'Virtuele server op knooppunt A: EVS1', 'Virtuele server op knooppunt B: EVS2',
      'ADC geïnstalleerd: nee', '!begreep ik niet',
    ]]], 'nl');
  });

  test('"node a" and "node b" written apart still name the slot', () => {
    play([['2000 enterprise a/a node b NB1 node a NA1', ['node A NA1, node B NB1']]]);
  });
});

describe('a name field', () => {
  function nameInputs(locale: Locale): InputBlock[] {
    const rows: Row[] = [['2000 enterprise a/a', []], ['N1', []], ['N2', []], ['E1', []]];
    const inputs: InputBlock[] = [];
    let state = play([rows[0]], locale).state;
    for (const [act] of rows.slice(1)) {
      const card = stepDialog(state, { type: 'start', text: '' }, CTX(locale)).outputs[0];
      if (card.type === 'card') inputs.push(...card.card.blocks.filter((b): b is InputBlock => b.type === 'input'));
      state = stepDialog(state, { type: 'text', text: String(act) }, CTX(locale)).state;
    }
    const last = stepDialog(state, { type: 'start', text: '' }, CTX(locale)).outputs[0];
    if (last.type === 'card') inputs.push(...last.card.blocks.filter((b): b is InputBlock => b.type === 'input'));
    return inputs;
  }

  test.each<Locale>(['en', 'nl'])('shows a description, never an example that looks like an answer (%s)', (locale) => {
    const inputs = nameInputs(locale);
    expect(inputs.map((i) => i.id)).toEqual(['nodeA', 'nodeB', 'evsA', 'evsB']);
    for (const input of inputs) {
      expect(input.placeholder).toBeDefined();
      expect(NETBIOS_NAME.test(input.placeholder ?? '')).toBe(false);
      expect(input.placeholder).not.toMatch(/EXCH|\d/);
    }
  });

  test.each<[Locale, string, string]>([
    ['en', 'Please type a name.', 'What is the name of the active node'],
    ['nl', 'Typ een naam.', 'Hoe heet het actieve knooppunt'],
  ])('an empty Save asks again in the user\'s language (%s)', (locale, please, question) => {
    play([['2000 enterprise a/p', []], [enter('nodeA', ''), [please, question], AP], [enter('nodeA', '   '), [please, question], AP]], locale);
  });

  test.each<[Locale, string]>([
    ['en', '"EXCH VS 1!" is not a valid name: use 1 to 15 letters, digits or hyphens, with at least one letter and no spaces.'],
    ['nl', '"EXCH VS 1!" is geen geldige naam: gebruik 1 tot 15 letters, cijfers of streepjes, met minstens één letter en zonder spaties.'],
  ])('"EXCH VS 1!" is refused with the rule, typed or entered, never cut to EXCH (%s)', (locale, refusal) => {
    const atEvs: Row = ['2000 enterprise a/p EXCH1 EXCH2', []];
    const stored = { ...AP, nodeA: 'EXCH1', nodeB: 'EXCH2' };
    play([atEvs, ['EXCH VS 1!', [refusal, '!EXCH,'], stored]], locale);
    play([atEvs, [enter('evsA', 'EXCH VS 1!'), [refusal], stored]], locale);
    // With more than one slot open it is still one name with spaces, not three names.
    play([['2000 enterprise a/a', []], ['EXCH VS 1!', [refusal], { ...E2K, topology: 'active-active' }]], locale);
  });

  test('a word that lost punctuation is refused as typed', () => {
    play([['2000 enterprise a/p EXCH1', []], ['EXCH2!! EVS1', ['"EXCH2!! EVS1" is not a valid name'], { ...AP, nodeA: 'EXCH1' }]]);
    play([['2000 enterprise a/p foo!! EXCH2', ['"foo!!" is not a valid name', 'passive node EXCH2'], { ...AP, nodeB: 'EXCH2' }]]);
  });

  test('a long pasted name is quoted only in part', () => {
    const long = 'x'.repeat(500);
    const p = play([['2000 enterprise a/p', []], [enter('nodeA', long), ['is not a valid name'], AP]]);
    expect(p.texts[1]).toContain(`"${'x'.repeat(40)}…"`);
    expect(p.texts[1]).not.toContain('x'.repeat(41));
  });
});
