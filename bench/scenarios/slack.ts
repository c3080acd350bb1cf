/**
 * Slack: ack latency and throughput of signed slash commands and of block_actions
 * that confirm steps, at 50 and 200 connections, beside the bare Bolt anchor measured
 * in the same run; clicks twice: with the delivery worker in the same process
 * (ROLE=all) and in a separate process (ROLE=web beside ROLE=worker, one SQLite file);
 * the delivery backlog after each click cell; click-to-visible latency; and clicks
 * against a fake Slack that answers after 2 s.
 */
import { encodeActionPayload } from '../../src/cards/actions';
import { sqliteFile } from '../../src/open-store';
import { createSqliteStore } from '../../src/store/sqlite';
import type { AppInfo } from '../app-process';
import { backlogAt, drained, type Backlog } from '../backlog';
import { forkBenchChild, type BenchChild } from '../child';
import type { FakesInfo } from '../fakes-process';
import { runLoad, type LoadRequest, type LoadResult } from '../load';
import { BENCH_OWNER, clickAt, markDelivered, seedRollouts, type SeededRollouts } from '../seed';
import { settledStepEvents } from '../sqlite-count';
import { blockActionsBody, signedHeaders, SIGNING_SECRET, slashCommandBody } from '../../test/kit/slack-requests';
import { measureClickToVisible, visibleMessageTs, visibleScope, type VisibleFigures } from './visible';

export type SlackKind = 'slash' | 'click';
export type Setup = 'one process' | 'separate worker';
export interface SlackRow {
  kind: SlackKind;
  setup: Setup;
  connections: number;
  app: LoadResult;
  bolt?: LoadResult;
  /** The app again, with the fake Web API answering after 2 s. */
  slowApp?: LoadResult;
  /** The delivery backlog the moment the cell ended, and how long the worker took to clear it. */
  backlog?: Backlog;
  drainSeconds?: number;
}
export interface SlackFigures {
  rows: SlackRow[];
  rollouts: number;
  workspaces: number;
  clicksSent: number;
  clicksAcked: number;
  eventsRecorded: number;
  visible: VisibleFigures;
  slackCalls: Record<string, number>;
  blocked: string[];
}

export interface SlackBenchOptions {
  fakes: BenchChild<FakesInfo>;
  dataDir: (name: string) => string;
  seconds: number;
  rollouts: number;
  connections: number[];
  slowDelayMs: number;
  log: (line: string) => void;
}

/** People in the click-to-visible cell: 50, like the 50 connections of the load cells. */
const VISIBLE_PEOPLE = 50;
/** Rollouts spread over this many workspaces (one channel each): no team runs two thousand plans at once. */
const WORKSPACES = 200;
const scopeOf = (i: number) => ({ platform: 'slack' as const, workspace: `T${i % WORKSPACES}`, channel: `C${i % WORKSPACES}` });

async function seed(file: string, count: number, visiblePeople = 0): Promise<{ clicks: SeededRollouts; visible: SeededRollouts }> {
  const store = createSqliteStore({ file });
  await store.migrate();
  const clicks = await seedRollouts(store, scopeOf, BENCH_OWNER, count, (i) => ({ id: `1700000001.${String(i).padStart(6, '0')}`, meta: { channel: scopeOf(i).channel } }));
  const visible = await seedRollouts(store, visibleScope, BENCH_OWNER, visiblePeople, (i) => ({ id: visibleMessageTs(i), meta: { channel: visibleScope(i).channel } }));
  await store.close();
  markDelivered(file);
  return { clicks, visible };
}

export async function benchSlack(options: SlackBenchOptions): Promise<SlackFigures> {
  const { fakes, seconds, log } = options;
  const oneDir = options.dataDir('slack-one');
  const splitDir = options.dataDir('slack-split');
  const oneFile = sqliteFile(oneDir);
  const splitFile = sqliteFile(splitDir);
  const { clicks: seededOne, visible: seededVisible } = await seed(oneFile, options.rollouts, VISIBLE_PEOPLE);
  const { clicks: seededSplit } = await seed(splitFile, options.rollouts);
  // The fake Slack holds the seeded plans' messages, as Slack would (chat.update needs one that is there).
  for (const seeded of [seededOne, seededVisible, seededSplit]) await fakes.call('plantSlack', seeded.messages);

  const env = (dataDir: string, role: string) => ({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fakes.info.slackApiUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ROLE: role,
  });
  const one = await forkBenchChild<AppInfo>('app-process', { args: ['slack'], env: env(oneDir, 'all') });
  const web = await forkBenchChild<AppInfo>('app-process', { args: ['slack'], env: env(splitDir, 'web') });
  const worker = await forkBenchChild<AppInfo>('app-process', { args: ['slack'], env: env(splitDir, 'worker') });
  const bolt = await forkBenchChild<AppInfo>('app-process', { args: ['bolt'], env: env(oneDir, 'all') });
  const url = (child: BenchChild<AppInfo>) => `http://127.0.0.1:${child.info.port}/slack/events`;

  let slashes = 0;
  const responseUrl = `${fakes.info.responseUrlBase}bench`;
  const nextSlash = (): LoadRequest => {
    const n = slashes++ % 50;
    const body = slashCommandBody('2000 standard', responseUrl, { user: `U${n + 1}`, userName: `user${n + 1}` });
    return { body, headers: signedHeaders(body) };
  };
  const clickBody = (seeded: SeededRollouts, i: number): LoadRequest => {
    const { rolloutId, verb } = clickAt(seeded, i);
    const scope = scopeOf(i % seeded.ids.length);
    const value = encodeActionPayload({ k: 'step', r: rolloutId, s: seeded.stepId, v: verb });
    const body = blockActionsBody({ value, actionTs: `1700000000.${String(i).padStart(9, '0')}`, user: BENCH_OWNER.id, userName: BENCH_OWNER.name, responseUrl, team: scope.workspace, channel: scope.channel });
    return { body, headers: signedHeaders(body) };
  };
  // Each app continues its own sequence; the anchor gets the same bodies from a range of its own.
  const counters = { one: 0, split: 0, bolt: 1_000_000_000 };
  const nextClick = (setup: Setup) => () => (setup === 'one process' ? clickBody(seededOne, counters.one++) : clickBody(seededSplit, counters.split++));
  const nextBoltClick = () => clickBody(seededOne, counters.bolt++);

  const rows: SlackRow[] = [];
  try {
    const cell = async (kind: SlackKind, setup: Setup, connections: number) => {
      const target = setup === 'one process' ? one : web;
      const deliverer = setup === 'one process' ? one : worker;
      await drained(deliverer.info.port);
      const app = await runLoad({ url: url(target), connections, seconds, next: kind === 'slash' ? nextSlash : nextClick(setup) });
      const row: SlackRow = { kind, setup, connections, app };
      if (kind === 'click') {
        row.backlog = await backlogAt(deliverer.info.port);
        const started = Date.now();
        const left = await drained(deliverer.info.port);
        if (left?.pending === 0) row.drainSeconds = (Date.now() - started) / 1000;
      }
      row.bolt = await runLoad({ url: url(bolt), connections, seconds, next: kind === 'slash' ? nextSlash : nextBoltClick });
      rows.push(row);
      const backlog = row.backlog ? `; backlog ${row.backlog.pending} (oldest ${row.backlog.oldestSeconds.toFixed(1)} s), drained in ${row.drainSeconds?.toFixed(1) ?? '>120'} s` : '';
      log(`slack ${kind} (${setup}) c=${connections}: app ${app.rps.toFixed(0)} req/s p99 ${app.p99} ms; bolt ${row.bolt.rps.toFixed(0)} req/s p99 ${row.bolt.p99} ms${backlog}`);
    };
    for (const connections of options.connections) await cell('slash', 'one process', connections);
    for (const setup of ['one process', 'separate worker'] as const) {
      for (const connections of options.connections) await cell('click', setup, connections);
    }
    // Every acked click must have become one event.
    const clickRows = rows.filter((r) => r.kind === 'click');
    const clicksAcked = clickRows.reduce((n, r) => n + r.app.acked, 0);
    const clicksSent = counters.one + counters.split;
    const eventsRecorded = (await settledStepEvents(oneFile, counters.one)) + (await settledStepEvents(splitFile, counters.split));
    log(`slack: ${clicksAcked} clicks acked, ${eventsRecorded} step events recorded`);

    const visible = await measureClickToVisible({ fakes, app: one, seeded: seededVisible, users: VISIBLE_PEOPLE, seconds: Math.max(10, seconds * 2), log });

    await fakes.call('slackDelay', options.slowDelayMs);
    const slowRow = rows.find((r) => r.kind === 'click' && r.setup === 'one process' && r.connections === options.connections[0]);
    if (slowRow) {
      await drained(one.info.port);
      slowRow.slowApp = await runLoad({ url: url(one), connections: slowRow.connections, seconds, next: nextClick('one process') });
      log(`slack click c=${slowRow.connections} with a ${options.slowDelayMs} ms Slack: ${slowRow.slowApp.rps.toFixed(0)} req/s p99 ${slowRow.slowApp.p99} ms`);
    }
    const blocked = (await Promise.all([one, web, worker, bolt].map((c) => c.call<string[]>('blocked')))).flat();
    return { rows, rollouts: seededOne.ids.length, workspaces: WORKSPACES, clicksSent, clicksAcked, eventsRecorded, visible, slackCalls: await fakes.call('counts'), blocked };
  } finally {
    await fakes.call('slackDelay', 0);
    // The 2 s Slack leaves a backlog behind: no clean stop for this one.
    await one.kill();
    await web.stop();
    await worker.stop();
    await bolt.stop();
  }
}
