/**
 * The words the interview understands, English and Dutch: every button label can be
 * typed, synonyms land on the same answer, commands and languages are recognised.
 */
import { t } from '../../../conversations/strings';
import type { Answers, Locale } from '../../../conversations/types';
import { choiceLabelOf } from '../../../conversations/interview/describe';
import { parseText, tokenize } from '../../../conversations/interview/parse';
import { question } from '../../../conversations/interview/questions';
import { PHRASES_BY_FIRST_WORD } from '../../../conversations/interview/words';

const CHOICES: [keyof Answers, string[]][] = [
  ['version', ['2000', '5.5']],
  ['product', ['standard', 'enterprise', 'conferencing', 'sbs']],
  ['topology', ['single', 'active-passive', 'active-active']],
  ['change', ['service-pack', 'hotfix']],
];

describe.each<Locale>(['en', 'nl'])('button labels in %s can be typed', (locale) => {
  test.each(CHOICES.flatMap(([q, values]) => values.map((v) => [q, v] as const)))('%s = %s', (q, v) => {
    const label = t(locale, choiceLabelOf(q, v));
    expect(parseText(label).answers[q]).toBe(v);
    expect(parseText(label).leftovers).toEqual([]);
  });
  test('yes and no', () => {
    expect(parseText(t(locale, 'interview.choice.yes')).yesNo).toEqual([{ value: true, text: expect.any(String), first: true }]);
    expect(parseText(t(locale, 'interview.choice.no')).yesNo).toEqual([{ value: false, text: expect.any(String), first: true }]);
  });
  test('the summary buttons', () => {
    expect(parseText(t(locale, 'interview.button.post')).command).toBe('confirm');
    expect(parseText(t(locale, 'interview.button.change')).command).toBe('change');
    expect(parseText(t(locale, 'interview.button.back')).command).toBe('back');
    expect(parseText(t(locale, 'interview.button.cancel')).command).toBe('cancel');
    expect(parseText(t(locale, 'interview.button.startOver')).command).toBe('restart');
    expect(parseText(t(locale, 'interview.button.otherLanguage')).language).toBe(locale === 'en' ? 'nl' : 'en');
  });
});

test.each<[string, Answers]>([
  ['Exchange 2000', { version: '2000' }],
  ['E2K', { version: '2000' }],
  ['exchange 5.5', { version: '5.5' }],
  ['55', { version: '5.5' }],
  ['5,5', { version: '5.5' }],
  ['STD', { product: 'standard' }],
  ['Standaard', { product: 'standard' }],
  ['ent', { product: 'enterprise' }],
  ['conf', { product: 'conferencing' }],
  ['small business server', { product: 'sbs' }],
  ['standalone', { topology: 'single' }],
  ['not clustered', { topology: 'single' }],
  ['niet geclusterd', { topology: 'single' }],
  ['geen cluster', { topology: 'single' }],
  ['a/p', { topology: 'active-passive' }],
  ['Active / Passive', { topology: 'active-passive' }],
  ['actief/passief', { topology: 'active-passive' }],
  ['a/a', { topology: 'active-active' }],
  ['actief/actief', { topology: 'active-active' }],
  ['sp', { change: 'service-pack' }],
  ['service pack', { change: 'service-pack' }],
  ['servicepack', { change: 'service-pack' }],
  ['SP3', { change: 'service-pack' }],
  ['hotfix', { change: 'hotfix' }],
  ['store hotfix', { change: 'hotfix', storeHotfix: true }],
  ['store', { change: 'hotfix', storeHotfix: true }],
  ['not a store hotfix', { change: 'hotfix', storeHotfix: false }],
  ['adc', { adc: true }],
  ['no adc', { adc: false }],
  ['geen ADC', { adc: false }],
  ['zonder adc', { adc: false }],
  ['modified maps', { adc: true, adcCustomMaps: true }],
  ['mailbox manager', { mailboxManager: true }],
  ['MBM', { mailboxManager: true }],
  ['geen mailbox manager', { mailboxManager: false }],
  ['interorg', { interOrgSync: true }],
  ['terminal services', { terminalServices: true }],
  ['ts', { terminalServices: true }],
  ['RDP', { terminalServices: true }],
  ['no ts', { terminalServices: false }],
])('"%s" means %j', (text, answers) => {
  const parsed = parseText(text);
  expect(parsed.answers).toEqual(answers);
  expect(parsed.leftovers).toEqual([]);
});

test.each([
  ['back', 'back'], ['terug', 'back'], ['start over', 'restart'], ['opnieuw', 'restart'], ['cancel', 'cancel'],
  ['annuleren', 'cancel'], ['stop', 'cancel'], ['help', 'help'], ['hulp', 'help'], ['?', 'help'], ['post', 'confirm'],
  ['plaatsen', 'confirm'], ['change', 'change'], ['wijzig', 'change'],
])('"%s" is the command %s', (text, command) => {
  expect(parseText(text).command).toBe(command);
});

test.each([
  ['nl', 'nl'], ['taal nl', 'nl'], ['nederlands', 'nl'], ['english', 'en'], ['language en', 'en'], ['en', 'en'], ['engels', 'en'],
])('"%s" switches the language to %s', (text, locale) => {
  expect(parseText(text).language).toBe(locale);
});

test('"en" inside a Dutch sentence is the word "and", not a language', () => {
  const parsed = parseText('2000 en adc');
  expect(parsed.language).toBeUndefined();
  expect(parsed.answers).toEqual({ version: '2000', adc: true });
});

test('names keep their case and remember the role named before them', () => {
  expect(parseText('passive node Exch2 actieve node EXCH1 evs Evs-1').leftovers).toEqual([
    { text: 'Exch2', slot: 'nodeB' },
    { text: 'EXCH1', slot: 'nodeA' },
    { text: 'Evs-1', slot: 'evs' },
  ]);
});

test('"change <answer>" names the answer to change', () => {
  expect(parseText('change version')).toMatchObject({ command: 'change', target: 'version' });
  expect(parseText('wijzig adc')).toMatchObject({ command: 'change', target: 'adc' });
  expect(parseText('change passive node')).toMatchObject({ command: 'change', target: 'nodeB' });
});

test('"operators" hands over the words after it, as typed', () => {
  expect(parseText('operators @Alice @Bob').operators).toBe('@Alice @Bob');
  expect(parseText('uitvoerders iedereen').operators).toBe('iedereen');
  expect(parseText('Operators').operators).toBe('');
  expect(parseText('2000 operators').operators).toBeUndefined();
});

test('tokenize keeps dotted versions and file names, drops punctuation', () => {
  expect(tokenize('Exchange 5.5, SBS. Local.map!')).toEqual(['Exchange', '5.5', 'SBS', 'Local.map']);
});

test('questions are data with a kind', () => {
  expect(question('version').kind).toBe('choice');
  expect(question('nodeA').kind).toBe('name');
  expect(question('adc').kind).toBe('yes-no');
});

test('each phrase has one meaning', () => {
  const phrases = [...PHRASES_BY_FIRST_WORD.values()].flat().map((p) => p.words.join(' '));
  expect(phrases.filter((p, i) => phrases.indexOf(p) !== i)).toEqual([]);
});

test('phrases say which language they are, so the words can pick the interview language', () => {
  expect(parseText('2000 standard niet geclusterd servicepack').votes).toEqual({ en: 0, nl: 3 });
  expect(parseText('2000 enterprise not clustered service pack').votes).toEqual({ en: 3, nl: 0 });
  expect(parseText('2000 sbs sp adc EXCH1').votes).toEqual({ en: 0, nl: 0 });
});
