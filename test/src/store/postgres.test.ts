/**
 * The shared store against a real Postgres (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test). Each store gets its own random schema,
 * dropped afterwards. Without a server the suite is skipped with a message, unless
 * REQUIRE_POSTGRES=1 (CI), where that is a failure.
 */
import { Client } from 'pg';
import { createPostgresStore } from '../../../src/store/postgres';
import { bob, channelScope, newRollout, PRE_V3_ROLLOUTS, widePlan } from '../rollout/fixtures';
import Database from 'better-sqlite3';
import { postgresMigrations } from '../../../src/store/postgres/schema';
import { sqliteMigrations } from '../../../src/store/sqlite/schema';
import { describeDeliveryContract } from './delivery-contract';
import { openPostgres, openSchema } from './targets';
import { describePostgres, PG_URL } from '../../support/postgres';
import { describeStoreContract, expectGapless, expectKeptAfter6, ROWS_BEFORE_6, stepAction } from './contract';

async function columnsOf(admin: Client, schema: string, table: string): Promise<string[]> {
  const { rows } = await admin.query<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2', [schema, table]);
  return rows.map((r) => r.column_name);
}

type Column = { table_name: string; column_name: string };
/** Every table.column but the migrations' own bookkeeping, sorted. */
const columnNames = (columns: Column[]) =>
  columns.map((c) => `${c.table_name}.${c.column_name}`).filter((c) => !c.startsWith('schema_migrations.')).sort();

describePostgres('postgres', () => {
  // openAnother is a second pool, as a second replica would have.
  describeStoreContract('postgres', openPostgres);
  describeDeliveryContract('postgres', openPostgres);

  describe('postgres store with replicas', () => {
    let s: ReturnType<typeof openSchema>;
    beforeEach(() => {
      s = openSchema();
    });
    afterEach(async () => s.dispose());

    it('two replicas migrating a fresh schema at once both succeed', async () => {
      const [a, b] = [s.open(), s.open()];
      await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
      const admin = new Client({ connectionString: PG_URL });
      await admin.connect();
      const { rows } = await admin.query(`SELECT version FROM "${s.schema}".schema_migrations ORDER BY version`);
      const columns = await columnsOf(admin, s.schema, 'rollouts');
      await admin.end();
      expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }, { version: 5 }, { version: 6 }]);
      expect(columns).toContain('messages');
      expect(columns).not.toContain('operators');
    });

    it('both dialects end up with the same tables and columns (each schema is its own data table; this keeps them alike)', async () => {
      await s.open().migrate();
      const admin = new Client({ connectionString: PG_URL });
      await admin.connect();
      const { rows } = await admin.query<Column>('SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1', [s.schema]);
      await admin.end();
      const lite = new Database(':memory:');
      for (const m of sqliteMigrations) lite.exec(m.sql);
      const liteRows = lite.prepare(`SELECT m.name AS table_name, p.name AS column_name
        FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'`).all() as Column[];
      lite.close();
      // Postgres numbers rollouts in the order they were made (n); SQLite has its rowid for that.
      expect(columnNames(rows).filter((c) => c !== 'rollouts.n')).toEqual(columnNames(liteRows));
      expect(columnNames(liteRows)).toContain('campaign_members.released');
    });

    it('migration 6 drops the write-only rollouts.operators and keeps every rollout and event readable', async () => {
      // A schema as the release with campaigns left it: version 5, with a rollout in it.
      const admin = new Client({ connectionString: PG_URL });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA "${s.schema}"; SET search_path = "${s.schema}"`);
        await admin.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
        for (const m of postgresMigrations.filter((m) => m.version <= 5)) {
          await admin.query(m.sql);
          await admin.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        }
        for (const { table, row } of ROWS_BEFORE_6) {
          await admin.query(`INSERT INTO ${table} (${Object.keys(row)}) VALUES (${Object.keys(row).map((_, i) => `$${i + 1}`)})`, Object.values(row));
        }
        expect(await columnsOf(admin, s.schema, 'rollouts')).toContain('operators');
        const store = s.open();
        await store.migrate();
        await expectKeptAfter6(store);
        expect(await columnsOf(admin, s.schema, 'rollouts')).not.toContain('operators');
        expect(await columnsOf(admin, s.schema, 'rollout_events')).toContain('operators');
      } finally {
        await admin.end();
      }
    });

    it('migration 3 numbers earlier rollouts per channel in the order they were made, and tells where each was posted', async () => {
      // A schema as the release with the outbox left it: version 2.
      const admin = new Client({ connectionString: PG_URL });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA "${s.schema}"; SET search_path = "${s.schema}"`);
        await admin.query(postgresMigrations[0].sql);
        await admin.query(postgresMigrations[1].sql);
        await admin.query(`CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
          INSERT INTO schema_migrations (version, name) VALUES (1, 'v1'), (2, 'v2')`);
        for (const [id, platform, workspace, channel, at, address] of PRE_V3_ROLLOUTS) {
          await admin.query(
            `INSERT INTO rollouts (id, platform, workspace, channel, owner, locale, answers, plan, messages, operators, status, version, created_at, updated_at, create_key)
             VALUES ($1, $2, $3, $4, '{}', 'en', '{}', '{}', '[{"id":"1"}]', '[]', 'active', 1, $5, $5, $6)`,
            [id, platform, workspace, channel, at, `k-${id}`],
          );
          await admin.query(
            `INSERT INTO deliveries (rollout_id, platform, workspace, channel, address, wanted_version, post_state, updated_at)
             VALUES ($1, $2, $3, $4, $5, 1, 'posted', now())`,
            [id, platform, workspace, channel, address],
          );
        }
      } finally {
        await admin.end();
      }
      const store = s.open();
      await store.migrate();
      for (const [id, platform, workspace, channel, , , ref, place] of PRE_V3_ROLLOUTS) {
        expect((await store.getRollout({ platform, workspace, channel }, id))?.rollout).toMatchObject({ ref, place });
      }
      expect((await store.createRollout(newRollout())).rollout.ref).toBe(3);
    });

    it('clicks spread over two replicas land in one gapless order with nothing lost', async () => {
      const [a, b] = [s.open(), s.open()];
      await a.migrate();
      const { rollout } = await a.createRollout(newRollout({ plan: widePlan(30) }));
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => [a, b][i % 2].applyAction(channelScope, rollout.id, stepAction('confirm', `step-${i + 1}`, bob), new Date())),
      );
      expect(results.every((r) => r.outcome === 'recorded')).toBe(true);
      const read = (await b.getRollout(channelScope, rollout.id))!;
      expectGapless(read.events);
      expect(read.rollout).toMatchObject({ version: 32, status: 'completed' });
    });

    it('ping answers while the server does, and a store on a dead address is refused quickly', async () => {
      const live = s.open();
      await expect(live.ping()).resolves.toBeUndefined();
      const dead = createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/test', pingTimeoutMs: 500 });
      await expect(dead.ping()).rejects.toThrow();
      await dead.close();
    });

    it('a dropped connection is logged, not fatal: the next query gets a new one', async () => {
      const applicationName = `exchange-sp-${s.schema}`;
      const warnings: string[] = [];
      const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => void warnings.push(m) };
      const store = createPostgresStore({ connectionString: PG_URL, schema: s.schema, applicationName, logger });
      await store.migrate();
      const admin = new Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      await expect(store.ping()).resolves.toBeUndefined();
      expect(warnings).toContain('postgres pool error');
      await store.close();
    });

    it('refuses a schema name that is not a plain identifier', () => {
      expect(() => createPostgresStore({ connectionString: PG_URL, schema: 'x"; DROP TABLE rollouts; --' })).toThrow(/schema/);
    });
  });
});
