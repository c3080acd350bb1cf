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
import { MAX_PAGE_SIZE, type ConnectorCall, type FakeConnector, type Member, type ShownActivity } from './connector-model';
import { checkCreateConversation, checkOutgoingActivity, type ConnectorRefusal } from './connector-rules';

export type { ConnectorCall, FakeConnector, Member, ShownActivity } from './connector-model';

const ROUTE = /^\/v3\/conversations\/([^/]+)\/(activities|members|pagedmembers)(?:\/([^/]+))?\/?$/;
const CREATE_CONVERSATION = /^\/v3\/conversations\/?$/;
const notInRoster: ConnectorRefusal = { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } };

export interface FakeConnectorOptions {
  /** Keep every call for `calls`/waitFor() (default); false keeps only counts (a load run). */
  keepCalls?: boolean;
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const keepCalls = options.keepCalls ?? true;
  const counts: Record<string, number> = {};
  const count = (key: string) => void (counts[key] = (counts[key] ?? 0) + 1);
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
          count(`connector ${req.method} ${refusal.status}`);
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
        count(`connector ${req.method} 404`);
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
      if (keepCalls) calls.push(call);
      count(`connector ${call.method}`);
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
    counts: () => ({ ...counts }),
    plant: (conversationId, activityId) => void activities.set(activityId, { id: activityId, conversationId, body: {}, updates: 0 }),
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
