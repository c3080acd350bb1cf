/**
 * A local stand-in for the Slack Web API and for response_urls, on 127.0.0.1, as
 * strict as Slack where our bot could go wrong: Web API calls need a bot token
 * (`not_authed`), messages need text or valid Block Kit (`no_text`, `invalid_blocks`,
 * `msg_too_long`), an update or delete needs a message that is there
 * (`message_not_found`). It keeps what the channel shows (`shown`), records every
 * call, answers ok with increasing ts values, and can be told to answer slowly, or
 * with a 429 + Retry-After, or a 5xx, for chosen methods, or to rate-limit posts per
 * channel the way Slack does. views.publish takes only a valid Home tab view for a user
 * the workspace knows (`invalid_arguments`, `user_not_found`), and keeps each user's
 * latest one (`homeView`).
 * https://docs.slack.dev/reference/methods/chat.postMessage#errors
 * https://docs.slack.dev/reference/methods/chat.update#errors
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackHomeViewViolations, slackMessageViolations } from './slack-limits-check';

/** One message as the channel shows it now (the latest update applied). */
export interface ShownMessage {
  ts: string;
  channel: string;
  text: string;
  blocks: unknown[];
  threadTs?: string;
  deleted?: boolean;
  /** How many times it was updated. */
  updates: number;
}

/** Methods that need no bot token. */
const NO_TOKEN = new Set(['oauth.v2.access', 'response_url', 'upload']);

export interface FakeCall {
  method: string;
  /** The request path (tells response_urls apart). */
  path: string;
  body: Record<string, unknown>;
  /** The Authorization header: which workspace's token made the call. */
  authorization?: string;
  /** ms since epoch when the request arrived and when it was answered. */
  receivedAt: number;
  answeredAt?: number;
  /** The HTTP status it was answered with (a Slack error such as not_authed is a 200). */
  status?: number;
}

export interface FakeUser {
  name: string;
  locale?: string;
  /** users.info `tz`, e.g. "Europe/Amsterdam". */
  tz?: string;
}

export interface FakeSlack {
  /** Web API base (SLACK_API_URL), ending in /api/. */
  apiUrl: string;
  /** A response_url that records its posts under method `response_url`. */
  responseUrl(id: string): string;
  calls(method?: string): FakeCall[];
  users: Map<string, FakeUser>;
  /** oauth.v2.access answers by code (the installation Slack would grant). */
  grants: Map<string, Record<string, unknown>>;
  /** Methods that answer ok: false with this error (e.g. not_in_channel), until deleted. */
  errors: Map<string, string>;
  /** Files completed with files.completeUploadExternal: their uploaded text and the share details. */
  files(): { filename: string; content: string; channel: unknown; comment: unknown; threadTs: unknown; authorization?: string }[];
  /** The Home tab a user sees now (the latest view views.publish accepted for them). */
  homeView(userId: string): { type: string; blocks: unknown[] } | undefined;
  delayMs: number;
  /** Up to this many ms more per answer, at random (network jitter). */
  jitterMs?: number;
  /** What apps.connections.open answers (Socket Mode): the WebSocket URL to connect to. */
  socketUrl?: string;
  /** Next `times` calls of `method` answer 429 with Retry-After `seconds`. */
  rateLimit(method: string, seconds: number, times?: number): void;
  /** Next `times` calls of `method` answer this HTTP status. */
  fail(method: string, status: number, times?: number): void;
  /** What the channel shows: its top-level messages (latest content, oldest first), deleted ones left out. */
  shown(channel: string): ShownMessage[];
  /** The replies in a message's thread, oldest first. */
  thread(channel: string, ts: string): ShownMessage[];
  /** chat.postMessage calls beyond this many per second per channel answer 429 (Slack: about 1, short bursts allowed). */
  postsPerSecond?: number;
  /** The most calls of `method` that were open (received, not yet answered) at one time. */
  peakInFlight(method: string): number;
  /** Starts counting peakInFlight afresh. */
  resetPeaks(): void;
  /** Resolves when some call satisfies `test`, or rejects after `timeoutMs`. */
  waitFor(test: (calls: FakeCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // WebClient sends arrays and objects (blocks, view) as JSON text.
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeCall[] = [];
  const limits = new Map<string, { seconds: number; times: number }>();
  const failures = new Map<string, { status: number; times: number }>();
  const waiters = new Set<() => void>();
  const inFlight = new Map<string, number>();
  const peaks = new Map<string, number>();
  let ts = 1_700_000_000_000_100;
  const nextTs = () => {
    ts += 100;
    const text = String(ts);
    return `${text.slice(0, 10)}.${text.slice(10)}`;
  };

  const fake: Partial<FakeSlack> & Pick<FakeSlack, 'delayMs' | 'users' | 'grants' | 'errors'> = {
    delayMs: 0,
    users: new Map(),
    grants: new Map(),
    errors: new Map(),
  };
  const messages = new Map<string, ShownMessage>();
  const homeViews = new Map<string, { type: string; blocks: unknown[] }>();
  const postTimes = new Map<string, number[]>();
  const validMessage = (body: Record<string, unknown>): string | undefined => {
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    if (!text && !blocks?.length) return 'no_text';
    if (text.length > 40_000) return 'msg_too_long';
    if (blocks && slackMessageViolations({ text: text || 'x', blocks }).some((v) => !v.startsWith('notification'))) return 'invalid_blocks';
    return undefined;
  };
  const existing = (body: Record<string, unknown>): ShownMessage | undefined => {
    const found = messages.get(String(body.ts));
    return found && !found.deleted && found.channel === body.channel ? found : undefined;
  };
  /** files.getUploadURLExternal ids -> name and the bytes later sent to the upload URL. */
  const uploads = new Map<string, { filename: string; content?: string }>();
  let base = '';

  const answer = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    const channel = typeof body.channel === 'string' ? body.channel : 'C0';
    const error = fake.errors.get(method);
    if (error) return { ok: false, error };
    switch (method) {
      case 'oauth.v2.access': {
        const grant = fake.grants.get(String(body.code));
        return grant ? { ok: true, ...grant } : { ok: false, error: 'invalid_code' };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${uploads.size + 1}`;
        uploads.set(id, { filename: String(body.filename) });
        return { ok: true, file_id: id, upload_url: `${base}/upload/${id}` };
      }
      case 'files.completeUploadExternal': {
        const files = body.files as { id: string }[];
        return { ok: true, files: files.map((f) => ({ id: f.id, name: uploads.get(f.id)?.filename })) };
      }
      case 'chat.postMessage': {
        if (typeof body.channel !== 'string' || !body.channel) return { ok: false, error: 'channel_not_found' };
        const invalid = validMessage(body);
        if (invalid) return { ok: false, error: invalid };
        const posted: ShownMessage = { ts: nextTs(), channel, text: String(body.text ?? ''), blocks: (body.blocks as unknown[]) ?? [], updates: 0 };
        if (typeof body.thread_ts === 'string') posted.threadTs = body.thread_ts;
        messages.set(posted.ts, posted);
        return { ok: true, channel, ts: posted.ts, message: { text: body.text } };
      }
      case 'chat.update': {
        const message = existing(body);
        if (!message) return { ok: false, error: 'message_not_found' };
        const invalid = validMessage(body);
        if (invalid) return { ok: false, error: invalid };
        message.text = String(body.text ?? '');
        message.blocks = (body.blocks as unknown[]) ?? [];
        message.updates++;
        return { ok: true, channel, ts: body.ts, text: body.text };
      }
      case 'chat.delete': {
        const message = existing(body);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.deleted = true;
        return { ok: true, channel, ts: body.ts };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.getPermalink':
        return { ok: true, channel, permalink: `https://example.slack.com/archives/${channel}/p${String(body.message_ts).replace('.', '')}` };
      case 'views.open':
        return { ok: true, view: { id: 'V123' } };
      case 'views.publish': {
        if (typeof body.user_id !== 'string' || !body.user_id) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: user_id'] } };
        if (!fake.users.has(body.user_id)) return { ok: false, error: 'user_not_found' };
        const violations = slackHomeViewViolations(body.view);
        if (violations.length) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: violations.map((v) => `[ERROR] ${v}`) } };
        const view = body.view as { type: string; blocks: unknown[] };
        homeViews.set(body.user_id, view);
        return { ok: true, view: { id: `VH${homeViews.size}`, ...view } };
      }
      case 'users.info': {
        const id = String(body.user);
        const user = fake.users.get(id);
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            real_name: user.name,
            locale: user.locale ?? 'en-US',
            ...(user.tz ? { tz: user.tz } : {}),
            profile: { display_name: user.name, real_name: user.name },
          },
        };
      }
      case 'apps.connections.open':
        return fake.socketUrl ? { ok: true, url: fake.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      default:
        return { ok: true };
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = (req.url ?? '').split('?')[0];
      const method = path.startsWith('/api/') ? path.slice(5) : path.startsWith('/response/') ? 'response_url' : path.startsWith('/upload/') ? 'upload' : path;
      const raw = Buffer.concat(chunks);
      const contentType = req.headers['content-type'];
      let body: Record<string, unknown>;
      if (method === 'upload') {
        // WebClient sends the file as multipart/form-data: read it as a browser would.
        const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
        const part = [...form.values()][0];
        const content = typeof part === 'string' ? part : await part.text();
        const upload = uploads.get(path.slice('/upload/'.length));
        if (upload) upload.content = content;
        body = { content };
      } else {
        body = parseBody(raw.toString('utf8'), contentType);
      }
      const call: FakeCall = { method, path, body, receivedAt: Date.now() };
      if (req.headers.authorization) call.authorization = req.headers.authorization;
      calls.push(call);
      const open = (inFlight.get(method) ?? 0) + 1;
      inFlight.set(method, open);
      peaks.set(method, Math.max(peaks.get(method) ?? 0, open));
      setTimeout(() => {
        inFlight.set(method, (inFlight.get(method) ?? 1) - 1);
        const limit = limits.get(method);
        const failure = failures.get(method);
        call.answeredAt = Date.now();
        const token = /^Bearer (xox[bpa]|xapp)-\S+$/.test(req.headers.authorization ?? '');
        const channel = typeof call.body.channel === 'string' ? call.body.channel : '';
        const recent = (postTimes.get(channel) ?? []).filter((t) => t > call.answeredAt! - 1000);
        if (!NO_TOKEN.has(method) && !token) {
          call.status = 200;
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: 'not_authed' }));
        } else if (method === 'chat.postMessage' && fake.postsPerSecond !== undefined && recent.length >= fake.postsPerSecond) {
          call.status = 429;
          res.writeHead(429, { 'Retry-After': '1', 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        } else if (limit && limit.times > 0) {
          limit.times--;
          call.status = 429;
          res.writeHead(429, { 'Retry-After': String(limit.seconds), 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        } else if (failure && failure.times > 0) {
          failure.times--;
          call.status = failure.status;
          res.writeHead(failure.status, { 'Content-Type': 'text/plain' });
          res.end('fake failure');
        } else {
          if (method === 'chat.postMessage') postTimes.set(channel, [...recent, call.answeredAt!]);
          const body = method === 'response_url' ? { ok: true } : answer(method, call.body);
          call.status = 200;
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(body));
        }
        for (const wake of [...waiters]) wake();
      }, fake.delayMs + Math.floor(Math.random() * (fake.jitterMs ?? 0)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return Object.assign(fake, {
    apiUrl: `${base}/api/`,
    responseUrl: (id: string) => `${base}/response/${id}`,
    files: () =>
      calls
        .filter((c) => c.method === 'files.completeUploadExternal')
        .flatMap((c) =>
          (c.body.files as { id: string }[]).map((f) => ({
            filename: uploads.get(f.id)?.filename ?? '',
            content: uploads.get(f.id)?.content ?? '',
            channel: c.body.channel_id,
            comment: c.body.initial_comment,
            threadTs: c.body.thread_ts,
            authorization: c.authorization,
          })),
        ),
    calls: (method?: string) => (method ? calls.filter((c) => c.method === method) : [...calls]),
    homeView: (userId: string) => homeViews.get(userId),
    shown: (channel: string) =>
      [...messages.values()].filter((m) => m.channel === channel && !m.threadTs && !m.deleted).sort((a, b) => a.ts.localeCompare(b.ts)),
    thread: (channel: string, ts: string) =>
      [...messages.values()].filter((m) => m.channel === channel && m.threadTs === ts).sort((a, b) => a.ts.localeCompare(b.ts)),
    peakInFlight: (method: string) => peaks.get(method) ?? 0,
    resetPeaks: () => peaks.clear(),
    rateLimit: (method: string, seconds: number, times = 1) => void limits.set(method, { seconds, times }),
    fail: (method: string, status: number, times = 1) => void failures.set(method, { status, times }),
    waitFor: (test: (all: FakeCall[]) => boolean, timeoutMs = 8000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (test(calls.filter((c) => c.answeredAt !== undefined))) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Slack: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeSlack;
}
