/**
 * The words and phrases the interview understands, English and Dutch together (a
 * user may mix them). Matched case-insensitively on whole words, longest phrase
 * first. Button labels in strings/interview.*.ts must all appear here, so a console
 * user can type what a button says.
 */
import type { Answers, Locale } from '../types';
import { ANYONE_WORDS, OPERATORS_WORDS } from './operators';
import type { NameSlot, QuestionId } from './questions';

export type Command = 'back' | 'restart' | 'cancel' | 'help' | 'confirm' | 'change';

export type Word =
  /** Sets answers directly. */
  | { kind: 'set'; answers: Answers }
  /** An on/off fact; a negation before it ("no adc", "geen adc") picks `off`. */
  | { kind: 'feature'; on: Answers; off: Answers; target: QuestionId }
  /** "cluster" without saying which kind; "not clustered" via negation. */
  | { kind: 'cluster' }
  | { kind: 'yes' }
  | { kind: 'no' }
  | { kind: 'negation' }
  | { kind: 'command'; command: Command }
  | { kind: 'language'; locale: Locale }
  /** After "change": which answer ("change version"). */
  | { kind: 'target'; target: QuestionId }
  /** Says which slot the next name fills ("passive node EXCH2"). */
  | { kind: 'slot'; slot: NameSlot | 'evs' }
  | { kind: 'operators' }
  | { kind: 'anyone' }
  | { kind: 'filler' };

const set = (answers: Answers): Word => ({ kind: 'set', answers });
const feature = (target: QuestionId, on: Answers, off: Answers): Word => ({ kind: 'feature', on, off, target });
const command = (c: Command): Word => ({ kind: 'command', command: c });
const target = (q: QuestionId): Word => ({ kind: 'target', target: q });
const slot = (s: NameSlot | 'evs'): Word => ({ kind: 'slot', slot: s });

const TABLE: [string[], Word][] = [
  [['2000', 'e2k', 'ex2k', 'e2000', 'ex2000', 'exchange2000', '2k', '6.0'], set({ version: '2000' })],
  [['5.5', '55', 'e55', 'ex55', 'exchange55', 'exchange5.5', 'v5.5'], set({ version: '5.5' })],
  [['sbs2000'], set({ version: '2000', product: 'sbs' })],
  [['standard', 'std', 'standaard', 'standard edition', 'standaard editie', 'standaardeditie'], set({ product: 'standard' })],
  [['enterprise', 'ent', 'enterprise edition', 'enterprise editie'], set({ product: 'enterprise' })],
  [['conferencing', 'conf', 'conferencing server', 'conference server'], set({ product: 'conferencing' })],
  [['sbs', 'small business', 'small business server', 'smallbusiness'], set({ product: 'sbs' })],
  [['single', 'standalone', 'stand-alone', 'non-clustered', 'nonclustered', 'unclustered', 'niet-geclusterd',
    'enkele server', 'losse server', 'één server', 'een server', 'single server'], set({ topology: 'single' })],
  [['active/passive', 'active-passive', 'activepassive', 'active passive', 'a/p', 'actief/passief',
    'actief-passief', 'actief passief'], set({ topology: 'active-passive' })],
  [['active/active', 'active-active', 'activeactive', 'active active', 'a/a', 'actief/actief',
    'actief-actief', 'actief actief'], set({ topology: 'active-active' })],
  [['cluster', 'clustered', 'geclusterd', 'clusterd', 'clustering'], { kind: 'cluster' }],
  [['sp', 'service pack', 'servicepack', 'service-pack', 'sp1', 'sp2', 'sp3', 'sp4'], set({ change: 'service-pack' })],
  [['hotfix', 'hot fix', 'hot-fix', 'fix', 'patch'], set({ change: 'hotfix' })],
  [['store', 'store hotfix', 'store-hotfix', 'storehotfix', 'information store', 'informatiearchief'],
    feature('storeHotfix', { change: 'hotfix', storeHotfix: true }, { change: 'hotfix', storeHotfix: false })],
  [['adc', 'active directory connector'], feature('adc', { adc: true }, { adc: false })],
  [['maps', 'local.map', 'remote.map', 'custom maps', 'modified maps', 'aangepaste maps', 'map files', 'local.map/remote.map'],
    feature('adcCustomMaps', { adc: true, adcCustomMaps: true }, { adcCustomMaps: false })],
  [['mbm', 'mailbox manager', 'mailboxmanager'], feature('mailboxManager', { mailboxManager: true }, { mailboxManager: false })],
  [['interorg', 'inter-org', 'interorg sync', 'interorg synchronization', 'interorg synchronisatie', 'exchsync'],
    feature('interOrgSync', { interOrgSync: true }, { interOrgSync: false })],
  [['ts', 'rdp', 'terminal services', 'terminal server', 'terminal services session', 'remote desktop', 'extern bureaublad'],
    feature('terminalServices', { terminalServices: true }, { terminalServices: false })],
  [['console', 'locally', 'lokaal', 'at the console'], set({ terminalServices: false })],
  [['yes', 'y', 'yep', 'yeah', 'ja', 'j', 'jawel', 'klopt', 'true'], { kind: 'yes' }],
  [['nee', 'n', 'nope', 'neen', 'false'], { kind: 'no' }],
  [['no', 'not', 'geen', 'niet', 'without', 'zonder', 'none'], { kind: 'negation' }],
  [['back', 'go back', 'terug', 'ga terug', 'vorige', 'undo', 'ongedaan maken'], command('back')],
  [['start over', 'restart', 'opnieuw', 'begin opnieuw', 'opnieuw beginnen', 'start opnieuw', 'reset', 'herstart'], command('restart')],
  [['cancel', 'annuleren', 'annuleer', 'stop', 'stoppen', 'quit', 'exit', 'afbreken', 'abort'], command('cancel')],
  [['help', 'hulp', '?', 'uitleg', 'help me'], command('help')],
  [['post', 'post plan', 'post the plan', 'confirm', 'plaats', 'plaatsen', 'plan plaatsen', 'plaats het plan',
    'plaats plan', 'bevestig', 'bevestigen', 'ok', 'okay', 'akkoord'], command('confirm')],
  [['change', 'change an answer', 'wijzig', 'wijzigen', 'een antwoord wijzigen', 'aanpassen', 'edit', 'verander', 'veranderen'], command('change')],
  [['english', 'engels', 'taal en', 'language en', 'lang en', 'taal engels', 'language english'], { kind: 'language', locale: 'en' }],
  [['nl', 'nederlands', 'dutch', 'taal nl', 'language nl', 'lang nl', 'taal nederlands', 'language dutch'], { kind: 'language', locale: 'nl' }],
  [['version', 'versie'], target('version')],
  [['product', 'edition', 'editie'], target('product')],
  [['topology', 'topologie'], target('topology')],
  [['names', 'namen', 'node names', 'nodenamen'], target('nodeA')],
  [['active node', 'actieve node', 'node a', 'nodea', 'actief', 'actieve', 'active'], slot('nodeA')],
  [['passive node', 'passieve node', 'node b', 'nodeb', 'passief', 'passieve', 'passive'], slot('nodeB')],
  [['evs', 'virtual server', 'virtuele server', 'exchange virtual server', 'virtual servers', 'virtuele servers'], slot('evs')],
  [[...OPERATORS_WORDS], { kind: 'operators' }],
  [[...ANYONE_WORDS], { kind: 'anyone' }],
  [['exchange', 'server', 'servers', 'edition', 'the', 'a', 'an', 'de', 'het', 'een', 'and', 'en', 'with', 'met', 'is',
    'are', 'it', 'we', 'i', 'ik', 'use', 'using', 'gebruik', 'gebruiken', 'have', 'has', 'hebben', 'heeft', 'on', 'op',
    'of', 'van', 'for', 'voor', 'please', 'graag', 'node', 'nodes', 'named', 'called', 'genaamd', 'installed',
    'geïnstalleerd', 'geinstalleerd', 'applied', 'via', 'through', 'session', 'sessie', 'to', 'naar', 'my', 'our',
    'mijn', 'onze', 'in', 'bij', 'apply', 'install', 'installeren', '-', ':', '&', '+', 'also', 'ook', 'used', 'is',
    // Around cluster names typed in a sentence ("de twee nodes heten EXCH1 en EXCH2").
    'two', 'twee', 'zijn', 'heten', 'heet', 'knooppunt', 'knooppunten'],
    { kind: 'filler' }],
];

/** Phrases as lists of words, longest first so "store hotfix" wins over "store". */
export const PHRASES: { words: string[]; word: Word }[] = TABLE.flatMap(([phrases, word]) =>
  phrases.map((p) => ({ words: p.split(' '), word })),
).sort((x, y) => y.words.length - x.words.length);
