/**
 * Store: confirmations per second straight on the Store interface (no HTTP), on SQLite
 * and on Postgres, with one replica and with two (two processes, each with its own
 * SQLite connection or Postgres pool, on the same database). Postgres runs in a fresh
 * schema that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Pool } from 'pg';
import { createPostgresStore } from '../../src/store/postgres';
import { createSqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/store';
import { forkBenchChild } from '../child';
import { seedRollouts, type SeededRollouts } from '../seed';
import type { StoreJob, StoreJobResult } from '../store-worker';

export interface StoreRow {
  kind: 'sqlite' | 'postgres';
  replicas: number;
  /** Recorded events per second, all replicas together. */
  perSecond: number;
  recorded: number;
  /** Actions that did not record (should be 0). */
  other: number;
}
export interface StoreFigures {
  rows: StoreRow[];
  lanes: number;
  skipped?: string;
}

const SCOPE = { platform: 'slack' as const, workspace: 'T1', channel: 'C1' };
const OWNER = { id: 'U1', name: 'alice' };

async function measure(store: Store, base: Omit<StoreJob, 'ids' | 'stepId' | 'startAt' | 'stopAt' | 'scope' | 'owner'>, seconds: number): Promise<StoreRow[]> {
  const rows: StoreRow[] = [];
  const perReplica = base.lanes * 8;
  for (const replicas of [1, 2]) {
    // Fresh rollouts for every run: each starts with step 1 open, so Confirm is allowed.
    const shares: SeededRollouts[] = [];
    for (let r = 0; r < replicas; r++) shares.push(await seedRollouts(store, SCOPE, OWNER, perReplica, (i) => ({ id: `m${i}` })));
    const workers = await Promise.all(shares.map(() => forkBenchChild<{ pid: number }>('store-worker')));
    try {
      const startAt = Date.now() + 500;
      const results = await Promise.all(
        workers.map((w, r) =>
          w.call<StoreJobResult>('run', { ...base, scope: SCOPE, owner: OWNER, ids: shares[r].ids, stepId: shares[r].stepId, startAt, stopAt: startAt + seconds * 1000 }),
        ),
      );
      const recorded = results.reduce((n, x) => n + x.recorded, 0);
      const longest = Math.max(...results.map((x) => x.seconds));
      rows.push({ kind: base.kind, replicas, perSecond: recorded / longest, recorded, other: results.reduce((n, x) => n + x.other, 0) });
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  }
  return rows;
}

export async function benchStore(options: { dataDir: string; postgresUrl: string; seconds: number; lanes: number; log: (line: string) => void }): Promise<StoreFigures> {
  const { seconds, lanes, log } = options;
  const rows: StoreRow[] = [];
  const file = path.join(options.dataDir, 'store-bench.sqlite');
  const sqlite = createSqliteStore({ file });
  await sqlite.migrate();
  try {
    rows.push(...(await measure(sqlite, { kind: 'sqlite', target: file, lanes }, seconds)));
  } finally {
    await sqlite.close();
  }
  for (const row of rows) log(`store sqlite x${row.replicas}: ${row.perSecond.toFixed(0)} confirmations/s`);

  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: options.postgresUrl, max: 1, connectionTimeoutMillis: 3000 });
  try {
    await admin.query('SELECT 1');
  } catch (error) {
    await admin.end();
    return { rows, lanes, skipped: `Postgres at ${options.postgresUrl} not reachable: ${String(error)}` };
  }
  const postgres = createPostgresStore({ connectionString: options.postgresUrl, schema, poolSize: 4 });
  try {
    await postgres.migrate();
    const pgRows = await measure(postgres, { kind: 'postgres', target: options.postgresUrl, schema, lanes }, seconds);
    for (const row of pgRows) log(`store postgres x${row.replicas}: ${row.perSecond.toFixed(0)} confirmations/s`);
    rows.push(...pgRows);
  } finally {
    await postgres.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
  return { rows, lanes };
}
