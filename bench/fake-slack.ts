/**
 * A local stand-in for the Slack Web API and response_urls on 127.0.0.1, lean enough
 * for load: it counts calls per method instead of keeping them, and answers after
 * `delayMs` (0, or 2000 to show that a slow Slack never delays an ack).
 * Adapted from test/adapters/slack/fake-slack.ts (copied: bench/ cannot import test/).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchFakeSlack {
  /** Web API base (SLACK_API_URL), ending in /api/. */
  apiUrl: string;
  responseUrl(id: string): string;
  /** Calls seen per method (`response_url` for response_url posts). */
  counts(): Record<string, number>;
  setDelay(ms: number): void;
  /** Starts (or stops) keeping what each plan message shows over time, for click-to-visible. */
  watch(on: boolean): void;
  /** What each watched message showed, by ts: when Slack got it and its notification text. */
  shownOverTime(): Record<string, { at: number; text: string }[]>;
  close(): Promise<void>;
}

export async function startBenchFakeSlack(): Promise<BenchFakeSlack> {
  const counts: Record<string, number> = {};
  let delayMs = 0;
  let watching = false;
  const shown: Record<string, { at: number; text: string }[]> = {};
  let ts = 1_700_000_000_000_100;
  const nextTs = () => {
    ts += 100;
    const text = String(ts);
    return `${text.slice(0, 10)}.${text.slice(10)}`;
  };
  const answer = (method: string): Record<string, unknown> => {
    switch (method) {
      case 'chat.postMessage':
        return { ok: true, channel: 'C1', ts: nextTs() };
      case 'chat.update':
        return { ok: true, channel: 'C1' };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.getPermalink':
        return { ok: true, permalink: 'https://example.slack.com/archives/C1/p1' };
      case 'users.info':
        // Every bench user exists and speaks English: the lookup is cached after the first click.
        return { ok: true, user: { id: 'U', name: 'user', real_name: 'Bench User', locale: 'en-US', profile: { display_name: 'Bench User' } } };
      default:
        return { ok: true };
    }
  };
  const server = http.createServer((req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    // The body is read only while watching (click-to-visible); otherwise drained.
    req.on('data', (chunk: Buffer) => void (watching && chunks.push(chunk)));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const method = path.startsWith('/api/') ? path.slice(5) : path.startsWith('/response/') ? 'response_url' : path;
      if (watching && method === 'chat.update') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const ts = form.get('ts') ?? '';
        (shown[ts] ??= []).push({ at: receivedAt, text: form.get('text') ?? '' });
      }
      counts[method] = (counts[method] ?? 0) + 1;
      const reply = () => {
        const body = JSON.stringify(method === 'response_url' ? { ok: true } : answer(method));
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      };
      if (delayMs > 0) setTimeout(reply, delayMs);
      else reply();
    });
  });
  // Slow answers keep many sockets open at once.
  server.maxConnections = 50_000;
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    counts: () => ({ ...counts }),
    setDelay: (ms) => void (delayMs = ms),
    watch: (on) => void (watching = on),
    shownOverTime: () => shown,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
