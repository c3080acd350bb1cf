/**
 * What a user can say at any time: back, start over, cancel, help, a language,
 * operators; and changing an answer from the summary. Buttons and words, en + nl.
 */
import { stepDialog } from '../../../src/interview/engine';
import { CTX, choose, click, play, type Row } from './flatten';

const cmd = (c: 'back' | 'restart' | 'cancel' | 'help' | 'confirm' | 'change', q?: string) =>
  click(q ? { k: 'dialog', c, q } : { k: 'dialog', c });

describe('at any time', () => {
  test.each<[string, Row[], ('en' | 'nl')?]>([
    ['back undoes the last answer (a whole typed line at once)', [
      ['2000', [], { version: '2000' }],
      ['enterprise a/p EXCH1', [], { version: '2000', product: 'enterprise', topology: 'active-passive', nodeA: 'EXCH1' }],
      ['back', ['Which Exchange product'], { version: '2000' }],
      [cmd('back'), ['Which Exchange version'], {}],
      ['back', ['There is no earlier answer to go back to.'], {}],
    ]],
    ['terug in Dutch', [['2000 standaard', [], { version: '2000', product: 'standard', topology: 'single' }], ['terug', ['Welke versie van Exchange'], {}]], 'nl'],
    ['start over forgets everything but the language', [
      ['nl', ['Ik spreek vanaf nu Nederlands']],
      ['2000 sbs', []],
      ['opnieuw', ['We beginnen opnieuw.', 'Welke versie van Exchange'], {}],
      [cmd('restart'), ['We beginnen opnieuw.'], {}],
      ['start over', ['We beginnen opnieuw.'], {}],
    ]],
    ['cancel ends the interview', [['2000', []], ['cancel', ['Interview cancelled; nothing was posted.'], 'done']]],
    ['annuleren ends it in Dutch', [['2000', []], ['annuleren', ['Het interview is geannuleerd'], 'done']], 'nl'],
    ['stop ends it too', [['2000', []], ['stop', ['cancelled'], 'done']]],
    ['the cancel button ends it', [['2000', []], [cmd('cancel'), ['cancelled'], 'done']]],
    ['help explains and asks the same question again', [
      ['2000', []],
      ['help', ['Help', 'KB 328839', 'back (undo the last answer)', 'Which Exchange product'], { version: '2000' }],
      [cmd('help'), ['Commands:', 'Which Exchange product'], { version: '2000' }],
      ['?', ['Commands:'], { version: '2000' }],
    ]],
    // Help before any interview explains and begins nothing: no question, nothing saved.
    ['hulp in Dutch', [['hulp', ['Opdrachten:', '!Welke versie van Exchange'], 'done']], 'nl'],
    ['help alone begins no interview', [['help', ['Commands:', '!Which Exchange version'], 'done'], ['2000', ['Which Exchange product'], { version: '2000' }]]],
    ['the language switches mid-interview, answers kept', [
      ['2000', ['Which Exchange product']],
      ['nl', ['Ik spreek vanaf nu Nederlands', 'Welk Exchange-product'], { version: '2000' }],
      ['enterprise', ['Is de Exchange-server geclusterd?']],
      ['taal en', ['I will speak English from now on', 'Is the Exchange server clustered?'], { version: '2000', product: 'enterprise' }],
      ['language nl', ['Is de Exchange-server geclusterd?', '!clustered?']],
      [click({ k: 'lang', l: 'en' }), ['Is the Exchange server clustered?', '[Nederlands]']],
      ['english', ['Is the Exchange server clustered?']],
      ['nederlands actief/passief', ['Begrepen: actief/passief cluster']],
    ]],
    ['operators from mentions, or anyone', [
      [{ mentions: [{ id: 'U1', name: 'Alice' }, { id: 'U2', name: 'Bob' }], text: 'operators @Alice @Bob' }, ['Operators set: Alice, Bob.', 'Which Exchange version']],
      ['operators', ['Name the people who may act', 'Nothing was changed']],
      ['5.5 sbs sp no no', ['Operators: Alice, Bob']],
      ['operators anyone', ['Operators set: anyone in this channel.', 'Your answers', 'Operators: anyone in this channel']],
    ]],
    ['operators that name nobody never open the plan to everyone', [
      [{ mentions: [{ id: 'U1', name: 'Alice' }], text: 'operators @Alice' }, ['Operators set: Alice.']],
      // An unlinked "@bob", a plain name, "nobody": refused, and Alice stays the operator.
      ['operators @bob', ['I could not tell who "@bob" is', 'Nothing was changed', '!Operators set']],
      ['operators carol', ['"carol"', 'Nothing was changed']],
      ['operators nobody', ['"nobody"', 'Nothing was changed']],
      ['2000 standard sp no no', ['Your answers', 'Operators: Alice', '!anyone in this channel']],
      // Only the interviewed person themself: they may always act, so this names nobody.
      [{ mentions: [{ id: 'U0OWNER', name: 'Olivia' }], text: 'operators @Olivia' }, ['As the owner you can always act', 'Nothing was changed']],
      // A person whose display name is "anyone" is that person, not everyone.
      [{ mentions: [{ id: 'U9', name: 'anyone' }], text: 'operators @anyone' }, ['Operators set: anyone.', '!anyone in this channel']],
      [{ mentions: [{ id: 'U1', name: 'Alice' }], text: 'operators anyone @Alice' }, ['Either name people or say "anyone"']],
      ['help', ['Operators: anyone', '!anyone in this channel']],
    ]],
    ['uitvoerders in Dutch, refused in Dutch', [
      ['uitvoerders carol', ['Ik weet niet wie "carol" is', 'Er is niets gewijzigd']],
      ['uitvoerders iedereen', ['iedereen in dit kanaal']],
    ], 'nl'],
    ['post before the end says what is missing', [['2000', []], [cmd('confirm'), ['A few answers are still missing.', 'Which Exchange product'], { version: '2000' }]]],
    ['a start with no words resumes the interview', [
      ['2000', ['Which Exchange product']],
      // A mention with no words: the same question again, the answer kept, nothing refused.
      [{ mentions: [], text: '' }, ['Which Exchange product', '[Standard] [Enterprise]', '!did not understand', '!Understood:'], { version: '2000' }],
    ]],
    // A rest parameter: jest would take a third declared parameter for `done`.
  ])('%s', (...row) => {
    play(row[1], row[2] ?? 'en');
  });

  test('a start without words after an interview began resumes it', () => {
    const begun = play([['2000 standard', []]]).state;
    const r = stepDialog(begun, { type: 'start', text: '/exchange-sp' }, CTX());
    expect(r.state?.answers).toEqual({ version: '2000', product: 'standard', topology: 'single' });
    expect(JSON.stringify(r.outputs)).toContain('Continuing where we left off');
  });

  test('a start with words begins a new interview from them', () => {
    const begun = play([['2000 standard', []]]).state;
    const r = stepDialog(begun, { type: 'start', text: '5.5' }, CTX());
    expect(r.state?.answers).toEqual({ version: '5.5' });
    expect(r.state?.startedAt).toBe('2024-11-24T10:00:00.000Z');
  });

  test('the engine is pure: the same input gives the same output and the state is not mutated', () => {
    const begun = play([['2000 enterprise', []]]).state;
    const frozen = JSON.stringify(begun);
    const a = stepDialog(begun, { type: 'text', text: 'a/p EXCH1 EXCH2' }, CTX());
    const b = stepDialog(begun, { type: 'text', text: 'a/p EXCH1 EXCH2' }, CTX());
    expect(a).toEqual(b);
    expect(JSON.stringify(begun)).toBe(frozen);
  });
});

describe('changing an answer from the summary', () => {
  const done: Row = ['2000 standard sp adc no yes', ['Your answers', '[Post plan] [Change an answer]']];

  test('the change button offers every answer; picking one asks it again and comes back to the summary', () => {
    play([
      done,
      [cmd('change'), ['Which answer do you want to change?', '[Exchange version] [Product] [Change] [ADC installed]', '!Topology]']],
      [cmd('change', 'adc'), ['Active Directory Connector'], { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adcCustomMaps: false, terminalServices: true }],
      [choose('adc', 'no'), ['Your answers', 'ADC installed: no']],
      [cmd('confirm'), ['POST-PLAN'], 'done'],
    ]);
  });

  test('typing "change version" or "wijzig versie" asks that question again', () => {
    play([done, ['change version', ['Which Exchange version']]]);
    play([['2000 standaard sp adc nee ja', ['Uw antwoorden']], ['wijzig versie', ['Welke versie van Exchange']]], 'nl');
  });

  test('a new product asks the topology again (it was automatic for Standard)', () => {
    play([
      done,
      [cmd('change', 'product'), ['Which Exchange product']],
      [choose('product', 'enterprise'), ['Is the Exchange server clustered?']],
      [choose('topology', 'active-passive'), ['active node']],
    ]);
  });

  test('typing a new answer on the summary replaces the old one', () => {
    play([done, ['hotfix', ['Understood: hotfix', 'information store']], ['yes', ['Your answers', 'Store hotfix: yes']]]);
  });

  test('back from a change returns to the summary as it was', () => {
    play([done, [cmd('change', 'version'), ['Which Exchange version']], ['back', ['Your answers', 'Exchange version: Exchange 2000']]]);
  });

  test('a change of something that cannot be changed offers the list', () => {
    play([done, [cmd('change', 'topology'), ['That answer cannot be changed on its own', '[Exchange version]']]]);
  });

  test('Dutch summary and change picker', () => {
    play([
      ['2000 standaard sp adc nee ja', ['Uw antwoorden', '[Plan plaatsen] [Antwoord wijzigen]']],
      ['wijzigen', ['Welk antwoord wilt u wijzigen?', '[Exchange-versie]']],
    ], 'nl');
  });
});
