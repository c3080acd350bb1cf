/**
 * The words people naturally type for each question, in English and in Dutch, each
 * at the question it answers: every one is understood (nothing "not understood"),
 * lands on the right answer, and at the summary "yes", "ok", "ja" or "post" posts
 * the plan while "no" offers the answers to change.
 */
import type { Answers, Locale } from '../../../conversations/types';
import { play, postedAnswers, type Row } from './flatten';

/** What a user types to reach each question (the summary: every question answered). */
const REACH: Record<string, string[]> = {
  version: [],
  product: ['2000'],
  topology: ['2000 enterprise'],
  nodeA: ['2000 enterprise a/p'],
  change: ['2000 standard'],
  storeHotfix: ['2000 standard hotfix'],
  adc: ['2000 standard sp'],
  adcCustomMaps: ['2000 standard sp adc'],
  terminalServices: ['2000 standard sp no adc'],
  mailboxManager: ['5.5 standard sp'],
  interOrgSync: ['5.5 standard sp no'],
  summary: ['2000 standard sp no adc no ts'],
};

/** At a question: what is typed and the answers that must hold afterwards. */
type Natural = [question: string, typed: string, expected: Answers];

const EN: Natural[] = [
  ['version', '2000', { version: '2000' }],
  ['version', 'Exchange 2000', { version: '2000' }],
  ['version', 'exchange 2000 server', { version: '2000' }],
  ['version', 'E2K', { version: '2000' }],
  ['version', '5.5', { version: '5.5' }],
  ['version', 'Exchange Server 5.5.', { version: '5.5' }],
  ['version', 'it is exchange 55', { version: '5.5' }],
  ['product', 'standard', { product: 'standard' }],
  ['product', 'Standard Edition', { product: 'standard' }],
  ['product', 'std', { product: 'standard' }],
  ['product', 'Enterprise', { product: 'enterprise' }],
  ['product', 'enterprise edition', { product: 'enterprise' }],
  ['product', 'Exchange Conferencing Server', { product: 'conferencing' }],
  ['product', 'small business server', { product: 'sbs' }],
  ['product', 'SBS', { product: 'sbs' }],
  ['topology', 'no', { topology: 'single' }],
  ['topology', 'No.', { topology: 'single' }],
  ['topology', 'nope', { topology: 'single' }],
  ['topology', 'not clustered', { topology: 'single' }],
  ['topology', 'no, not clustered', { topology: 'single' }],
  ['topology', "it isn't clustered", { topology: 'single' }],
  ['topology', 'no cluster', { topology: 'single' }],
  ['topology', 'single server', { topology: 'single' }],
  ['topology', 'standalone', { topology: 'single' }],
  ['topology', 'active/passive', { topology: 'active-passive' }],
  ['topology', 'Active / Passive', { topology: 'active-passive' }],
  ['topology', 'yes, active/passive', { topology: 'active-passive' }],
  ['topology', 'a/p', { topology: 'active-passive' }],
  ['topology', 'active/active', { topology: 'active-active' }],
  ['topology', 'yes active-active', { topology: 'active-active' }],
  ['nodeA', 'EXCH1', { nodeA: 'EXCH1' }],
  ['nodeA', 'EXCH1 EXCH2', { nodeA: 'EXCH1', nodeB: 'EXCH2' }],
  ['nodeA', 'the active node is EXCH1', { nodeA: 'EXCH1' }],
  ['nodeA', "it's EXCH1", { nodeA: 'EXCH1' }],
  ['nodeA', 'passive node EXCH2, active node EXCH1', { nodeA: 'EXCH1', nodeB: 'EXCH2' }],
  ['change', 'sp', { change: 'service-pack' }],
  ['change', 'service pack', { change: 'service-pack' }],
  ['change', 'the service pack', { change: 'service-pack' }],
  ['change', 'SP3', { change: 'service-pack' }],
  ['change', 'hotfix', { change: 'hotfix' }],
  ['change', 'a hotfix', { change: 'hotfix' }],
  ['change', 'hot fix', { change: 'hotfix' }],
  ['storeHotfix', 'yes', { storeHotfix: true }],
  ['storeHotfix', 'y', { storeHotfix: true }],
  ['storeHotfix', 'yep', { storeHotfix: true }],
  ['storeHotfix', 'sure', { storeHotfix: true }],
  ['storeHotfix', 'yes, a store hotfix', { storeHotfix: true }],
  ['storeHotfix', 'no', { storeHotfix: false }],
  ['storeHotfix', 'nope', { storeHotfix: false }],
  ['storeHotfix', 'not a store hotfix', { storeHotfix: false }],
  ['adc', 'yes', { adc: true }],
  ['adc', 'yes, we use the ADC', { adc: true }],
  ['adc', 'no', { adc: false }],
  ['adc', 'no adc', { adc: false }],
  ['adc', "we don't", { adc: false }],
  ['adc', "we don't have an ADC", { adc: false }],
  ['adcCustomMaps', 'yes', { adcCustomMaps: true }],
  ['adcCustomMaps', 'yes, modified', { adcCustomMaps: true }],
  ['adcCustomMaps', 'no', { adcCustomMaps: false }],
  ['adcCustomMaps', 'not modified', { adcCustomMaps: false }],
  ['terminalServices', 'yes', { terminalServices: true }],
  ['terminalServices', 'through terminal services', { terminalServices: true }],
  ['terminalServices', 'via RDP', { terminalServices: true }],
  ['terminalServices', 'no', { terminalServices: false }],
  ['terminalServices', 'at the console', { terminalServices: false }],
  ['terminalServices', 'locally', { terminalServices: false }],
  ['mailboxManager', 'yes', { mailboxManager: true }],
  ['mailboxManager', 'we use mailbox manager', { mailboxManager: true }],
  ['mailboxManager', 'no', { mailboxManager: false }],
  ['interOrgSync', 'yes', { interOrgSync: true }],
  ['interOrgSync', 'no', { interOrgSync: false }],
];

const NL: Natural[] = [
  ['version', '2000', { version: '2000' }],
  ['version', 'Exchange 2000', { version: '2000' }],
  ['version', '5,5', { version: '5.5' }],
  ['version', 'Exchange 5,5', { version: '5.5' }],
  ['version', 'het is exchange 2000', { version: '2000' }],
  ['product', 'standaard', { product: 'standard' }],
  ['product', 'Standard', { product: 'standard' }],
  ['product', 'de standaardeditie', { product: 'standard' }],
  ['product', 'Enterprise editie', { product: 'enterprise' }],
  ['product', 'conferencing server', { product: 'conferencing' }],
  ['product', 'sbs', { product: 'sbs' }],
  ['topology', 'nee', { topology: 'single' }],
  ['topology', 'Nee.', { topology: 'single' }],
  ['topology', 'niet geclusterd', { topology: 'single' }],
  ['topology', 'nee, niet geclusterd', { topology: 'single' }],
  ['topology', 'geen cluster', { topology: 'single' }],
  ['topology', 'één server', { topology: 'single' }],
  ['topology', 'losse server', { topology: 'single' }],
  ['topology', 'actief/passief', { topology: 'active-passive' }],
  ['topology', 'ja, actief/passief', { topology: 'active-passive' }],
  ['topology', 'actief/actief', { topology: 'active-active' }],
  ['nodeA', 'EXCH1', { nodeA: 'EXCH1' }],
  ['nodeA', 'EXCH1 en EXCH2', { nodeA: 'EXCH1', nodeB: 'EXCH2' }],
  ['nodeA', 'het actieve knooppunt heet EXCH1', { nodeA: 'EXCH1' }],
  ['nodeA', 'passief knooppunt EXCH2, actief knooppunt EXCH1', { nodeA: 'EXCH1', nodeB: 'EXCH2' }],
  ['change', 'servicepack', { change: 'service-pack' }],
  ['change', 'een servicepack', { change: 'service-pack' }],
  ['change', 'sp', { change: 'service-pack' }],
  ['change', 'een hotfix', { change: 'hotfix' }],
  ['storeHotfix', 'ja', { storeHotfix: true }],
  ['storeHotfix', 'jazeker', { storeHotfix: true }],
  ['storeHotfix', 'ja, het informatiearchief', { storeHotfix: true }],
  ['storeHotfix', 'nee', { storeHotfix: false }],
  ['storeHotfix', 'niet het informatiearchief', { storeHotfix: false }],
  ['adc', 'ja', { adc: true }],
  ['adc', 'klopt', { adc: true }],
  ['adc', 'nee', { adc: false }],
  ['adc', 'geen adc', { adc: false }],
  ['adc', 'wij hebben geen ADC', { adc: false }],
  ['adcCustomMaps', 'ja, aangepast', { adcCustomMaps: true }],
  ['adcCustomMaps', 'niet aangepast', { adcCustomMaps: false }],
  ['terminalServices', 'ja', { terminalServices: true }],
  ['terminalServices', 'via extern bureaublad', { terminalServices: true }],
  ['terminalServices', 'nee', { terminalServices: false }],
  ['terminalServices', 'lokaal', { terminalServices: false }],
  ['mailboxManager', 'ja', { mailboxManager: true }],
  ['mailboxManager', 'we gebruiken geen mailbox manager', { mailboxManager: false }],
  ['interOrgSync', 'nee', { interOrgSync: false }],
];

/** The reply must neither say "not understood" nor leave the answer unset. */
const NOT_UNDERSTOOD: Record<Locale, string> = { en: '!did not understand', nl: '!begreep ik niet' };

function answerAt(locale: Locale, [q, typed, expected]: Natural): void {
  const rows: Row[] = REACH[q].map((line) => [line, []]);
  const p = play([...rows, [typed, [NOT_UNDERSTOOD[locale]]]], locale);
  expect(p.state?.answers).toMatchObject(expected);
}

describe.each<[Locale, Natural[]]>([['en', EN], ['nl', NL]])('natural answers in %s', (locale, table) => {
  test.each(table)('at %s, "%s"', (...row) => answerAt(locale, row));
});

describe('at the summary', () => {
  const POST_EN = ['yes', 'y', 'Yes.', 'yes please', 'ok', 'OK', 'okay', 'post', 'Post it', 'post the plan', 'confirm', 'go ahead', 'lgtm', 'yes, post it'];
  const POST_NL = ['ja', 'j', 'Ja.', 'ja graag', 'ok', 'oké', 'plaatsen', 'plaats maar', 'plaats het plan', 'bevestig', 'akkoord', 'doe maar', 'prima', 'ja, plaatsen'];
  const expected: Answers = { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: false, terminalServices: false };

  test.each(POST_EN)('"%s" posts the plan', (typed) => {
    const p = play([[REACH.summary[0], ['Your answers']], [typed, ['POST-PLAN'], 'done']], 'en');
    expect(postedAnswers(p)).toEqual(expected);
  });

  test.each(POST_NL)('"%s" plaatst het plan', (typed) => {
    const p = play([[REACH.summary[0], ['Uw antwoorden']], [typed, ['POST-PLAN'], 'done']], 'nl');
    expect(postedAnswers(p)).toEqual(expected);
  });

  test.each<[Locale, string, string]>([
    ['en', 'no', 'Which answer do you want to change?'],
    ['en', 'nope', 'Which answer do you want to change?'],
    ['nl', 'nee', 'Welk antwoord wilt u wijzigen?'],
  ])('in %s "%s" offers the answers to change and posts nothing', (locale, typed, phrase) => {
    const p = play([[REACH.summary[0], []], [typed, [phrase, '!POST-PLAN'], expected]], locale);
    expect(p.state?.stage).toBe('summary');
  });

  test('a yes that finishes the interview shows the summary first; only the next yes posts', () => {
    play([
      ['2000 standard sp no adc', ['Terminal Services']],
      ['yes', ['Your answers', 'Through Terminal Services: yes', '!POST-PLAN']],
      ['yes', ['POST-PLAN'], 'done'],
    ]);
  });

  test('"post" typed with answers before the summary keeps the answers and does not post', () => {
    play([['2000 standard sp no adc no ts post', ['Your answers', '!POST-PLAN'], expected], ['post', ['POST-PLAN'], 'done']]);
    play([['ok, 2000 standard', ['Understood: Exchange 2000, Standard Edition', 'service pack or a hotfix', '!POST-PLAN']]]);
  });

  test('yes while questions remain answers the question, and never posts', () => {
    play([['2000 standard sp', []], ['yes', ['Local.map', '!POST-PLAN'], { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: true }]]);
  });
});

describe('"Is the Exchange server clustered?" answered with yes', () => {
  test.each<[Locale, string, string]>([
    ['en', 'yes', 'Which kind of cluster is it: active/passive or active/active?'],
    ['nl', 'ja', 'Wat voor cluster is het: actief/passief of actief/actief?'],
  ])('on Exchange 2000 (%s) it asks which kind', (locale, typed, phrase) => {
    play([['2000 enterprise', []], [typed, [phrase, NOT_UNDERSTOOD[locale]], { version: '2000', product: 'enterprise' }]], locale);
  });

  test('on Exchange 5.5 there is one kind: active/passive', () => {
    play([['5.5 enterprise', []], ['yes', ['Understood: active/passive cluster', 'name of the active node'], { version: '5.5', product: 'enterprise', topology: 'active-passive' }]]);
    play([['5.5 enterprise', []], ['ja', ['Begrepen: actief/passief cluster', 'Hoe heet het actieve knooppunt'], { version: '5.5', product: 'enterprise', topology: 'active-passive' }]], 'nl');
  });
});
