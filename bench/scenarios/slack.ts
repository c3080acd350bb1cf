/**
 * Slack: ack latency and throughput of signed slash commands and of block_actions
 * that confirm steps (store writes and Web API calls included, after the ack), at 50
 * and 200 connections, beside the bare Bolt anchor measured in the same run; then the
 * same against a fake Slack that answers after 2 s.
 */
import { encodeActionPayload } from '../../src/cards/actions';
import { sqliteFile } from '../../src/open-store';
import { createSqliteStore } from '../../src/store/sqlite';
import type { AppInfo } from '../app-process';
import { forkBenchChild, type BenchChild } from '../child';
import type { FakesInfo } from '../fakes-process';
import { runLoad, type LoadRequest, type LoadResult } from '../load';
import { clickAt, seedRollouts } from '../seed';
import { settledStepEvents } from '../sqlite-count';
import { BENCH_CHANNEL, BENCH_OWNER, BENCH_SIGNING_SECRET, BENCH_TEAM, blockActionsBody, signedHeaders, slashCommandBody } from '../slack-requests';

export type SlackKind = 'slash' | 'click';
export interface SlackRow {
  kind: SlackKind;
  connections: number;
  app: LoadResult;
  bolt?: LoadResult;
  /** The app again, with the fake Web API answering after 2 s. */
  slowApp?: LoadResult;
}
export interface SlackFigures {
  rows: SlackRow[];
  rollouts: number;
  clicksSent: number;
  clicksAcked: number;
  eventsRecorded: number;
  slackCalls: Record<string, number>;
  blocked: string[];
}

export interface SlackBenchOptions {
  fakes: BenchChild<FakesInfo>;
  dataDir: string;
  seconds: number;
  rollouts: number;
  connections: number[];
  slowDelayMs: number;
  log: (line: string) => void;
}

export async function benchSlack(options: SlackBenchOptions): Promise<SlackFigures> {
  const { fakes, dataDir, seconds, log } = options;
  const file = sqliteFile(dataDir);
  const store = createSqliteStore({ file });
  await store.migrate();
  const scope = { platform: 'slack' as const, workspace: BENCH_TEAM, channel: BENCH_CHANNEL };
  const seeded = await seedRollouts(store, scope, BENCH_OWNER, options.rollouts, (i) => ({ id: `1700000001.${String(i).padStart(6, '0')}`, meta: { channel: BENCH_CHANNEL } }));
  await store.close();

  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: fakes.info.slackApiUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const app = await forkBenchChild<AppInfo>('app-process', { args: ['slack'], env });
  const bolt = await forkBenchChild<AppInfo>('app-process', { args: ['bolt'], env });
  const url = (child: BenchChild<AppInfo>) => `http://127.0.0.1:${child.info.port}/slack/events`;

  let slashes = 0;
  let clicks = 0;
  const responseUrl = `${fakes.info.responseUrlBase}bench`;
  const nextSlash = (): LoadRequest => {
    const n = slashes++ % 50;
    const body = slashCommandBody('2000 standard', responseUrl, { id: `U${n + 1}`, name: `user${n + 1}` });
    return { body, headers: signedHeaders(body) };
  };
  // The anchor gets the same bodies, but its clicks must not advance the app's sequence.
  let boltClicks = 0;
  const clickBody = (i: number): LoadRequest => {
    const { rolloutId, verb } = clickAt(seeded, i);
    const value = encodeActionPayload({ k: 'step', r: rolloutId, s: seeded.stepId, v: verb });
    const body = blockActionsBody({ value, actionTs: `1700000000.${String(i).padStart(9, '0')}`, user: BENCH_OWNER, responseUrl });
    return { body, headers: signedHeaders(body) };
  };
  const nextClick = () => clickBody(clicks++);
  const nextBoltClick = () => clickBody(1_000_000_000 + boltClicks++);

  const rows: SlackRow[] = [];
  try {
    for (const kind of ['slash', 'click'] as const) {
      for (const connections of options.connections) {
        await idle(fakes);
        const appLoad = await runLoad({ url: url(app), connections, seconds, next: kind === 'slash' ? nextSlash : nextClick });
        const boltLoad = await runLoad({ url: url(bolt), connections, seconds, next: kind === 'slash' ? nextSlash : nextBoltClick });
        rows.push({ kind, connections, app: appLoad, bolt: boltLoad });
        log(`slack ${kind} c=${connections}: app ${appLoad.rps.toFixed(0)} req/s p99 ${appLoad.p99} ms; bolt ${boltLoad.rps.toFixed(0)} req/s p99 ${boltLoad.p99} ms`);
      }
    }
    // Every acked click must have become one event before the slow runs start.
    const clicksAcked = rows.filter((r) => r.kind === 'click').reduce((n, r) => n + r.app.acked, 0);
    const clicksSent = clicks;
    const eventsRecorded = await settledStepEvents(file, clicksSent);
    log(`slack: ${clicksAcked} clicks acked, ${eventsRecorded} step events recorded`);

    await fakes.call('slackDelay', options.slowDelayMs);
    for (const row of rows) {
      await idle(fakes);
      row.slowApp = await runLoad({ url: url(app), connections: row.connections, seconds, next: row.kind === 'slash' ? nextSlash : nextClick });
      log(`slack ${row.kind} c=${row.connections} with a ${options.slowDelayMs} ms Slack: ${row.slowApp.rps.toFixed(0)} req/s p99 ${row.slowApp.p99} ms`);
    }
    const blocked = [...(await app.call<string[]>('blocked')), ...(await bolt.call<string[]>('blocked'))];
    return { rows, rollouts: seeded.ids.length, clicksSent, clicksAcked, eventsRecorded, slackCalls: await fakes.call('counts'), blocked };
  } finally {
    await fakes.call('slackDelay', 0);
    // The 2 s Slack leaves minutes of queued thread notes: no clean stop for this one.
    await app.kill();
    await bolt.stop();
  }
}

/**
 * Waits until the app has finished the Web API work of the previous cell (card updates,
 * thread lines): the fake Slack's call count holds still for a second. Each cell then
 * measures the app from rest, not the backlog of the cell before. Bounded to 60 s.
 */
async function idle(fakes: BenchChild<FakesInfo>): Promise<void> {
  const total = async () => Object.values(await fakes.call<Record<string, number>>('counts')).reduce((a, b) => a + b, 0);
  let last = await total();
  for (const started = Date.now(); Date.now() - started < 60_000; ) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await total();
    if (now === last) return;
    last = now;
  }
}
