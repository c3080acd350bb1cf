/**
 * `node dist/bench/profile-clicks.js [connections] [seconds]`: only the Slack Confirm/Undo
 * cell, for profiling (BENCH_CPU_PROF=<dir> writes the app's V8 CPU profile).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeActionPayload } from '../src/cards/actions';
import { sqliteFile } from '../src/open-store';
import { createSqliteStore } from '../src/store/sqlite';
import type { AppInfo } from './app-process';
import { forkBenchChild } from './child';
import type { FakesInfo } from './fakes-process';
import { runLoad } from './load';
import { blockActionsBody, signedHeaders, SIGNING_SECRET } from '../test/kit/slack-requests';
import { BENCH_CHANNEL, BENCH_OWNER, BENCH_TEAM, clickAt, markDelivered, seedRollouts } from './seed';

async function main(): Promise<void> {
  const connections = Number(process.argv[2] ?? 50);
  const seconds = Number(process.argv[3] ?? 5);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-sp-prof-'));
  const fakes = await forkBenchChild<FakesInfo>('fakes-process');
  const store = createSqliteStore({ file: sqliteFile(dataDir) });
  await store.migrate();
  const scope = { platform: 'slack' as const, workspace: BENCH_TEAM, channel: BENCH_CHANNEL };
  const seeded = await seedRollouts(store, scope, BENCH_OWNER, 2000, (i) => ({ id: `1700000001.${String(i).padStart(6, '0')}`, meta: { channel: BENCH_CHANNEL } }));
  await store.close();
  markDelivered(sqliteFile(dataDir));
  await fakes.call('plantSlack', seeded.messages);
  // PROFILE_ROLE=web profiles the acking process alone (no delivery in it).
  const env = { ROLE: process.env.PROFILE_ROLE ?? 'all', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fakes.info.slackApiUrl, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const mode = process.env.PROFILE_MODE === 'bolt' ? 'bolt' : 'slack';
  const app = await forkBenchChild<AppInfo>('app-process', { args: [mode], env });
  let clicks = 0;
  const responseUrl = `${fakes.info.responseUrlBase}bench`;
  const next = () => {
    const i = clicks++;
    const { rolloutId, verb } = clickAt(seeded, i);
    const value = encodeActionPayload({ k: 'step', r: rolloutId, s: seeded.stepId, v: verb });
    const body = blockActionsBody({ value, actionTs: `1700000000.${String(i).padStart(9, '0')}`, user: BENCH_OWNER.id, userName: BENCH_OWNER.name, responseUrl });
    return { body, headers: signedHeaders(body) };
  };
  const result = await runLoad({ url: `http://127.0.0.1:${app.info.port}/slack/events`, connections, seconds, next });
  process.stdout.write(`${mode} c=${connections}: ${result.rps.toFixed(0)} req/s p50 ${result.p50} p99 ${result.p99} max ${result.max} errors ${result.errors} non2xx ${result.non2xx}\n`);
  await new Promise((r) => setTimeout(r, 3000));
  process.stdout.write(`fake Slack calls: ${JSON.stringify(await fakes.call('counts'))}\n`);
  await app.stop();
  await fakes.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`profile failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
