/**
 * The delivery outbox as the store keeps it, beside the event log (which stays the
 * truth). One row per rollout says what the channel has been shown so far and
 * whether more is due; one row per channel holds the lease of the worker delivering
 * to it and the time before which nothing may be sent there (Retry-After, pacing).
 *
 * A rollout has work due when its first post is pending, when the log moved past the
 * version its card shows, or past the last event whose thread line went out. The
 * action that moves the log sets `wantedVersion` and `dueAt` in its own transaction,
 * so an acknowledged click always has its delivery recorded with it.
 */
import type { CampaignView } from '../campaign/model';
import type { MessageRef, Rollout, RolloutEvent, Scope } from '../rollout/model';

export type PostState = 'pending' | 'posted' | 'failed';
/** The closing summary of a completed rollout: not due (yet), due, or delivered with its export. */
export type ClosingState = 'none' | 'due' | 'done';
const CLOSING_CODES: Record<ClosingState, number> = { none: 0, due: 1, done: 2 };
export const closingCode = (state: ClosingState): number => CLOSING_CODES[state];

export interface DeliveryState {
  rolloutId: string;
  scope: Scope;
  /** The adapter's note of where to post and how to reach the owner (Inbound.address). */
  address?: Record<string, unknown>;
  /** When the work is due (ms since the epoch); null when nothing is pending. */
  dueAt: number | null;
  /** The log version the channel should end up showing. */
  wantedVersion: number;
  /** The version the posted card shows. */
  shownVersion: number;
  /** Events up to this seq have had their thread line sent (or have none). */
  linesSent: number;
  /** Events up to this seq have had their stakeholder line sent (or have none). */
  noticesSent: number;
  /** When the worker next looks at the rollout for reminders and the window's countdown (ms); null: nothing scheduled. */
  remindAt: number | null;
  closing: ClosingState;
  /** How many parts of the closing summary (its messages, then the export) went out. */
  closingSent: number;
  /**
   * Changes outside its own log that its card shows, not drawn yet: a campaign card
   * shows its servers' progress, a server's card its wave (src/campaign).
   */
  redraws: number;
  postState: PostState;
  /** Failed tries since the last success (for back-off). */
  attempts: number;
  lastError?: string;
}

/** A channel's pending deliveries, leased to one worker until `leaseUntil`. */
export interface ChannelClaim {
  scope: Scope;
  worker: string;
  /** Fencing token: a claim taken over by another worker no longer writes. */
  token: number;
  leaseUntil: number;
}

/** What one round of delivery achieved; absent fields are left as they are. */
export interface DeliveryProgress {
  messages?: MessageRef[];
  shownVersion?: number;
  linesSent?: number;
  noticesSent?: number;
  closingSent?: number;
  /** The closing summary and its export are delivered. */
  closed?: boolean;
  /** When to look for reminders again; null: never (a plan that never made it into the channel). */
  remindAt?: number | null;
  /** The outside changes this round drew (the snapshot's `redraws`): taken off the count. */
  redrawn?: number;
  postState?: PostState;
  attempts?: number;
  /** null clears it. */
  lastError?: string | null;
  /**
   * When to try again. Omitted: due again at once if anything is still pending,
   * otherwise nothing is due. null: give up until the next action (a refusal that
   * needs a person, e.g. the bot was removed from the channel).
   */
  retryAt?: number | null;
}

export interface DeliveryBacklog {
  /** Rollouts with work due now or later. */
  pending: number;
  /** The earliest due time among them (ms since the epoch). */
  oldestDueAt?: number;
  /** The earliest time a worker should look for reminders (not counted as backlog: it is scheduled, not late). */
  nextRemindAt?: number;
}

export interface DeliverySnapshot {
  rollout: Rollout;
  events: RolloutEvent[];
  delivery: DeliveryState;
  /** The campaign the rollout belongs to, read in the same snapshot (its card, its thread). */
  campaign?: CampaignView;
}

export interface DeliveryStore {
  /**
   * Leases up to `limit` channels that have work due at `now` and are neither leased
   * nor cooling down. A lease that ran out (its worker died) can be taken again, and
   * so can this worker's own leases on channels it is not delivering to (`busy` lists
   * those it is, as channelKey()s): a lease whose claim or release got lost with the
   * database connection is not left to run out.
   */
  claimChannels(worker: string, now: number, leaseMs: number, limit: number, busy?: readonly string[]): Promise<ChannelClaim[]>;
  /** Extends a lease; false when it was lost (expired and taken by another worker). */
  renewChannel(claim: ChannelClaim, now: number, leaseMs: number): Promise<boolean>;
  /** Ends a lease; nothing is sent to the channel before `notBefore`. */
  releaseChannel(claim: ChannelClaim, notBefore: number): Promise<void>;
  /**
   * The claimed channel's rollouts with work due at `now`, earliest first: delivery
   * due, or a look for reminders due (remindAt).
   */
  dueDeliveries(claim: ChannelClaim, now: number, limit: number): Promise<DeliverySnapshot[]>;
  /**
   * Records the reminders due at `now` as 'reminded' events, in one transaction that
   * holds the rollout (src/rollout/reminders.ts decides, from the log): each is recorded
   * once whoever asks. Sets when to look next. Answers the rollout as it now stands,
   * or undefined when it is no longer in this channel.
   */
  remindDue(claim: ChannelClaim, rolloutId: string, now: number): Promise<DeliverySnapshot | undefined>;
  /** Records progress, if the claim still holds; false when it was lost. */
  recordDelivery(claim: ChannelClaim, rolloutId: string, progress: DeliveryProgress, now: number): Promise<boolean>;
  /** The delivery row of one rollout (tests, diagnostics). */
  getDelivery(scope: Scope, rolloutId: string): Promise<DeliveryState | undefined>;
  deliveryBacklog(): Promise<DeliveryBacklog>;
  /**
   * Calls `onDue` soon after delivery work is recorded, with when it is due: in this
   * process (SQLite), or from any replica (Postgres LISTEN/NOTIFY). Best effort only:
   * workers poll as well. Returns a function that stops watching.
   */
  watchDeliveries(onDue: (dueAt: number) => void): () => void;
}

/** A channel as one string, for `busy` lists. */
export function channelKey(scope: Scope): string {
  return `${scope.platform}\n${scope.workspace}\n${scope.channel}`;
}

/** Lines go out once the post is there; the card is redrawn when the log moved on. */
export function hasPendingWork(
  d: Pick<DeliveryState, 'postState' | 'shownVersion' | 'linesSent' | 'wantedVersion' | 'noticesSent' | 'closing' | 'redraws'>,
): boolean {
  if (d.postState === 'failed') return false;
  return (
    d.postState === 'pending' ||
    d.shownVersion < d.wantedVersion ||
    d.linesSent < d.wantedVersion ||
    d.noticesSent < d.wantedVersion ||
    d.closing === 'due' ||
    d.redraws > 0
  );
}

/** A delivery row once a round's progress is recorded: its columns to write (lastError null: cleared). */
export type DeliveryAfterRound = Omit<DeliveryState, 'lastError'> & { lastError: string | null };

/**
 * What recording a round's progress makes of a delivery row (both stores write this):
 * counts only move forward, and the work is due again at once while any is pending.
 */
export function afterRound(current: DeliveryState, progress: DeliveryProgress, now: number): DeliveryAfterRound {
  const next = {
    ...current,
    shownVersion: Math.max(current.shownVersion, progress.shownVersion ?? 0),
    linesSent: Math.max(current.linesSent, progress.linesSent ?? 0),
    noticesSent: Math.max(current.noticesSent, progress.noticesSent ?? 0),
    closingSent: Math.max(current.closingSent, progress.closingSent ?? 0),
    closing: progress.closed && current.closing === 'due' ? ('done' as const) : current.closing,
    // Changes recorded while this round drew stay counted: drawn next round.
    redraws: Math.max(0, current.redraws - (progress.redrawn ?? 0)),
    postState: progress.postState ?? current.postState,
    attempts: progress.attempts ?? current.attempts,
  };
  const lastError = progress.lastError === undefined ? current.lastError ?? null : progress.lastError;
  const dueAt = progress.retryAt !== undefined ? progress.retryAt : hasPendingWork(next) ? current.dueAt ?? now : null;
  return { ...next, lastError, dueAt };
}

/** Column values of a deliveries row (JSON parsed by the store). */
export interface DeliveryRow {
  rollout_id: string;
  platform: string;
  workspace: string;
  channel: string;
  address: unknown;
  due_at: number | string | null;
  wanted_version: number | string;
  shown_version: number | string;
  lines_sent: number | string;
  redraws: number | string;
  post_state: string;
  attempts: number | string;
  last_error: string | null;
  remind_at?: number | string | null;
  notices_sent?: number | string;
  closing?: number | string;
  closing_sent?: number | string;
}

export function deliveryFromRow(row: DeliveryRow): DeliveryState {
  const state: DeliveryState = {
    rolloutId: row.rollout_id,
    scope: { platform: row.platform as Scope['platform'], workspace: row.workspace, channel: row.channel },
    dueAt: row.due_at === null ? null : Number(row.due_at),
    wantedVersion: Number(row.wanted_version),
    shownVersion: Number(row.shown_version),
    linesSent: Number(row.lines_sent),
    noticesSent: Number(row.notices_sent ?? row.lines_sent),
    remindAt: row.remind_at === null || row.remind_at === undefined ? null : Number(row.remind_at),
    closing: (['none', 'due', 'done'] as const)[Number(row.closing ?? 0)] ?? 'none',
    closingSent: Number(row.closing_sent ?? 0),
    redraws: Number(row.redraws ?? 0),
    postState: row.post_state as PostState,
    attempts: Number(row.attempts),
  };
  if (row.address && typeof row.address === 'object') state.address = row.address as Record<string, unknown>;
  if (row.last_error) state.lastError = row.last_error;
  return state;
}

/** How long after a click its redraw is due: clicks within it share one redraw. */
export const DEFAULT_DELIVERY_DELAY_MS = 150;
