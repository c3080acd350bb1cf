/**
 * Memory of the Slack app (RSS after a full GC, from the app's own process): idle,
 * after 10,000 rollouts created through the real flow (a signed slash command with
 * every answer, then the "Post plan" click: store write + chat.postMessage), and with
 * 1,000 interviews left open (node-cache in memory, the SQLite default).
 */
import { encodeActionPayload } from '../../src/cards/actions';
import type { AppInfo } from '../app-process';
import { forkBenchChild, type BenchChild } from '../child';
import type { FakesInfo } from '../fakes-process';
import { runLoad } from '../load';
import { blockActionsBody, signedHeaders, SIGNING_SECRET, slashCommandBody } from '../../test/kit/slack-requests';

/** RSS and V8 heap in use, MB. */
export interface MemoryPoint {
  rss: number;
  heap: number;
}

export interface MemoryFigures {
  idle: MemoryPoint;
  afterRollouts: MemoryPoint;
  rollouts: number;
  withInterviews: MemoryPoint;
  interviews: number;
  /** Seconds to create the rollouts through the flow (both requests and all after-ack work). */
  createSeconds: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

async function waitForCalls(fakes: BenchChild<FakesInfo>, method: string, target: number, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const seen = (await fakes.call<Record<string, number>>('counts'))[method] ?? 0;
    if (seen >= target || Date.now() > until) return seen;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function benchMemory(options: { fakes: BenchChild<FakesInfo>; dataDir: string; rollouts: number; interviews: number; log: (line: string) => void }): Promise<MemoryFigures> {
  const { fakes, log } = options;
  const app = await forkBenchChild<AppInfo>('app-process', {
    args: ['slack'],
    env: { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fakes.info.slackApiUrl, DATA_DIR: options.dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  const url = `http://127.0.0.1:${app.info.port}/slack/events`;
  const rss = async (): Promise<MemoryPoint> => {
    const usage = await app.call<NodeJS.MemoryUsage>('rss');
    return { rss: mb(usage.rss), heap: mb(usage.heapUsed) };
  };
  const calls = async (method: string) => (await fakes.call<Record<string, number>>('counts'))[method] ?? 0;
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = await rss();
    log(`memory idle: ${idle.rss.toFixed(1)} MB`);

    const started = Date.now();
    const responses = await calls('response_url');
    let k = 0;
    const user = (i: number) => ({ user: `UM${i}`, userName: `member${i}` });
    // Each plan in a channel of its own: Slack takes about one message a second per channel.
    const where = (i: number) => ({ channel: `CM${i}` });
    const responseUrl = `${fakes.info.responseUrlBase}memory`;
    // Every answer at once: the interview goes straight to its summary.
    await runLoad({ url, connections: 50, seconds: 120, amount: options.rollouts, next: () => {
      const i = k++;
      const body = slashCommandBody('2000 standard single sp no no', responseUrl, { ...user(i), ...where(i) });
      return { body, headers: signedHeaders(body) };
    } });
    await waitForCalls(fakes, 'response_url', responses + options.rollouts, 120_000);
    const posts = await calls('chat.postMessage');
    let c = 0;
    const post = encodeActionPayload({ k: 'dialog', c: 'confirm' });
    await runLoad({ url, connections: 50, seconds: 120, amount: options.rollouts, next: () => {
      const i = c++;
      const body = blockActionsBody({ value: post, actionTs: `1800000000.${String(i).padStart(9, '0')}`, ...user(i), responseUrl, ...where(i) });
      return { body, headers: signedHeaders(body) };
    } });
    const posted = (await waitForCalls(fakes, 'chat.postMessage', posts + options.rollouts, 180_000)) - posts;
    const createSeconds = (Date.now() - started) / 1000;
    const afterRollouts = await rss();
    log(`memory after ${posted} rollouts: ${afterRollouts.rss.toFixed(1)} MB (${createSeconds.toFixed(0)} s to create)`);

    const before = await calls('response_url');
    let q = 0;
    await runLoad({ url, connections: 50, seconds: 60, amount: options.interviews, next: () => {
      const body = slashCommandBody('', responseUrl, { user: `UI${q}`, userName: `asker${q++}` });
      return { body, headers: signedHeaders(body) };
    } });
    await waitForCalls(fakes, 'response_url', before + options.interviews, 60_000);
    const withInterviews = await rss();
    log(`memory with ${options.interviews} open interviews: ${withInterviews.rss.toFixed(1)} MB`);
    return { idle, afterRollouts, rollouts: posted, withInterviews, interviews: options.interviews, createSeconds };
  } finally {
    await app.stop(30_000);
  }
}
