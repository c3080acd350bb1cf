/**
 * The fake Bot Connector's records (fake-connector.ts): the calls the bot made, what a
 * conversation shows, the members the service knows, and the fake's own controls.
 */
import type { ConnectorRefusal } from './connector-rules';

export interface ConnectorCall {
  method: string;
  conversationId: string;
  /** POST .../activities/{replyToId}, PUT/DELETE .../activities/{id}. */
  activityId?: string;
  /** The id the fake assigned (POST). */
  createdId?: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/** An activity as the conversation shows it now (the latest update applied). */
export interface ShownActivity {
  id: string;
  conversationId: string;
  /** Set for a reply in a message's thread. */
  replyToId?: string;
  body: Record<string, unknown>;
  updates: number;
  deleted?: boolean;
}

export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName?: string;
}

/** Teams pages the roster: at most 500 a page (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#fetch-the-roster-or-user-profile). */
export const MAX_PAGE_SIZE = 500;

export interface FakeConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Every request's method, failed ones included (to count retries). */
  attempts: string[];
  /** Calls the service refused as invalid (400/413), with its answer. */
  refused: { method: string; conversationId: string; answer: ConnectorRefusal }[];
  members: Member[];
  /** The personal chats the service opened (createConversation), with the body the bot sent. */
  personalChatsOpened: { body: Record<string, unknown>; member: string; conversationId: string }[];
  /**
   * Member ids (29:...) for whom the app is not installed: createConversation, and any
   * message to a personal chat opened for them before, answer 403 BotNotInConversationRoster.
   */
  notInstalledFor: Set<string>;
  /** The personal chat the service opened for a member id, if it did. */
  personalChatOf(memberId: string): string | undefined;
  /** Member ids looked up (GET .../members/{id}), in the order asked. */
  memberLookups: string[];
  /** Roster pages asked for (GET .../pagedmembers), with their page size. */
  rosterPages: { pageSize: number; token?: string }[];
  /** The most member look-ups open (asked, not yet answered) at one time. */
  peakMemberLookups: number;
  /** How long a member look-up takes to answer (a slow service). */
  memberDelayMs: number;
  /** Requests accepted per method ("connector POST"...) and refused per method and status ("connector PUT 404"), kept even when calls are not. */
  counts(): Record<string, number>;
  /** An activity the conversation already holds (posted before the fake started: the bench's seeded plans). */
  plant(conversationId: string, activityId: string): void;
  /** The next requests of this method answer with these statuses first. */
  failNext(method: 'POST' | 'PUT' | 'DELETE', status: number, retryAfterSeconds?: number): void;
  /** What a conversation shows: its messages with their latest content (deleted ones left out), oldest first. */
  shown(conversationId: string): ShownActivity[];
  /** Everything a channel shows, in any of its threads: posts and thread replies, oldest first. */
  everythingIn(channelId: string): ShownActivity[];
  /** The replies to one message, oldest first. */
  replies(conversationId: string, activityId: string): ShownActivity[];
  /** Someone deletes a message in Teams. */
  deleteByUser(activityId: string): void;
  /**
   * A request of this method (the next one, or the one after `skip` more) is received
   * and never answered, and nothing is created: as when the bot dies before its request
   * reached the service.
   */
  holdNext(method: 'POST' | 'PUT', skip?: number): void;
  /** How many requests are being held unanswered. */
  held(): number;
  /** Cards in posts (POST) and updates (PUT), in order. */
  cardsIn(call: ConnectorCall): Record<string, unknown>[];
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}
