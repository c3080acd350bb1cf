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
import type { StoreAction } from '../../campaign/model';
import type { MessageRef, NewRollout, Rollout, RolloutEvent, RolloutSnapshot, Scope } from '../../rollout/model';
import { sqliteMigrations } from './schema';
import {
  applyToLog,
  eventFromRow,
  eventValues,
  initialEvents,
  isPlausibleRolloutId,
  jsonText,
  listLimit,
  newRolloutId,
  newRolloutModel,
  nextCheckOf,
  rolloutFromRow,
  scopeFilter,
  type AppliedAction,
  type EventRow,
  type RolloutRow,
} from '../rollout-log';
import { createSqliteReminders } from './reminders';
import type { RolloutFilter, Store } from '../store';
import { DEFAULT_DELIVERY_DELAY_MS } from '../delivery-model';
import { createSqliteDelivery, sqliteDeliveryWrites } from './delivery';
import { createGroupCommit } from './group-commit';
import { createSqliteCampaigns } from './campaigns';
import { createWalSync, noWalSync } from './wal-sync';

export interface SqliteStoreConfig {
  /** Path of the database file (directories are created); ':memory:' for throwaway use. */
  file: string;
  /** How long to wait for another process's write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** How long after an action its redraw is due, so a burst shares one (default 150 ms). */
  deliveryDelayMs?: number;
}

type Row = Record<string, unknown>;
const JSON_COLUMNS = ['owner', 'answers', 'plan', 'messages', 'operators', 'actor', 'detail'] as const;

/** SQLite keeps JSON as text: parse the JSON columns of a row in place. */
function parsed<T>(row: Row): T {
  for (const col of JSON_COLUMNS) if (typeof row[col] === 'string') row[col] = JSON.parse(row[col] as string);
  return row as T;
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

  // better-sqlite3 compiles SQL on every prepare(); a click runs a handful of the same statements.
  const statements = new Map<string, Database.Statement>();
  const sql = (text: string): Database.Statement => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };
  // A plan never changes once posted, and it is the largest column to parse: keep recent ones parsed.
  const plans = new Map<string, unknown>();
  const PLAN_CACHE_SIZE = 1000;
  const withCachedPlan = (row: Row): Row => {
    const id = row.id as string;
    const known = plans.get(id);
    if (known !== undefined) {
      row.plan = known;
      return row;
    }
    if (typeof row.plan === 'string') {
      row.plan = JSON.parse(row.plan);
      if (plans.size >= PLAN_CACHE_SIZE) plans.delete(plans.keys().next().value as string);
      plans.set(id, row.plan);
    }
    return row;
  };

  const deliveryDelayMs = config.deliveryDelayMs ?? DEFAULT_DELIVERY_DELAY_MS;
  const deliveryWrites = sqliteDeliveryWrites(sql);
  const scopeWhere = 'id = ? AND platform = ? AND workspace = ? AND channel = ?';
  const scopeArgs = (scope: Scope, id: string) => [id, scope.platform, scope.workspace, scope.channel];

  /** Every column but the plan, which is read only when it is not cached (it is the largest). */
  const ROLLOUT_COLUMNS = 'id, platform, workspace, channel, owner, locale, answers, messages, status, version, created_at, ref, place';
  function readRollout(scope: Scope, id: string): Rollout | undefined {
    if (!isPlausibleRolloutId(id)) return undefined;
    const row = sql(`SELECT ${ROLLOUT_COLUMNS} FROM rollouts WHERE ${scopeWhere}`).get(...scopeArgs(scope, id)) as Row | undefined;
    if (!row) return undefined;
    if (!plans.has(id)) row.plan = (sql('SELECT plan FROM rollouts WHERE id = ?').get(id) as { plan: string }).plan;
    return rolloutFromRow(parsed<RolloutRow>(withCachedPlan(row)));
  }

  /**
   * The logs of recently changed rollouts, by version: a click reads the rollout row
   * (for its version) and reuses the log it knows when the version matches, instead of
   * reading and parsing every event again. Any writer, in this process or another,
   * moves the version on, so a stale log is never used.
   */
  const logs = new Map<string, { version: number; events: RolloutEvent[] }>();
  const LOG_CACHE_SIZE = 2000;
  const rememberLog = (id: string, version: number, events: RolloutEvent[]) => {
    logs.delete(id);
    if (logs.size >= LOG_CACHE_SIZE) logs.delete(logs.keys().next().value as string);
    logs.set(id, { version, events });
  };
  function readLog(rollout: Rollout): RolloutEvent[] {
    const known = logs.get(rollout.id);
    if (known && known.version === rollout.version) return known.events;
    const events = readEvents(rollout.id);
    rememberLog(rollout.id, rollout.version, events);
    return events;
  }

  function readEvents(id: string): RolloutEvent[] {
    const rows = sql('SELECT * FROM rollout_events WHERE rollout_id = ? ORDER BY seq').all(id) as Row[];
    return rows.map((r) => eventFromRow(parsed<EventRow>(r)));
  }

  function insertEvents(events: RolloutEvent[]): void {
    const insert = sql(
      `INSERT INTO rollout_events (rollout_id, seq, type, step_id, actor, at, note, operators, action_key, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of events) insert.run(...eventValues(e));
  }

  /** Records the key; false when it was already there (the unique index decides). */
  function claimActionKey(rolloutId: string, key: string, seq: number): boolean {
    const info = sql('INSERT INTO rollout_actions (rollout_id, action_key, seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(rolloutId, key, seq);
    return info.changes === 1;
  }

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

  const createTx = db.transaction((input: NewRollout): RolloutSnapshot => {
    const { platform, workspace, channel } = input.scope;
    const existing = sql('SELECT id FROM rollouts WHERE platform = ? AND workspace = ? AND channel = ? AND create_key = ?')
      .get(platform, workspace, channel, input.actionKey) as { id: string } | undefined;
    if (existing) {
      return { rollout: readRollout(input.scope, existing.id)!, events: readEvents(existing.id) };
    }
    const id = newRolloutId();
    const now = new Date().toISOString();
    const events = initialEvents(id, input, now);
    // The channel's next short reference (#42); this transaction holds the write lock.
    const { last_ref: ref } = sql(
      `INSERT INTO channel_refs (platform, workspace, channel, last_ref) VALUES (?, ?, ?, 1)
       ON CONFLICT (platform, workspace, channel) DO UPDATE SET last_ref = last_ref + 1 RETURNING last_ref`,
    ).get(platform, workspace, channel) as { last_ref: number };
    const rollout = newRolloutModel(id, input, now, events.length, ref);
    sql(
      `INSERT INTO rollouts (id, ref, platform, workspace, channel, place, owner, locale, answers, plan, messages,
         status, version, created_at, updated_at, create_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 'active', ?, ?, ?, ?)`,
    ).run(id, ref, platform, workspace, channel, rollout.place, jsonText(input.owner), input.locale, jsonText(input.answers),
      jsonText(input.plan), rollout.version, now, now, input.actionKey);
    insertEvents(events);
    claimActionKey(id, input.actionKey, 1);
    deliveryWrites.created(rollout, input.address, new Date(now), nextCheckOf(rollout, events, Date.parse(now)));
    return { rollout, events };
  });

  const campaigns = createSqliteCampaigns({ db, sql, createRollout: (input) => createTx(input), readRollout, readEvents });

  const applyTx = db.transaction((scope: Scope, id: string, action: StoreAction, now: Date) => {
    const rollout = readRollout(scope, id);
    if (!rollout) return { outcome: 'not-found' as const };
    const events = readLog(rollout);
    // A rollout of a campaign is decided with the campaign as this transaction sees it.
    const campaign = campaigns.viewOf(id);
    const seen = sql('SELECT 1 FROM rollout_actions WHERE rollout_id = ? AND action_key = ?').get(id, action.actionKey);
    if (seen) return { outcome: 'duplicate' as const, rollout, events, ...(campaign ? { campaign } : {}) };
    const applied = applyToLog(rollout, events, action, now, campaign);
    if (applied.outcome !== 'recorded') return campaign ? { ...applied, campaign } : applied;
    writeApplied(id, action.actionKey, applied, now);
    const after = campaign ? campaigns.recorded(campaign, applied.rollout, applied.events, now.getTime() + deliveryDelayMs) : undefined;
    const { remindAt: _remindAt, completed: _completed, ...result } = applied;
    return after ? { ...result, campaign: after } : result;
  });

  /** Appends what an action recorded, moves the rollout on and records its delivery work (in the caller's transaction). */
  function writeApplied(id: string, actionKey: string, applied: Extract<AppliedAction, { outcome: 'recorded' }>, now: Date): void {
    insertEvents(applied.recorded);
    claimActionKey(id, actionKey, applied.recorded[0].seq);
    sql('UPDATE rollouts SET version = ?, status = ?, updated_at = ? WHERE id = ?').run(
      applied.rollout.version, applied.rollout.status, now.toISOString(), id);
    // The channel must see it: recorded in this same transaction (the outbox).
    deliveryWrites.moved(id, applied.rollout.version, now.getTime() + deliveryDelayMs, applied.remindAt ?? null, applied.completed === true);
    recordedWork = true;
    rememberLog(id, applied.rollout.version, applied.events);
  }

  const reminders = createSqliteReminders({ db, sql, readRollout, readLog, readEvents, writeApplied, rescheduled: deliveryWrites.rescheduled });

  /** Set when a batch recorded delivery work: its workers hear of it after the commit. */
  let recordedWork = false;
  const grouped = createGroupCommit(
    db,
    () => {
      if (!recordedWork) return;
      recordedWork = false;
      announce(Date.now() + deliveryDelayMs);
    },
    walSync.durable,
    () => logs.clear(),
  );
  const saveDialogTx = db.transaction((key: string, state: unknown, ttlSeconds: number, now: number) => {
    // Sweep expired interviews as we go: cheap with the index, no timer needed.
    sql('DELETE FROM dialogs WHERE expires_at <= ?').run(now);
    sql(
      'INSERT INTO dialogs (key, state, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at',
    ).run(key, jsonText(state), now + Math.max(0, ttlSeconds) * 1000);
  });
  const deleteDialogTx = db.transaction((key: string) => void sql('DELETE FROM dialogs WHERE key = ?').run(key));

  const delivery = createSqliteDelivery({ db, sql, readRollout, readLog, readCampaign: campaigns.viewOf });
  // This process's workers hear of new delivery work at once (after the commit).
  const watchers = new Set<(dueAt: number) => void>();
  function announce(dueAt: number): void {
    for (const watcher of watchers) watcher(dueAt);
  }

  return {
    ...delivery,
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
      return rows.map((r) => rolloutFromRow(parsed<RolloutRow>(withCachedPlan(r))));
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

    async loadDialog(key) {
      const row = sql('SELECT state FROM dialogs WHERE key = ? AND expires_at > ?').get(key, Date.now()) as
        | { state: string }
        | undefined;
      return row ? JSON.parse(row.state) : undefined;
    },
    async saveDialog(key, state, ttlSeconds) {
      await grouped.run(saveDialogTx, key, state, ttlSeconds, Date.now());
    },
    async deleteDialog(key) {
      await grouped.run(deleteDialogTx, key);
    },

    async getSetting(key) {
      const row = sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      return row ? JSON.parse(row.value) : undefined;
    },
    async putSetting(key, value) {
      sql(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      ).run(key, jsonText(value), new Date().toISOString());
      // Installations (tokens) live here: on disk before the install is answered.
      await walSync.durable();
    },
    async deleteSetting(key) {
      sql('DELETE FROM settings WHERE key = ?').run(key);
    },
  };
}
