/**
 * The Postgres the process-level suites share (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test), each run in its own fresh schema that is
 * dropped afterwards. Without a server a suite is skipped with a message, unless
 * REQUIRE_POSTGRES=1 (.ci/run), where that is a failure (as test/src/store/postgres.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env.REQUIRE_POSTGRES === '1';

/** Jest decides what to run synchronously, so a child process asks whether the server answers. */
function serverAnswers(): boolean {
  const probe = `const { Client } = require('pg'); const c = new Client({ connectionString: process.env.URL, connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe], { env: { ...process.env, URL: PG_URL }, timeout: 5000 }).status === 0;
}

let answered: boolean | undefined;

/**
 * `describe` when Postgres answers; otherwise a skipped suite and a warning, or, with
 * REQUIRE_POSTGRES=1, a failing test, so CI never passes by skipping.
 */
export function describePostgres(name: string, body: () => void): void {
  answered ??= serverAnswers();
  if (answered) return describe(name, body);
  if (required) {
    it(`${name}: Postgres must be reachable when REQUIRE_POSTGRES=1`, () => {
      throw new Error(`Postgres at ${PG_URL} cannot be reached`);
    });
    return;
  }
  console.warn(`Postgres at ${PG_URL} cannot be reached: skipping "${name}" (set REQUIRE_POSTGRES=1 to fail instead).`);
  describe.skip(name, body);
}

export const freshSchema = (): string => `scale_${randomBytes(6).toString('hex')}`;

/** DATABASE_URL for the app: the test database, in `schema` (see docs/scale-out.md). */
export function databaseUrl(schema: string, base = PG_URL): string {
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Runs `work` with a plain client on the test database (not through the app). */
export async function withClient<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

export interface EventRow {
  rollout_id: string;
  seq: number;
  type: string;
  step_id: string | null;
  action_key: string | null;
}

/** The whole event log of a schema, in order, straight from the table. */
export async function eventLog(schema: string): Promise<EventRow[]> {
  return withClient(async (c) => {
    const { rows } = await c.query<EventRow>(
      `SELECT rollout_id, seq, type, step_id, action_key FROM "${schema}".rollout_events ORDER BY rollout_id, seq`,
    );
    return rows;
  });
}

/** Problems with the log's shape: a rollout without its 'created' event, or a gap in seq. */
export async function logDefects(schema: string): Promise<string[]> {
  const rollouts = await withClient(async (c) => (await c.query<{ id: string }>(`SELECT id FROM "${schema}".rollouts`)).rows);
  const events = await eventLog(schema);
  const defects: string[] = [];
  for (const { id } of rollouts) {
    const mine = events.filter((e) => e.rollout_id === id);
    if (mine[0]?.type !== 'created') defects.push(`${id}: first event is ${mine[0]?.type ?? 'missing'}, not created`);
    mine.forEach((e, i) => e.seq !== i + 1 && defects.push(`${id}: seq ${e.seq} at position ${i + 1}`));
  }
  for (const e of events) if (!rollouts.some((r) => r.id === e.rollout_id)) defects.push(`event of unknown rollout ${e.rollout_id}`);
  return defects;
}
