/**
 * A local Bot Connector (the service at an activity's serviceUrl): records what the
 * bot sends, replies, updates and deletes, answers member look-ups (one member by its
 * Teams id or AAD object id, or the roster a page at a time), and opens a person's
 * personal chat with the bot (createConversation). It is as strict as the service:
 * every activity sent or updated, and every createConversation body, is checked by
 * connector-rules.ts and refused with the service's own 400/413 body, and refused
 * calls are kept in `refused`. A person for whom the app is not installed gets the
 * service's 403. Failures can be queued to exercise retries (429 with
 * Retry-After, 503).
 * API: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkCreateConversation, checkOutgoingActivity, type ConnectorRefusal } from './connector-rules';

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
const MAX_PAGE_SIZE = 500;

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

const ROUTE = /^\/v3\/conversations\/([^/]+)\/(activities|members|pagedmembers)(?:\/([^/]+))?\/?$/;
const CREATE_CONVERSATION = /^\/v3\/conversations\/?$/;
const notInRoster: ConnectorRefusal = { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } };

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const members: Member[] = [];
  const attempts: string[] = [];
  const refused: FakeConnector['refused'] = [];
  const activities = new Map<string, ShownActivity>();
  const failures: { method: string; status: number; retryAfter?: number }[] = [];
  const holds: { method: string; skip: number }[] = [];
  const heldResponses: http.ServerResponse[] = [];
  let next = 1;
  let openLookups = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const match = ROUTE.exec(path);
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'POST' && CREATE_CONVERSATION.test(path)) {
        attempts.push('CREATE');
        return openPersonalChat(Buffer.concat(chunks).toString('utf8'), res);
      }
      if (!match) {
        res.statusCode = 404;
        return res.end('{}');
      }
      attempts.push(req.method ?? '');
      const conversationId = decodeURIComponent(match[1]);
      const tail = match[3] ? decodeURIComponent(match[3]) : undefined;
      if (match[2] === 'pagedmembers') {
        const query = new URL(req.url ?? '', 'http://fake').searchParams;
        const pageSize = Number(query.get('pageSize') ?? MAX_PAGE_SIZE);
        const token = query.get('continuationToken') ?? undefined;
        fake.rosterPages.push({ pageSize, ...(token ? { token } : {}) });
        const start = token ? Number(token) : 0;
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE || !Number.isInteger(start) || start < 0) {
          res.statusCode = 400;
          return res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'pageSize or continuationToken' } }));
        }
        const page = members.slice(start, start + pageSize);
        const more = start + pageSize < members.length;
        res.statusCode = 200;
        return res.end(JSON.stringify({ members: page, ...(more ? { continuationToken: String(start + pageSize) } : {}) }));
      }
      if (match[2] === 'members') {
        fake.memberLookups.push(tail ?? '');
        fake.peakMemberLookups = Math.max(fake.peakMemberLookups, ++openLookups);
        // The service finds a member by Teams id or by AAD object id.
        const member = members.find((m) => m.id === tail || m.aadObjectId === tail);
        setTimeout(() => {
          openLookups--;
          res.statusCode = member ? 200 : 404;
          res.end(JSON.stringify(member ?? { error: { code: 'MemberNotFoundInConversation' } }));
        }, fake.memberDelayMs);
        return;
      }
      const hold = holds.find((h) => h.method === req.method);
      if (hold && hold.skip-- === 0) {
        holds.splice(holds.indexOf(hold), 1);
        heldResponses.push(res);
        return;
      }
      // A person who removed the app: the bot is no longer in their personal chat.
      const chatOwner = fake.personalChatsOpened.find((o) => o.conversationId === conversationId)?.member;
      if (chatOwner && fake.notInstalledFor.has(chatOwner)) {
        res.statusCode = notInRoster.status;
        return res.end(JSON.stringify(notInRoster.body));
      }
      const failure = failures.findIndex((f) => f.method === req.method);
      if (failure >= 0) {
        const [f] = failures.splice(failure, 1);
        res.statusCode = f.status;
        if (f.retryAfter !== undefined) res.setHeader('Retry-After', String(f.retryAfter));
        return res.end(JSON.stringify({ error: { code: 'Throttled', message: 'try later' } }));
      }
      const text = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST' || req.method === 'PUT') {
        const refusal = checkOutgoingActivity(text);
        if (refusal) {
          refused.push({ method: req.method, conversationId, answer: refusal });
          res.statusCode = refusal.status;
          return res.end(JSON.stringify(refusal.body));
        }
      }
      const call: ConnectorCall = {
        method: req.method ?? '',
        conversationId,
        activityId: tail,
        authorization: req.headers.authorization,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
      if ((req.method === 'PUT' || req.method === 'DELETE') && (!tail || !activities.get(tail) || activities.get(tail)!.deleted)) {
        res.statusCode = 404;
        return res.end(JSON.stringify({ error: { code: 'NotFound', message: 'Activity not found' } }));
      }
      if (req.method === 'POST') {
        call.createdId = `bot-msg-${next++}`;
        activities.set(call.createdId, { id: call.createdId, conversationId, body: call.body, updates: 0, ...(tail ? { replyToId: tail } : {}) });
      } else if (req.method === 'PUT') {
        const shown = activities.get(tail!)!;
        shown.body = call.body;
        shown.updates++;
      } else if (req.method === 'DELETE') {
        activities.get(tail!)!.deleted = true;
      }
      calls.push(call);
      // The service answers 201 Created to a new activity, 200 to an update or delete.
      res.statusCode = req.method === 'POST' ? 201 : 200;
      res.end(JSON.stringify({ id: call.createdId ?? tail ?? '' }));
    });
  });
  /** POST /v3/conversations: one person's chat with the bot, the same one every time. */
  function openPersonalChat(text: string, res: http.ServerResponse): void {
    const checked = checkCreateConversation(text);
    const answer = (refusal: ConnectorRefusal) => {
      res.statusCode = refusal.status;
      res.end(JSON.stringify(refusal.body));
    };
    if (!checked.ok) {
      refused.push({ method: 'POST', conversationId: '', answer: checked.refusal });
      return answer(checked.refusal);
    }
    if (fake.notInstalledFor.has(checked.member)) return answer(notInRoster);
    const conversationId = fake.personalChatOf(checked.member) ?? `a:1personal-${checked.member.replace(/[^A-Za-z0-9-]/g, '')}`;
    fake.personalChatsOpened.push({ body: JSON.parse(text) as Record<string, unknown>, member: checked.member, conversationId });
    res.statusCode = 201;
    res.end(JSON.stringify({ id: conversationId }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const fake: FakeConnector = {
    serviceUrl,
    calls,
    attempts,
    refused,
    members,
    personalChatsOpened: [],
    notInstalledFor: new Set(),
    personalChatOf: (memberId) => fake.personalChatsOpened.find((o) => o.member === memberId)?.conversationId,
    memberLookups: [],
    rosterPages: [],
    peakMemberLookups: 0,
    memberDelayMs: 0,
    failNext: (method, status, retryAfter) => failures.push({ method, status, retryAfter }),
    shown: (conversationId) => [...activities.values()].filter((a) => a.conversationId === conversationId && !a.replyToId && !a.deleted),
    everythingIn: (channelId) =>
      [...activities.values()].filter((a) => (a.conversationId === channelId || a.conversationId.startsWith(`${channelId};messageid=`)) && !a.deleted),
    replies: (conversationId, activityId) =>
      [...activities.values()].filter((a) => a.conversationId === conversationId && a.replyToId === activityId && !a.deleted),
    holdNext: (method, skip = 0) => void holds.push({ method, skip }),
    held: () => heldResponses.filter((r) => !r.writableEnded && !r.destroyed).length,
    deleteByUser: (activityId) => {
      const shown = activities.get(activityId);
      if (shown) shown.deleted = true;
    },
    cardsIn(call) {
      const attachments = (call.body.attachments ?? []) as { contentType?: string; content?: Record<string, unknown> }[];
      return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content ?? {});
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > until) throw new Error(`fake connector: condition not met; calls: ${JSON.stringify(calls.map((c) => [c.method, c.activityId]))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
  return fake;
}
