/**
 * The embedded store: one SQLite file (better-sqlite3, synchronous). WAL lets readers
 * run beside the single writer; busy_timeout makes a second process on the same file
 * wait instead of failing. Every action runs in a BEGIN IMMEDIATE transaction, which
 * takes the write lock before reading the log, so no two actions interleave; actions
 * that arrive together share one commit (group-commit.ts).
 * https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MessageRef } from '../../rollout/model';
import { sqliteMigrations } from './schema';
import { isPlausibleRolloutId, jsonText, listLimit, scopeFilter } from '../rollout-log';
import { createSqliteReminders } from './reminders';
import type { RolloutFilter, Store } from '../store';
import { DEFAULT_DELIVERY_DELAY_MS } from '../delivery-model';
import { createSqliteDelivery } from './delivery';
import { createGroupCommit } from './group-commit';
import { createWalSync, noWalSync } from './wal-sync';
import { createSqliteReads, scopeArgs, scopeWhere, type Row } from './rollout-reads';
import { createSqliteRolloutWrites } from './rollout-writes';
import { createSqliteDialogsAndSettings } from './dialogs-and-settings';

export interface SqliteStoreConfig {
  /** Path of the database file (directories are created); ':memory:' for throwaway use. */
  file: string;
  /** How long to wait for another process's write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** How long after an action its redraw is due, so a burst shares one (default 150 ms). */
  deliveryDelayMs?: number;
}

export function createSqliteStore(config: SqliteStoreConfig): Store {
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  const db = new Database(config.file);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(config.busyTimeoutMs ?? 5000))}`);
  db.pragma('foreign_keys = ON');
  // A confirmation the team saw acknowledged must survive a power cut too. NORMAL writes
  // the WAL without syncing it in COMMIT; wal-sync.ts syncs it off the event loop
  // and every answer waits for that: FULL's guarantee, without blocking the loop.
  const onDisk = config.file !== ':memory:';
  db.pragma(onDisk ? 'synchronous = NORMAL' : 'synchronous = FULL');
  const walSync = onDisk ? createWalSync(config.file) : noWalSync;

  const reads = createSqliteReads(db);
  const { sql, readRollout, readLog, readEvents } = reads;
  const deliveryDelayMs = config.deliveryDelayMs ?? DEFAULT_DELIVERY_DELAY_MS;
  /** Set when a batch recorded delivery work: its workers hear of it after the commit. */
  let recordedWork = false;
  const { createTx, applyTx, writeApplied, campaigns, rescheduled } = createSqliteRolloutWrites({
    db,
    reads,
    deliveryDelayMs,
    recordedWork: () => void (recordedWork = true),
  });

  function migrateNow(): void {
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
      for (const m of sqliteMigrations) {
        if (done.has(m.version)) continue;
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      }
    }).immediate();
  }

  const reminders = createSqliteReminders({ db, sql, readRollout, readLog, readEvents, writeApplied, rescheduled });

  const grouped = createGroupCommit(
    db,
    () => {
      if (!recordedWork) return;
      recordedWork = false;
      announce(Date.now() + deliveryDelayMs);
    },
    walSync.durable,
    reads.forgetLogs,
  );
  const dialogsAndSettings = createSqliteDialogsAndSettings({ db, sql, grouped, durable: walSync.durable });

  const delivery = createSqliteDelivery({ db, sql, readRollout, readLog, readCampaign: campaigns.viewOf });
  // This process's workers hear of new delivery work at once (after the commit).
  const watchers = new Set<(dueAt: number) => void>();
  function announce(dueAt: number): void {
    for (const watcher of watchers) watcher(dueAt);
  }

  return {
    ...delivery,
    ...dialogsAndSettings,
    kind: 'sqlite',
    async migrate() {
      migrateNow();
    },
    async ping() {
      sql('SELECT 1').get();
    },
    async close() {
      if (db.open) {
        grouped.flush();
        await walSync.durable().catch(() => undefined);
        walSync.close();
        db.close();
      }
    },

    async createRollout(input) {
      const created = createTx.immediate(input);
      await walSync.durable();
      announce(Date.now());
      return created;
    },
    async createCampaign(input) {
      const created = campaigns.create(input);
      await walSync.durable();
      announce(Date.now());
      return created;
    },
    campaignOf: campaigns.campaignOf,
    watchDeliveries(onDue) {
      watchers.add(onDue);
      return () => void watchers.delete(onDue);
    },
    async getRollout(scope, id) {
      // A read transaction so the rollout row and its log come from the same snapshot.
      return db.transaction(() => {
        const rollout = readRollout(scope, id);
        return rollout ? { rollout, events: readEvents(id) } : undefined;
      })();
    },
    async getRolloutByRef(scope, ref) {
      if (!Number.isSafeInteger(ref) || ref < 1) return undefined;
      return db.transaction(() => {
        const row = sql('SELECT id FROM rollouts WHERE platform = ? AND workspace = ? AND channel = ? AND ref = ?')
          .get(scope.platform, scope.workspace, scope.channel, ref) as { id: string } | undefined;
        const rollout = row ? readRollout(scope, row.id) : undefined;
        return rollout ? { rollout, events: readEvents(rollout.id) } : undefined;
      })();
    },
    async listRollouts(scope, filter: RolloutFilter = {}) {
      const where = Object.entries(scopeFilter(scope)).map(([col]) => `${col} = ?`);
      const args: unknown[] = Object.values(scopeFilter(scope));
      if (filter.status) {
        where.push('status = ?');
        args.push(filter.status);
      }
      const rows = sql(`SELECT * FROM rollouts WHERE ${where.join(' AND ')} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
        .all(...args, listLimit(filter.limit)) as Row[];
      return rows.map(reads.rolloutOf);
    },
    async setMessages(scope, id, messages: MessageRef[]) {
      if (!isPlausibleRolloutId(id)) return;
      sql(`UPDATE rollouts SET messages = ?, updated_at = ? WHERE ${scopeWhere}`).run(
        jsonText(messages), new Date().toISOString(), ...scopeArgs(scope, id));
    },
    applyAction(scope, id, action, now) {
      return grouped.run(applyTx, scope, id, action, now);
    },
    async remindDue(claim, rolloutId, now) {
      if (!(await grouped.run(reminders.remindTx, claim.scope, rolloutId, new Date(now)))) return undefined;
      return reminders.snapshotOf(claim.scope, rolloutId);
    },
  };
}
