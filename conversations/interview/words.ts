/**
 * The words and phrases the interview understands, English and Dutch together (a
 * user may mix them). Matched case-insensitively on whole words, longest phrase
 * first. Button labels in strings/interview.*.ts must all appear here, so a console
 * user can type what a button says. Each phrase says which language it belongs to
 * (`any` for names and words both languages use), so the words typed at the start can
 * choose the interview's language when the user has not.
 */
import type { Answers, Locale } from '../types';
import { ANYONE_WORDS, OPERATORS_WORDS } from './operators';
import type { NameSlot, QuestionId } from './questions';

/** The interview's commands, as words (below), buttons (src/cards/actions.ts) and engine events. */
export const COMMANDS = ['back', 'restart', 'cancel', 'help', 'confirm', 'change'] as const;
export type Command = (typeof COMMANDS)[number];

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

/** The phrases of one meaning, by language. */
interface Entry {
  word: Word;
  en?: string[];
  nl?: string[];
  any?: string[];
}

const set = (answers: Answers): Word => ({ kind: 'set', answers });
const feature = (target: QuestionId, on: Answers, off: Answers): Word => ({ kind: 'feature', on, off, target });
const command = (c: Command): Word => ({ kind: 'command', command: c });
const target = (q: QuestionId): Word => ({ kind: 'target', target: q });
const slot = (s: NameSlot | 'evs'): Word => ({ kind: 'slot', slot: s });

const TABLE: Entry[] = [
  { word: set({ version: '2000' }), any: ['2000', 'e2k', 'ex2k', 'e2000', 'ex2000', 'exchange2000', '2k', '6.0', 'v2000'] },
  { word: set({ version: '5.5' }), any: ['5.5', '55', 'e55', 'ex55', 'exchange55', 'exchange5.5', 'v5.5'] },
  { word: set({ version: '2000', product: 'sbs' }), any: ['sbs2000'] },
  { word: set({ product: 'standard' }), any: ['standard', 'std', 'standard edition'],
    nl: ['standaard', 'standaard editie', 'standaardeditie', 'standaard-editie'] },
  { word: set({ product: 'enterprise' }), any: ['enterprise', 'ent', 'enterprise edition'], nl: ['enterprise editie', 'enterprise-editie'] },
  { word: set({ product: 'conferencing' }), any: ['conferencing', 'conf', 'conferencing server'], en: ['conference server'] },
  { word: set({ product: 'sbs' }), any: ['sbs', 'small business', 'small business server', 'smallbusiness'] },
  { word: set({ topology: 'single' }),
    en: ['single', 'standalone', 'stand-alone', 'stand alone', 'non-clustered', 'nonclustered', 'unclustered', 'single server', 'one server'],
    nl: ['niet-geclusterd', 'ongeclusterd', 'enkele server', 'losse server', 'één server', 'een server', 'zelfstandig', 'alleenstaand'] },
  { word: set({ topology: 'active-passive' }), any: ['a/p'], en: ['active/passive', 'active-passive', 'activepassive', 'active passive'],
    nl: ['actief/passief', 'actief-passief', 'actief passief'] },
  { word: set({ topology: 'active-active' }), any: ['a/a'], en: ['active/active', 'active-active', 'activeactive', 'active active'],
    nl: ['actief/actief', 'actief-actief', 'actief actief'] },
  { word: { kind: 'cluster' }, any: ['cluster', 'clustering'], en: ['clustered', 'clusterd'], nl: ['geclusterd'] },
  { word: set({ change: 'service-pack' }), any: ['sp', 'sp1', 'sp2', 'sp3', 'sp4'], en: ['service pack', 'service-pack'], nl: ['servicepack'] },
  { word: set({ change: 'hotfix' }), any: ['hotfix', 'hot fix', 'hot-fix', 'fix', 'patch'] },
  { word: feature('storeHotfix', { change: 'hotfix', storeHotfix: true }, { change: 'hotfix', storeHotfix: false }),
    any: ['store', 'store hotfix', 'store-hotfix', 'storehotfix'], en: ['information store'], nl: ['informatiearchief', 'archief'] },
  { word: feature('adc', { adc: true }, { adc: false }), any: ['adc'], en: ['active directory connector'] },
  { word: feature('adcCustomMaps', { adc: true, adcCustomMaps: true }, { adcCustomMaps: false }),
    any: ['maps', 'local.map', 'remote.map', 'local.map/remote.map'], en: ['custom maps', 'modified maps', 'map files', 'modified', 'customised', 'customized'],
    nl: ['aangepaste maps', 'aangepast', 'aangepaste'] },
  { word: feature('mailboxManager', { mailboxManager: true }, { mailboxManager: false }), any: ['mbm', 'mailbox manager', 'mailboxmanager'] },
  { word: feature('interOrgSync', { interOrgSync: true }, { interOrgSync: false }),
    any: ['interorg', 'inter-org', 'interorg sync', 'exchsync'], en: ['interorg synchronization'], nl: ['interorg synchronisatie'] },
  { word: feature('terminalServices', { terminalServices: true }, { terminalServices: false }),
    any: ['ts', 'rdp', 'terminal services', 'terminal server', 'terminal services session'], en: ['remote desktop'], nl: ['extern bureaublad'] },
  { word: set({ terminalServices: false }), any: ['console'], en: ['locally', 'at the console'], nl: ['lokaal', 'op de console'] },
  { word: { kind: 'yes' }, any: ['correct'], en: ['yes', 'y', 'yep', 'yeah', 'yup', 'sure', 'right', 'indeed', 'true', 'yes please'],
    nl: ['ja', 'j', 'jawel', 'jazeker', 'zeker', 'klopt', 'dat klopt', 'inderdaad', 'juist', 'ja hoor', 'ja graag'] },
  { word: { kind: 'no' }, any: ['n'], en: ['nope', 'nah', 'false', 'no thanks'],
    nl: ['nee', 'neen', 'nee hoor', 'nee dank u'] },
  // "we don't have an ADC": a negation keeps waiting across filler words for what it negates.
  { word: { kind: 'negation' }, en: ['no', 'not', 'without', 'none', "don't", 'dont', "doesn't", "isn't", "aren't"],
    nl: ['geen', 'niet', 'zonder'] },
  { word: command('back'), en: ['back', 'go back', 'undo'], nl: ['terug', 'ga terug', 'vorige', 'ongedaan maken'] },
  { word: command('restart'), en: ['start over', 'restart', 'reset'],
    nl: ['opnieuw', 'begin opnieuw', 'opnieuw beginnen', 'start opnieuw', 'herstart'] },
  { word: command('cancel'), any: ['stop'], en: ['cancel', 'quit', 'exit', 'abort'], nl: ['annuleren', 'annuleer', 'stoppen', 'afbreken'] },
  { word: command('help'), any: ['help', '?'], en: ['help me'], nl: ['hulp', 'uitleg'] },
  // At the summary "yes" posts too (the engine reads it there); these words post anywhere it is complete.
  { word: command('confirm'), any: ['ok', 'oké', 'oke', 'okee'],
    en: ['post', 'post plan', 'post the plan', 'post it', 'confirm', 'okay', 'go', 'go ahead', 'send', 'send it', 'publish',
      'looks good', 'lgtm', 'ship it', 'do it'],
    nl: ['plaats', 'plaatsen', 'plan plaatsen', 'plaats het plan', 'plaats plan', 'plaats maar', 'plaats het', 'bevestig',
      'bevestigen', 'akkoord', 'doe maar', 'ga door', 'verstuur', 'versturen', 'publiceer', 'publiceren', 'prima', 'in orde'] },
  { word: command('change'), en: ['change', 'change an answer', 'edit'],
    nl: ['wijzig', 'wijzigen', 'een antwoord wijzigen', 'antwoord wijzigen', 'aanpassen', 'verander', 'veranderen'] },
  { word: { kind: 'language', locale: 'en' }, any: ['english', 'engels', 'taal en', 'language en', 'lang en', 'taal engels', 'language english'] },
  { word: { kind: 'language', locale: 'nl' },
    any: ['nl', 'nederlands', 'dutch', 'taal nl', 'language nl', 'lang nl', 'taal nederlands', 'language dutch'] },
  { word: target('version'), en: ['version'], nl: ['versie'] },
  { word: target('product'), any: ['product'], en: ['edition'], nl: ['editie'] },
  { word: target('topology'), en: ['topology'], nl: ['topologie', 'opzet'] },
  { word: target('nodeA'), en: ['names', 'node names'], nl: ['namen', 'nodenamen', 'knooppuntnamen'] },
  // "NodeA" written as one word is a computer name, not a label: only "node a" labels.
  { word: slot('nodeA'), any: ['node a'], en: ['active node', 'active'],
    nl: ['actieve node', 'actief', 'actieve', 'knooppunt a', 'actief knooppunt', 'actieve knooppunt'] },
  { word: slot('nodeB'), any: ['node b'], en: ['passive node', 'passive'],
    nl: ['passieve node', 'passief', 'passieve', 'knooppunt b', 'passief knooppunt', 'passieve knooppunt'] },
  { word: slot('evs'), any: ['evs'], en: ['virtual server', 'exchange virtual server', 'virtual servers'], nl: ['virtuele server', 'virtuele servers'] },
  { word: { kind: 'operators' }, any: [...OPERATORS_WORDS] },
  { word: { kind: 'anyone' }, any: [...ANYONE_WORDS] },
  { word: { kind: 'filler' },
    any: ['exchange', 'server', 'servers', 'is', 'in', 'via', 'we', 'node', 'nodes', '-', ':', '&', '+'],
    en: ['the', 'a', 'an', 'and', 'with', 'are', 'it', 'i', 'do', 'does', 'use', 'using', 'have', 'has', 'on', 'of', 'for', 'please',
      'named', 'called', 'installed', 'applied', 'through', 'session', 'to', 'my', 'our', 'apply', 'install', 'also', 'used',
      'two', "it's", 'its', "that's", 'thanks', 'thank you'],
    // Around cluster names typed in a sentence ("de twee knooppunten heten EXCH1 en EXCH2").
    nl: ['de', 'het', 'een', 'en', 'met', 'ik', 'wij', 'gebruik', 'gebruikt', 'gebruiken', 'hebben', 'heeft', 'op', 'van', 'voor', 'graag',
      'genaamd', 'geïnstalleerd', 'geinstalleerd', 'sessie', 'naar', 'mijn', 'onze', 'bij', 'installeren', 'ook', 'twee',
      'zijn', 'heten', 'heet', 'knooppunt', 'knooppunten', 'dank', 'dank u', 'u'] },
];

export interface Phrase {
  words: string[];
  word: Word;
  /** The language the phrase belongs to; undefined when both use it. */
  language?: Locale;
}

function phrasesOf(entry: Entry): Phrase[] {
  const of = (list: string[] | undefined, language?: Locale): Phrase[] =>
    (list ?? []).map((p) => (language ? { words: p.split(' '), word: entry.word, language } : { words: p.split(' '), word: entry.word }));
  return [...of(entry.any), ...of(entry.en, 'en'), ...of(entry.nl, 'nl')];
}

/** Phrases by their first word, longest first so "store hotfix" wins over "store". */
export const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const map = new Map<string, Phrase[]>();
  for (const p of TABLE.flatMap(phrasesOf)) {
    const list = map.get(p.words[0]) ?? [];
    list.push(p);
    map.set(p.words[0], list);
  }
  for (const list of map.values()) list.sort((x, y) => y.words.length - x.words.length);
  return map;
})();
