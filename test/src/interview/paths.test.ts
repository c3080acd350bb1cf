/**
 * The eight product/topology paths of FACTS.md, each from the first question to
 * "post plan", in English with buttons and in Dutch with typed words. The posted
 * answers are what the plan builder gets.
 */
import type { CompleteAnswers } from '../../../conversations/types';
import { choose, click, enter, play, postedAnswers, type Row } from './flatten';

const post = click({ k: 'dialog', c: 'confirm' });

interface Path {
  name: string;
  en: Row[];
  nl: Row[];
  expected: CompleteAnswers;
}

const PATHS: Path[] = [
  {
    name: '1. Exchange 2000 Standard, not clustered, with an ADC, through Terminal Services',
    en: [
      ['', ['Which Exchange version is it?', '[2000] [5.5]']],
      [choose('version', '2000'), ['Understood: Exchange 2000', 'Which Exchange product', '[Conferencing]']],
      [choose('product', 'standard'), ['Standard Edition is never clustered', 'service pack or a hotfix']],
      [choose('change', 'service-pack'), ['Active Directory Connector']],
      [choose('adc', 'yes'), ['Local.map or Remote.map']],
      [choose('adcCustomMaps', 'no'), ['Terminal Services session']],
      [choose('terminalServices', 'yes'), ['Your answers', 'Topology: not clustered', 'ADC installed: yes', '[Post plan]']],
      [post, ['POST-PLAN'], 'done'],
    ],
    nl: [
      ['', ['Welke versie van Exchange']],
      ['2000', ['Begrepen: Exchange 2000', 'Welk Exchange-product', '[Standard]']],
      ['standaard', ['Standard Edition wordt nooit geclusterd', 'servicepack of een hotfix']],
      ['servicepack', ['Active Directory Connector']],
      ['ja', ['Local.map']],
      ['nee', ['Terminal Services-sessie']],
      ['ja', ['Uw antwoorden', 'Opzet: niet geclusterd', 'ADC geïnstalleerd: ja', '[Plan plaatsen]']],
      ['plaatsen', ['POST-PLAN'], 'done'],
    ],
    expected: { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: true, adcCustomMaps: false, terminalServices: true },
  },
  {
    name: '1b. Exchange 2000 Enterprise, not clustered, no ADC, from the console',
    en: [
      ['2000', ['Which Exchange product']],
      ['enterprise', ['Is the Exchange server clustered?', '[Not clustered] [Active/passive] [Active/active]']],
      ['not clustered', ['Understood: not clustered', 'service pack or a hotfix']],
      ['hotfix', ['information store']],
      ['no', ['Understood: not a store hotfix', 'Active Directory Connector']],
      ['no', ['Terminal Services']],
      ['no', ['Your answers']],
      ['post', ['POST-PLAN'], 'done'],
    ],
    nl: [
      ['2000', ['Welk Exchange-product']],
      ['enterprise', ['Is de Exchange-server geclusterd?', '[Niet geclusterd] [Actief/passief] [Actief/actief]']],
      ['niet geclusterd', ['Begrepen: niet geclusterd']],
      ['hotfix', ['informatiearchief']],
      ['nee', ['hotfix die het informatiearchief niet bijwerkt']],
      ['nee', ['Terminal Services']],
      ['nee', ['Uw antwoorden']],
      ['bevestig', ['POST-PLAN'], 'done'],
    ],
    expected: { version: '2000', product: 'enterprise', topology: 'single', change: 'hotfix', storeHotfix: false, adc: false, terminalServices: false },
  },
  {
    name: '2. Exchange 2000 active/passive cluster with a store hotfix',
    en: [
      [choose('version', '2000'), []],
      [choose('product', 'enterprise'), ['Is the Exchange server clustered?']],
      [choose('topology', 'active-passive'), ['name of the active node', 'owns the Exchange virtual server now', '<Active node>']],
      [enter('nodeA', 'EXCH1'), ['Understood: active node EXCH1', 'name of the passive node']],
      [enter('nodeB', 'exch2'), ['passive node exch2', 'name of the Exchange virtual server']],
      [enter('evsA', 'EVS1'), ['service pack or a hotfix']],
      [choose('change', 'hotfix'), ['store']],
      [choose('storeHotfix', 'yes'), ['ADC']],
      [choose('adc', 'no'), ['Your answers', 'Active node: EXCH1', 'Passive node: exch2', 'Virtual server: EVS1']],
      [post, ['POST-PLAN'], 'done'],
    ],
    nl: [
      ['exchange 2000', []],
      ['enterprise', ['geclusterd']],
      ['actief/passief', ['Hoe heet het actieve knooppunt']],
      ['EXCH1', ['Begrepen: actief knooppunt EXCH1', 'passieve knooppunt']],
      ['exch2', ['virtuele Exchange-server']],
      ['EVS1', ['servicepack of een hotfix']],
      ['store hotfix', ['Begrepen: hotfix, hotfix voor het informatiearchief', 'ADC']],
      ['geen adc', ['Uw antwoorden', 'Actief knooppunt: EXCH1']],
      ['plaats het plan', ['POST-PLAN'], 'done'],
    ],
    expected: { version: '2000', product: 'enterprise', topology: 'active-passive', nodeA: 'EXCH1', nodeB: 'exch2', evsA: 'EVS1', change: 'hotfix', storeHotfix: true, adc: false },
  },
  {
    name: '3. Exchange 2000 active/active cluster',
    en: [
      ['2000 enterprise', ['Is the Exchange server clustered?']],
      [choose('topology', 'active-active'), ['name of the first node (node A)']],
      [enter('nodeA', 'NODE-A'), ['second node (node B)']],
      [enter('nodeB', 'NODE-B'), ['virtual server that node A owns now']],
      [enter('evsA', 'EVS1'), ['virtual server that node B owns now']],
      [enter('evsB', 'EVS2'), ['service pack or a hotfix']],
      ['sp', ['ADC']],
      ['yes', ['Local.map']],
      ['yes', ['Your answers', 'Virtual server on node B: EVS2', 'Modified Local.map/Remote.map: yes']],
      [post, ['POST-PLAN'], 'done'],
    ],
    nl: [
      ['2000 enterprise actief/actief', ['Begrepen: Exchange 2000, Enterprise Edition, actief/actief cluster', 'eerste knooppunt']],
      ['NODE-A NODE-B', ['knooppunt A NODE-A, knooppunt B NODE-B', 'nu op knooppunt A draait']],
      ['EVS1 EVS2', ['servicepack of een hotfix']],
      ['servicepack', []],
      ['ja', []],
      ['ja', ['Uw antwoorden', 'Virtuele server op knooppunt B: EVS2']],
      ['plaatsen', ['POST-PLAN'], 'done'],
    ],
    expected: { version: '2000', product: 'enterprise', topology: 'active-active', nodeA: 'NODE-A', nodeB: 'NODE-B', evsA: 'EVS1', evsB: 'EVS2', change: 'service-pack', adc: true, adcCustomMaps: true },
  },
  {
    name: '4. Exchange 2000 Conferencing Server',
    en: [
      [choose('version', '2000'), []],
      [choose('product', 'conferencing'), ['Conferencing Server is never clustered']],
      [choose('change', 'service-pack'), []],
      [choose('adc', 'no'), ['Terminal Services']],
      [choose('terminalServices', 'no'), ['Product: Conferencing Server']],
      [post, ['POST-PLAN'], 'done'],
    ],
    nl: [
      ['2000 conferencing', ['Conferencing Server wordt nooit geclusterd']],
      ['sp', []],
      ['nee', []],
      ['nee', ['Product: Conferencing Server']],
      ['plaatsen', ['POST-PLAN'], 'done'],
    ],
    expected: { version: '2000', product: 'conferencing', topology: 'single', change: 'service-pack', adc: false, terminalServices: false },
  },
  {
    name: '5. Small Business Server 2000',
    en: [
      [choose('version', '2000'), []],
      [choose('product', 'sbs'), ['Small Business Server is never clustered']],
      [choose('change', 'hotfix'), []],
      [choose('storeHotfix', 'no'), []],
      [choose('adc', 'no'), []],
      [choose('terminalServices', 'yes'), ['Product: Small Business Server']],
      [post, ['POST-PLAN'], 'done'],
    ],
    nl: [
      ['sbs 2000', ['Small Business Server wordt nooit geclusterd']],
      ['hotfix', []],
      ['nee', []],
      ['nee', []],
      ['ja', ['Product: Small Business Server', 'Via Terminal Services: ja']],
      ['plaatsen', ['POST-PLAN'], 'done'],
    ],
    expected: { version: '2000', product: 'sbs', topology: 'single', change: 'hotfix', storeHotfix: false, adc: false, terminalServices: true },
  },
  {
    name: '6. Exchange 5.5, not clustered, Mailbox Manager in use',
    en: [
      [choose('version', '5.5'), ['[Standard] [Enterprise] [SBS]']],
      [choose('product', 'standard'), []],
      [choose('change', 'service-pack'), ['Mailbox Manager']],
      [choose('mailboxManager', 'yes'), ['InterOrg Synchronization']],
      [choose('interOrgSync', 'no'), ['Your answers', 'Mailbox Manager: yes']],
      [post, ['POST-PLAN'], 'done'],
    ],
    nl: [
      ['5,5', ['[Standard] [Enterprise] [SBS]']],
      ['standaard', []],
      ['servicepack', ['Mailbox Manager']],
      ['ja', ['InterOrg']],
      ['nee', ['Uw antwoorden']],
      ['plaatsen', ['POST-PLAN'], 'done'],
    ],
    expected: { version: '5.5', product: 'standard', topology: 'single', change: 'service-pack', mailboxManager: true, interOrgSync: false },
  },
  {
    name: '7. Exchange 5.5 cluster (active/passive only)',
    en: [
      [choose('version', '5.5'), []],
      [choose('product', 'enterprise'), ['[Not clustered] [Active/passive]', '!Active/active]', 'active/passive only']],
      [choose('topology', 'active-passive'), ['active node']],
      [enter('nodeA', 'MAIL1'), []],
      [enter('nodeB', 'MAIL2'), []],
      [enter('evsA', 'EXCHVS'), []],
      [choose('change', 'service-pack'), ['Mailbox Manager']],
      [choose('mailboxManager', 'no'), []],
      [choose('interOrgSync', 'yes'), ['Your answers', 'Active node: MAIL1']],
      [post, ['POST-PLAN'], 'done'],
    ],
    nl: [
      ['5.5 enterprise cluster MAIL1 MAIL2 EXCHVS', ['Begrepen: Exchange 5.5, Enterprise Edition, actief/passief cluster, actief knooppunt MAIL1, passief knooppunt MAIL2, virtuele server EXCHVS']],
      ['servicepack geen mailbox manager interorg', ['Uw antwoorden']],
      ['plaatsen', ['POST-PLAN'], 'done'],
    ],
    expected: { version: '5.5', product: 'enterprise', topology: 'active-passive', nodeA: 'MAIL1', nodeB: 'MAIL2', evsA: 'EXCHVS', change: 'service-pack', mailboxManager: false, interOrgSync: true },
  },
  {
    name: '8. Exchange 5.5 as part of SBS',
    en: [
      [choose('version', '5.5'), []],
      [choose('product', 'sbs'), ['Small Business Server is never clustered']],
      [choose('change', 'hotfix'), []],
      [choose('storeHotfix', 'yes'), []],
      [choose('mailboxManager', 'no'), []],
      [choose('interOrgSync', 'no'), ['Your answers']],
      [post, ['POST-PLAN'], 'done'],
    ],
    nl: [
      ['5.5 sbs hotfix store', ['Begrepen: Exchange 5.5, Small Business Server, niet geclusterd', 'Mailbox Manager']],
      ['nee', []],
      ['nee', ['Uw antwoorden']],
      ['plaatsen', ['POST-PLAN'], 'done'],
    ],
    expected: { version: '5.5', product: 'sbs', topology: 'single', change: 'hotfix', storeHotfix: true, mailboxManager: false, interOrgSync: false },
  },
];

describe.each(PATHS)('$name', ({ en, nl, expected }) => {
  test('in English reaches post-plan with the right answers', () => {
    expect(postedAnswers(play(en, 'en'))).toEqual(expected);
  });
  test('in Dutch reaches post-plan with the right answers', () => {
    expect(postedAnswers(play(nl, 'nl'))).toEqual(expected);
  });
});

test('the posted plan carries the operators and the language', () => {
  const p = play([[{ mentions: [{ id: 'U1', name: 'Alice' }], text: 'operators @alice' }, ['Uitvoerders ingesteld: Alice']], ['5.5 sbs sp nee nee', ['Uitvoerders: Alice']], ['post', []]], 'nl');
  expect(p.last.outputs[0]).toMatchObject({ type: 'post-plan', operators: [{ id: 'U1', name: 'Alice' }], locale: 'nl' });
});
