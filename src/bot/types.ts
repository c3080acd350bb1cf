/**
 * What an adapter calls on the core, and what the core asks the adapter to do.
 * Adapters turn platform payloads into these calls (after verifying and parsing
 * them) and carry out the replies on their platform. The core never imports an
 * adapter.
 */
import type { Locale, Place } from '../../conversations/types';
import type { ActionPayload } from '../cards/actions';
import type { Card } from '../cards/model';
import type { Rollout, Scope, UserRef } from '../rollout/model';

export interface Inbound {
  scope: Scope;
  user: UserRef;
  /** The platform's language hint for this user (Slack locale, Teams activity locale). */
  locale?: Locale;
  /**
   * What kind of conversation this is (a channel, a group chat, a personal chat, the
   * console): the words "in this channel" / "in this chat" depend on it, and a plan
   * posted from here keeps it. Absent: a channel.
   */
  place?: Place;
  /**
   * The person's time zone (IANA: Slack users.info `tz`, Teams `localTimezone`, the
   * console's TZ): a typed maintenance window is read on their clock, and a plan they
   * post shows its times on it.
   */
  timeZone?: string;
  /**
   * Where the platform can reach this conversation and this user later: kept with a
   * rollout this request creates, and handed back to the adapter's delivery (which
   * installation, which thread, how to answer the owner privately). Opaque to the core.
   */
  address?: Record<string, unknown>;
  /**
   * What this conversation is to the person, where the platform cannot show a reply to
   * one person privately in a conversation that others read (Teams):
   * - 'shared': a channel or group chat. Replies for this person alone ('private',
   *   'refused', 'file') go to their personal chat with the bot (the adapter carries
   *   them there); an interview started here belongs here (its plan is posted here) but
   *   is answered there, and everyone here sees one line saying so (a 'public' reply).
   * - 'personal': the person's personal chat with the bot, where such an interview is
   *   answered (src/bot/interview-home.ts).
   * Absent: the platform shows private replies privately where the person is (Slack's
   * ephemeral messages, the console).
   */
  conversation?: 'shared' | 'personal';
}

export type Reply =
  /** Show to the acting user only (Slack ephemeral/modal, Teams reply or invoke answer). */
  | { type: 'private'; card: Card }
  /** A refusal or problem for the acting user only; nothing was recorded. */
  | { type: 'refused'; text: string; on?: RefusedOn }
  /**
   * One short line for everyone in a 'shared' conversation (Inbound.conversation), whose
   * person-only replies go to the person's personal chat: an interview began there.
   */
  | { type: 'public'; text: string }
  /**
   * The rollout as it stands right after this action, for an immediate answer to the
   * clicker (a Teams invoke response). The channel's copy, and the thread line, are
   * delivered by the publisher (src/delivery) from the store, never by the adapter.
   * Drawn only when asked for: Slack and a web process never need it.
   */
  | { type: 'update-plan'; rollout: Rollout; cards(): Card[] }
  /**
   * A document for the acting user (audit export): Slack uploads it, Teams sends it as
   * a message, the console writes it to a file. `summary` says what it holds.
   */
  | { type: 'file'; filename: string; mimeType: string; content: string; summary: string };

/**
 * Where on a plan a refused click was: the plan drawn with the reason there (for a
 * platform that can redraw the clicker's own copy, such as a Teams invoke answer),
 * and the step it was about (for one that answers in a line of its own, such as a
 * Slack ephemeral message, which then names the step).
 */
export interface RefusedOn {
  rollout: Rollout;
  cards: Card[];
  step?: { number: number; title: string };
}

export interface MessageInput {
  text: string;
  /**
   * Users mentioned in the text, already resolved by the adapter. Each appears in
   * `text` as "@" followed by exactly its `name`, so the core can tell a mention from
   * words the user typed (a display name "anyone" is never the word "anyone").
   */
  mentions?: UserRef[];
  /** True for `/exchange-sp ...` and a first message that starts an interview. */
  isCommand?: boolean;
  /**
   * Channels named in the text (Slack `<#C123|name>`, a Teams channel mention, a console
   * "#name"), resolved by the adapter; each appears in `text` as "#" + its name.
   */
  channels?: { id: string; name: string }[];
  /**
   * The rollout the person is looking at (the console's `use`), for step commands
   * such as "confirm 3"; without it they act on the channel's latest open rollout.
   * Untrusted like a button value: the core checks it against the scope.
   */
  rollout?: string;
}

export interface ActionInput {
  payload: ActionPayload;
  /** Idempotency key unique to this click (Slack action_ts + user, Teams activity id). */
  actionKey: string;
  /** The note typed for skip/problem, or the text of the input named by the payload. */
  text?: string;
  /**
   * The person the clicked card was drawn for, as the card says (Teams marks the
   * interview cards it sends). Untrusted like the payload: it never lets anyone act; it
   * only tells a teammate who clicks someone else's interview card whose it is.
   */
  cardFor?: UserRef;
  /** The people chosen in a people picker (who may act), as far as the adapter could name them. */
  people?: PickedPeople;
}

/** People picked on a card. Untrusted like any click: the core applies its own rules. */
export interface PickedPeople {
  /** Named by the platform (id and display name). */
  found: UserRef[];
  /** Ids the adapter could not look up (the core knows some: the operators already chosen). */
  unknownIds: string[];
}

export interface UserContext {
  /** Their chosen language, else the platform's hint, else English. */
  locale: Locale;
  /** An interview of theirs here (or, in their personal chat, the one answered there) waits for answers. */
  interviewing: boolean;
}

export interface Bot {
  /** A slash command, a chat message to the bot, a console line. */
  handleMessage(inbound: Inbound, input: MessageInput): Promise<Reply[]>;
  /** A button click (already parsed with parseActionPayload). */
  handleAction(inbound: Inbound, input: ActionInput): Promise<Reply[]>;
  /**
   * The publisher could not post a plan (e.g. the bot is not in the channel): the owner's
   * answers come back as an interview at its summary, so posting again is one click,
   * and the unposted rollout stays out of the channel's status.
   */
  planNotPosted(scope: Scope, rolloutId: string): Promise<void>;
  /** The latest drawing of a rollout, by id or short reference ("#42"; the console's `plan`), or undefined if not in scope. */
  drawRollout(scope: Scope, rolloutId: string): Promise<{ rollout: Rollout; cards: Card[] } | undefined>;
  /** The channel's open, posted rollouts, most recent first. */
  openRollouts(scope: Scope): Promise<Rollout[]>;
  /**
   * "My steps": the person's open rollouts across the workspace with the steps assigned
   * to them or in their hands (Slack App Home, Teams "my steps", console "mine").
   */
  mySteps(inbound: Inbound): Promise<Card>;
  /** This person's language here, and whether an interview of theirs waits for answers. */
  userContext(inbound: Inbound): Promise<UserContext>;
  /** True when the store answers. */
  healthy(): Promise<boolean>;
}
