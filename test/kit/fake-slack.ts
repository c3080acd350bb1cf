/**
 * A local stand-in for the Slack Web API and for response_urls, on 127.0.0.1, used by
 * the tests and the bench alike. As strict as Slack where our bot could go wrong (see
 * slack-web-api.ts for each method's answers): Web API calls need a bot token
 * (`not_authed`), messages need text or valid Block Kit, an update or delete needs a
 * message that is there. It keeps what the channel shows (`shown`), records every call
 * (or, for load, only counts them: `keepCalls: false`), answers ok with increasing ts
 * values, and can be told to answer slowly, or with a 429 + Retry-After, or a 5xx, for
 * chosen methods, or to rate-limit posts per channel the way Slack does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackWebApi, type FakeUser, type ShownMessage } from './slack-web-api';

export type { FakeUser, ShownMessage } from './slack-web-api';

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

export interface FakeSlack {
  /** Web API base (SLACK_API_URL), ending in /api/. */
  apiUrl: string;
  /** A response_url that records its posts under method `response_url`. */
  responseUrl(id: string): string;
  calls(method?: string): FakeCall[];
  users: Map<string, FakeUser>;
  /** Whoever is not in `users` is looked up here (the bench's invented people); undefined: not in the workspace. */
  userFor?: (id: string) => FakeUser | undefined;
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
  /** Calls seen per method (`response_url` for response_url posts) and refusals per method and error, kept even when calls are not. */
  counts(): Record<string, number>;
  /** A message the channel already holds (posted before the fake started: the bench's seeded plans). */
  plant(channel: string, ts: string, text?: string): void;
  /** Starts (or stops) keeping what each chat.update showed over time, for click-to-visible. */
  watch(on: boolean): void;
  /** What each watched message showed, by ts: when Slack got the update and its notification text. */
  shownOverTime(): Record<string, { at: number; text: string }[]>;
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

export interface FakeSlackOptions {
  /** Keep every call for calls()/waitFor() (default); false keeps only counts (a load run). */
  keepCalls?: boolean;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const keepCalls = options.keepCalls ?? true;
  const calls: FakeCall[] = [];
  const counts: Record<string, number> = {};
  const limits = new Map<string, { seconds: number; times: number }>();
  const failures = new Map<string, { status: number; times: number }>();
  const waiters = new Set<() => void>();
  const inFlight = new Map<string, number>();
  const peaks = new Map<string, number>();
  const postTimes = new Map<string, number[]>();
  const overTime: Record<string, { at: number; text: string }[]> = {};
  let watching = false;
  let base = '';
  const fake: Partial<FakeSlack> & Pick<FakeSlack, 'delayMs' | 'users' | 'grants' | 'errors'> = {
    delayMs: 0,
    users: new Map(),
    grants: new Map(),
    errors: new Map(),
  };
  const api = createSlackWebApi(fake, () => base);

  const reply = (res: http.ServerResponse, call: FakeCall, status: number, body: unknown, headers: Record<string, string> = {}) => {
    call.status = status;
    res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
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
        const upload = api.uploads.get(path.slice('/upload/'.length));
        if (upload) upload.content = content;
        body = { content };
      } else {
        body = parseBody(raw.toString('utf8'), contentType);
      }
      const call: FakeCall = { method, path, body, receivedAt: Date.now() };
      if (req.headers.authorization) call.authorization = req.headers.authorization;
      if (keepCalls) calls.push(call);
      counts[method] = (counts[method] ?? 0) + 1;
      if (watching && method === 'chat.update') (overTime[String(body.ts)] ??= []).push({ at: call.receivedAt, text: String(body.text ?? '') });
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
          reply(res, call, 200, { ok: false, error: 'not_authed' });
        } else if (method === 'chat.postMessage' && fake.postsPerSecond !== undefined && recent.length >= fake.postsPerSecond) {
          reply(res, call, 429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
        } else if (limit && limit.times > 0) {
          limit.times--;
          reply(res, call, 429, { ok: false, error: 'ratelimited' }, { 'Retry-After': String(limit.seconds) });
        } else if (failure && failure.times > 0) {
          failure.times--;
          reply(res, call, failure.status, 'fake failure');
        } else {
          if (method === 'chat.postMessage') postTimes.set(channel, [...recent, call.answeredAt!]);
          const answer = method === 'response_url' ? { ok: true } : api.answer(method, call.body);
          if (answer.ok === false) counts[`${method} ${String(answer.error)}`] = (counts[`${method} ${String(answer.error)}`] ?? 0) + 1;
          reply(res, call, 200, answer);
        }
        for (const wake of [...waiters]) wake();
      }, fake.delayMs + Math.floor(Math.random() * (fake.jitterMs ?? 0)));
    });
  });
  // Slow answers under load keep many sockets open at once.
  server.maxConnections = 50_000;
  server.keepAliveTimeout = 30_000;
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
            filename: api.uploads.get(f.id)?.filename ?? '',
            content: api.uploads.get(f.id)?.content ?? '',
            channel: c.body.channel_id,
            comment: c.body.initial_comment,
            threadTs: c.body.thread_ts,
            authorization: c.authorization,
          })),
        ),
    calls: (method?: string) => (method ? calls.filter((c) => c.method === method) : [...calls]),
    counts: () => ({ ...counts }),
    plant: (channel: string, ts: string, text = '') => void api.messages.set(ts, { ts, channel, text, blocks: [], updates: 0 }),
    watch: (on: boolean) => void (watching = on),
    shownOverTime: () => overTime,
    homeView: (userId: string) => api.homeViews.get(userId),
    shown: (channel: string) =>
      [...api.messages.values()].filter((m) => m.channel === channel && !m.threadTs && !m.deleted).sort((a, b) => a.ts.localeCompare(b.ts)),
    thread: (channel: string, ts: string) =>
      [...api.messages.values()].filter((m) => m.channel === channel && m.threadTs === ts).sort((a, b) => a.ts.localeCompare(b.ts)),
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
