/**
 * What the channel sees is delivered from the store, not from the request that
 * caused it (docs/DESIGN.md, "Delivery"). Every recorded action also records, in the
 * same transaction, that its rollout needs delivery; the publisher (publisher.ts)
 * claims a channel's pending work, draws the latest state and hands it to the
 * platform through the narrow interface below, the same for Slack, Teams and the
 * console (after the Chat SDK's Adapter: post, edit, delete, and a thread line).
 */
import type { Card } from '../cards/model';
import type { StakeholderChannel } from '../rollout/live-model';
import type { MessageRef, Platform, Rollout, UserRef } from '../rollout/model';

/** What a platform adapter gets to deliver one rollout: the rollout and where it lives. */
export interface DeliveryTarget {
  rollout: Rollout;
  /**
   * What the adapter stored when the rollout was created (Inbound.address): which
   * installation and thread to post in, how to reach the owner privately. Opaque here.
   */
  address: Record<string, unknown> | undefined;
  /**
   * Post this rollout's messages as replies in the thread of this message (a campaign's
   * card, for the plan of one of its servers); absent: in the channel itself.
   */
  thread?: MessageRef;
}

/** How often a platform lets a bot write, per channel (or conversation) and per workspace. */
export interface RateLimit {
  /** Calls per second, on average. */
  perSecond: number;
  /** Calls allowed at once before the average applies. */
  burst: number;
}

export interface PlatformLimits {
  /** New messages (plan parts and thread lines) per channel. */
  postsPerChannel?: RateLimit[];
  /** Edits and deletes per channel. */
  editsPerChannel?: RateLimit[];
  /** Edits and deletes per workspace (Slack: chat.update is Tier 3 per workspace). */
  editsPerWorkspace?: RateLimit[];
}

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
  /** One line saying what it holds, final text. */
  summary: string;
}

export interface OwnerNotice {
  kind: 'posted' | 'not-posted';
  /** Final text in the rollout's language, for where the plan is ("in this channel"). */
  text: string;
  /** The same, read somewhere else (the owner's personal chat: "in the channel"). */
  textAway?: string;
}

/** A plan drawn for one platform: its messages, in order. */
export interface DeliveryAdapter<Part = unknown> {
  readonly platform: Platform;
  readonly limits: PlatformLimits;
  /** Longest text one thread message may carry; lines are joined up to it. */
  readonly maxThreadText: number;
  /** The plan's cards as this platform's messages (split where they are too long). */
  render(target: DeliveryTarget, cards: Card[]): Part[];
  post(target: DeliveryTarget, part: Part): Promise<MessageRef>;
  edit(target: DeliveryTarget, ref: MessageRef, part: Part): Promise<void>;
  remove(target: DeliveryTarget, ref: MessageRef): Promise<void>;
  /**
   * One message in the plan's thread (lines already joined and final). `mentions`: the
   * people it names as "@Name" (a reminder), to be made the platform's mentions so
   * they are notified.
   */
  postInThread(target: DeliveryTarget, root: MessageRef, text: string, mentions?: readonly UserRef[]): Promise<void>;
  /** A short line in another conversation: the rollout's stakeholder channel (`notify #change-board`). */
  postElsewhere(target: DeliveryTarget, channel: StakeholderChannel, text: string): Promise<void>;
  /** A file in the plan's thread: the closing export (Slack uploads it, Teams sends it as a message, the console writes it). */
  attachFile(target: DeliveryTarget, root: MessageRef, file: ExportFile): Promise<void>;
  /** A private word to the rollout's owner: the plan is posted, or could not be. */
  tellOwner(target: DeliveryTarget, notice: OwnerNotice): Promise<void>;
}

/**
 * How a platform call failed, as the publisher needs to know it:
 * - rate-limited: nothing was done; try again after `retryAfterMs`.
 * - unsent: the request never reached the service (connection refused); safe to repeat.
 * - unknown: a 5xx or a timeout; the call may have been carried out.
 * - gone: the message is no longer there (deleted by someone).
 * - refused: the service will not do this (not in channel, archived, no token) until
 *   someone changes something; `code` says what.
 */
export type DeliveryFailure = 'rate-limited' | 'unsent' | 'unknown' | 'gone' | 'refused';

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    readonly code: string,
    readonly retryAfterMs?: number,
  ) {
    super(`delivery ${failure}: ${code}`);
    this.name = 'DeliveryError';
  }
}

export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof DeliveryError;
}
