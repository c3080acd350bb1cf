/**
 * The interview's answers: everything the plan builder needs to know about one
 * Exchange organisation's change. Facts referenced as FACTS.md ids (P4, C2, ...).
 */

export type Locale = 'en' | 'nl';
export const LOCALES: readonly Locale[] = ['en', 'nl'];

/**
 * Where a conversation happens, for the words that speak of it ("anyone in this
 * channel", "posted in this chat"): a channel, a group chat, a one-to-one chat with
 * the bot, or the console ("here"). Adapters say which; the plan keeps its own.
 */
export type Place = 'channel' | 'group' | 'personal' | 'here';
export const PLACES: readonly Place[] = ['channel', 'group', 'personal', 'here'];

export type ExchangeVersion = '2000' | '5.5';
/** Standard / Enterprise Server, Conferencing Server (2000 only), Small Business Server. */
export type Product = 'standard' | 'enterprise' | 'conferencing' | 'sbs';
/** P4: clusters need Enterprise; active/active needs Exchange 2000. */
export type Topology = 'single' | 'active-passive' | 'active-active';
export type ChangeKind = 'service-pack' | 'hotfix';

/**
 * Cluster naming, one convention everywhere (FACTS C2, C4, C8):
 * - active/passive: `nodeA` is the node that owns the virtual server now (the active
 *   node), `nodeB` the passive node, `evsA` the virtual server.
 * - active/active: `nodeA` owns `evsA` now, `nodeB` owns `evsB` now.
 * Names are NetBIOS names (1-15 letters, digits, hyphens) and appear verbatim in steps.
 */
export interface Answers {
  version?: ExchangeVersion;
  product?: Product;
  topology?: Topology;
  nodeA?: string;
  nodeB?: string;
  evsA?: string;
  evsB?: string;
  change?: ChangeKind;
  /** Only for a hotfix: does it touch the information store (databases upgrade, C3)? */
  storeHotfix?: boolean;
  /** Exchange 2000: is the Active Directory Connector installed (E2K-4..6)? */
  adc?: boolean;
  /** Exchange 2000 with ADC: were Local.map / Remote.map modified (E2K-5)? */
  adcCustomMaps?: boolean;
  /** Exchange 5.5: Mailbox Manager in use (E55-5)? */
  mailboxManager?: boolean;
  /** Exchange 5.5: InterOrg Synchronization tool in use (E55-5)? */
  interOrgSync?: boolean;
  /** Exchange 2000 non-clustered: applied through a Terminal Services session (restart, C1/C6)? */
  terminalServices?: boolean;
}

export type AnswerKey = keyof Answers;

/** Answers once the interview is finished; the plan builder accepts only these. */
export type CompleteAnswers = Answers & {
  version: ExchangeVersion;
  product: Product;
  topology: Topology;
  change: ChangeKind;
};

/**
 * A word typed before the topology was known that may be a cluster name
 * ("2000 enterprise EXCH1 EXCH2"). The dialog keeps it beside the answers, never in
 * them, until a cluster topology says which name slot it fills.
 */
export interface KeptName {
  /** As typed (names keep their case). */
  text: string;
  /** The role named just before it ("passive node EXCH2"): a name slot, or 'evs' for either virtual server. */
  slot?: 'nodeA' | 'nodeB' | 'evsA' | 'evsB' | 'evs';
}

/**
 * NetBIOS computer / virtual server name: 1 to 15 letters, digits or hyphens, with at
 * least one letter (Windows refuses a computer name of digits only, so "99" is never a
 * name). Linear: the lookahead checks the whole name once, then a run without letters
 * is followed by the first letter (disjoint classes, nothing to backtrack into).
 */
export const NETBIOS_NAME = /^(?=[A-Za-z0-9-]{1,15}$)[0-9-]*[A-Za-z]/;
