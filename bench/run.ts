/**
 * `npm run bench`: every scenario in order, then BENCHMARKS.md at the repo root.
 * Bounded: each load cell runs BENCH_SECONDS (default 5) after a 1 s warm-up; the
 * whole run takes about 4 minutes on 2 cores. Everything stays on 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forkBenchChild } from './child';
import type { FakesInfo } from './fakes-process';
import { describeMachine } from './machine';
import { formatReport, type BenchFigures } from './report';
import { benchMemory } from './scenarios/memory';
import { benchSlack } from './scenarios/slack';
import { benchStartup } from './scenarios/startup';
import { benchStore } from './scenarios/store';
import { benchTeams } from './scenarios/teams';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const started = Date.now();
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
  const machine = describeMachine();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-sp-bench-'));
  const dir = (name: string) => {
    const full = path.join(work, name);
    fs.mkdirSync(full, { recursive: true });
    return full;
  };
  const fakes = await forkBenchChild<FakesInfo>('fakes-process');
  try {
    log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}; scratch ${work}`);
    const startup = await benchStartup({ dataDir: dir('startup'), slackApiUrl: fakes.info.slackApiUrl, runs: 5 });
    log(`start to ready: median ${startup.medianMs.toFixed(0)} ms`);
    const slack = await benchSlack({ fakes, dataDir: dir, seconds, rollouts: 2000, connections: [50, 200], slowDelayMs: 2000, log });
    const teams = await benchTeams({ fakes, dataDir: dir('teams'), seconds, rollouts: 1000, connections: 50, log });
    const store = await benchStore({ dataDir: dir('store'), postgresUrl, seconds, lanes: 8, log });
    const memory = await benchMemory({ fakes, dataDir: dir('memory'), rollouts: 10_000, interviews: 1_000, log });
    const figures: BenchFigures = {
      date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
      machine,
      seconds,
      totalSeconds: (Date.now() - started) / 1000,
      slack,
      teams,
      store,
      memory,
      startup,
      loadAverageEnd: os.loadavg()[0],
    };
    const blocked = [...slack.blocked, ...teams.blocked, ...(await fakes.call<string[]>('blocked'))];
    if (blocked.length) log(`WARNING: connections beyond loopback were refused: ${blocked.join(', ')}`);
    const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
    fs.writeFileSync(file, formatReport(figures));
  } finally {
    await fakes.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
