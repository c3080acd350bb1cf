/** The embedded store against a real SQLite file in a temp directory. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../../../src/store/sqlite';
import { sqliteMigrations } from '../../../src/store/sqlite/schema';
import { bob, channelScope, newRollout, PRE_V3_ROLLOUTS } from '../rollout/fixtures';
import { describeDeliveryContract } from './delivery-contract';
import { openSqlite } from './targets';
import { describeStoreContract, expectGapless, expectKeptAfter6, outcomes, ROWS_BEFORE_6, stepAction } from './contract';

function tempFile(): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'exchange-sp-sqlite-'));
  // A nested path: the store creates missing directories itself.
  return { dir, file: join(dir, 'data', 'nested', 'exchange-sp.sqlite') };
}

describeStoreContract('sqlite', openSqlite);
describeDeliveryContract('sqlite', openSqlite);

/** Runs `body` with a database path in a fresh temp directory, removed afterwards. */
async function onDisk(body: (file: string) => Promise<void>): Promise<void> {
  const { dir, file } = tempFile();
  try {
    await body(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);

describe('sqlite store on disk', () => {
  it('keeps every confirmation across a restart', async () => {
    await onDisk(async (file) => {
      const first = createSqliteStore({ file });
      await first.migrate();
      const { rollout } = await first.createRollout(newRollout());
      await first.applyAction(channelScope, rollout.id, stepAction('confirm', 'full-backup', bob), new Date());
      await first.putSetting('k', { v: 1 });
      await first.close();

      const second = createSqliteStore({ file });
      await second.migrate();
      const read = await second.getRollout(channelScope, rollout.id);
      expect(read?.events.map((e) => [e.seq, e.type, e.actor.name])).toEqual([[1, 'created', 'Alice'], [2, 'confirmed', 'Bob']]);
      expect(await second.getSetting('k')).toEqual({ v: 1 });
      await second.close();
    });
  });

  it('runs in WAL mode and records each migration once', async () => {
    await onDisk(async (file) => {
      const store = createSqliteStore({ file });
      await store.migrate();
      await store.migrate();
      await store.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }, { version: 5 }, { version: 6 }]);
      expect(columnsOf(db, 'rollouts')).toContain('messages');
      expect(columnsOf(db, 'rollouts')).not.toContain('operators');
      db.close();
    });
  });

  it('rollouts from before the outbox keep what they show, and nothing is re-sent to their channels', async () => {
    await onDisk(async (file) => {
      // A database as the previous release left it: schema version 1, one posted plan, one orphan.
      mkdirSync(dirname(file), { recursive: true });
      const old = new Database(file);
      old.exec(sqliteMigrations[0].sql);
      old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
        INSERT INTO schema_migrations VALUES (1, 'v1', '2026-01-01T00:00:00Z')`);
      const insert = old.prepare(`INSERT INTO rollouts (id, platform, workspace, channel, owner, locale, answers, plan, messages,
        operators, status, version, created_at, updated_at, create_key) VALUES (?, 'slack', 'T-ACME', 'C-OPS', '{}', 'en', '{}', '{}', ?, '[]', 'active', 3, ?, ?, ?)`);
      insert.run('posted-1', '[{"id":"1.1"}]', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'k1');
      insert.run('orphan-1', '[]', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'k2');
      old.close();
      const store = createSqliteStore({ file });
      await store.migrate();
      expect(await store.getDelivery(channelScope, 'posted-1')).toMatchObject({ postState: 'posted', shownVersion: 3, linesSent: 3, dueAt: null });
      expect(await store.getDelivery(channelScope, 'orphan-1')).toMatchObject({ postState: 'failed', dueAt: null });
      expect(await store.claimChannels('w', Date.now(), 1000, 10)).toEqual([]);
      await store.close();
    });
  });

  it('migration 3 numbers earlier rollouts per channel in the order they were made, and tells where each was posted', async () => {
    await onDisk(async (file) => {
      // A database as the release with the outbox left it: schema version 2.
      mkdirSync(dirname(file), { recursive: true });
      const old = new Database(file);
      old.exec(sqliteMigrations[0].sql);
      old.exec(sqliteMigrations[1].sql);
      old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
        INSERT INTO schema_migrations VALUES (1, 'v1', '2026-01-01T00:00:00Z'), (2, 'v2', '2026-01-01T00:00:00Z')`);
      const insert = old.prepare(`INSERT INTO rollouts (id, platform, workspace, channel, owner, locale, answers, plan, messages,
        operators, status, version, created_at, updated_at, create_key) VALUES (?, ?, ?, ?, '{}', 'en', '{}', '{}', '[{"id":"1"}]', '[]', 'active', 1, ?, ?, ?)`);
      const delivery = old.prepare(`INSERT INTO deliveries (rollout_id, platform, workspace, channel, address, wanted_version, post_state, updated_at)
        VALUES (?, ?, ?, ?, ?, 1, 'posted', '2026-01-01T00:00:00Z')`);
      for (const [id, platform, workspace, channel, at, address] of PRE_V3_ROLLOUTS) {
        insert.run(id, platform, workspace, channel, at, at, `k-${id}`);
        delivery.run(id, platform, workspace, channel, address);
      }
      old.close();
      const store = createSqliteStore({ file });
      await store.migrate();
      for (const [id, platform, workspace, channel, , , ref, place] of PRE_V3_ROLLOUTS) {
        expect((await store.getRollout({ platform, workspace, channel }, id))?.rollout).toMatchObject({ ref, place });
      }
      expect((await store.createRollout(newRollout())).rollout.ref).toBe(3);
      await store.close();
    });
  });

  it('migration 6 drops the write-only rollouts.operators and keeps every rollout and event readable', async () => {
    await onDisk(async (file) => {
      // A database as the release with campaigns left it: schema version 5, with a rollout in it.
      mkdirSync(dirname(file), { recursive: true });
      const old = new Database(file);
      old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      for (const m of sqliteMigrations.filter((m) => m.version <= 5)) {
        old.exec(m.sql);
        old.prepare(`INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01T00:00:00Z')`).run(m.version, m.name);
      }
      for (const { table, row } of ROWS_BEFORE_6) {
        old.prepare(`INSERT INTO ${table} (${Object.keys(row)}) VALUES (${Object.keys(row).map(() => '?')})`).run(...Object.values(row));
      }
      expect(columnsOf(old, 'rollouts')).toContain('operators');
      old.close();
      const store = createSqliteStore({ file });
      await store.migrate();
      await expectKeptAfter6(store);
      await store.close();
      const db = new Database(file, { readonly: true });
      expect(columnsOf(db, 'rollouts')).not.toContain('operators');
      expect(columnsOf(db, 'rollout_events')).toContain('operators');
      db.close();
    });
  });

  it('applies actions that arrive together in order, in one commit, each with its own outcome', async () => {
    await onDisk(async (file) => {
      const store = createSqliteStore({ file });
      await store.migrate();
      const { rollout } = await store.createRollout(newRollout());
      const first = stepAction('confirm', 'full-backup', bob);
      // Same turn of the event loop: the gated step sees the two before it, the repeat is a duplicate.
      const results = await Promise.all([
        store.applyAction(channelScope, rollout.id, first, new Date()),
        store.applyAction(channelScope, rollout.id, stepAction('confirm', 'read-release-notes', bob), new Date()),
        store.applyAction(channelScope, rollout.id, stepAction('confirm', 'apply-node-b', bob), new Date()),
        store.applyAction(channelScope, rollout.id, first, new Date()),
        store.applyAction(channelScope, rollout.id, stepAction('confirm', 'apply-node-a', bob), new Date()),
        store.applyAction(channelScope, 'r-no-such-rollout', stepAction('confirm', 'full-backup', bob), new Date()),
      ]);
      expect(results.map((r) => r.outcome)).toEqual(['recorded', 'recorded', 'recorded', 'duplicate', 'refused', 'not-found']);
      const read = await store.getRollout(channelScope, rollout.id);
      expect(read?.events.map((e) => [e.type, e.stepId])).toEqual([
        ['created', undefined],
        ['confirmed', 'full-backup'],
        ['confirmed', 'read-release-notes'],
        ['confirmed', 'apply-node-b'],
      ]);
      expectGapless(read!.events);
      await store.close();
    });
  });

  it('records none of a group whose commit cannot happen, and every caller hears so', async () => {
    await onDisk(async (file) => {
      const store = createSqliteStore({ file, busyTimeoutMs: 50 });
      await store.migrate();
      const { rollout } = await store.createRollout(newRollout());
      // Another process holds the write lock past the busy timeout.
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      const actions = [stepAction('confirm', 'full-backup', bob), stepAction('confirm', 'read-release-notes', bob)];
      const settled = await Promise.allSettled(actions.map((a) => store.applyAction(channelScope, rollout.id, a, new Date())));
      expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      other.exec('ROLLBACK');
      other.close();
      expect((await store.getRollout(channelScope, rollout.id))?.events.map((e) => e.type)).toEqual(['created']);
      // Nothing was claimed either: the same clicks, retried, are recorded once.
      const retried = await Promise.all(actions.map((a) => store.applyAction(channelScope, rollout.id, a, new Date())));
      expect(outcomes(retried)).toEqual({ recorded: 2 });
      await store.close();
    });
  });

  it('finishes actions still waiting for their commit when it closes', async () => {
    await onDisk(async (file) => {
      const store = createSqliteStore({ file });
      await store.migrate();
      const { rollout } = await store.createRollout(newRollout());
      const pending = store.applyAction(channelScope, rollout.id, stepAction('confirm', 'full-backup', bob), new Date());
      await store.close();
      expect((await pending).outcome).toBe('recorded');
      const reopened = createSqliteStore({ file });
      expect((await reopened.getRollout(channelScope, rollout.id))?.events.map((e) => e.type)).toEqual(['created', 'confirmed']);
      await reopened.close();
    });
  });
});
