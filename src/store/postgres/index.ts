/**
 * The shared store: Postgres via a `pg` pool, for several replicas. Each action is one
 * transaction that locks the rollout row (SELECT ... FOR UPDATE), so clicks on the same
 * rollout from any replica queue up and each one sees the log the previous one left.
 * Unique constraints on (rollout_id, seq) and (rollout_id, action_key) are the last
 * line of defence. https://node-postgres.com/apis/pool
 */
import { Pool, type PoolClient } from 'pg';
import type { Logger } from '../../runtime/log';
import { silentLogger } from '../../runtime/log';
import type { Rollout, RolloutEvent, RolloutSnapshot, Scope } from '../../rollout/model';
import { postgresMigrations } from './schema';
import {
  applyToLog,
  eventFromRow,
  eventValues,
  isPlausibleRolloutId,
  jsonText,
  listLimit,
  nextCheckOf,
  rolloutFromRow,
  scopeFilter,
  type EventRow,
  type RolloutRow,
  type AppliedAction,
} from '../rollout-log';
import { BOT_ACTOR } from '../../rollout/live-model';
import type { Store, StoreActionResult } from '../store';
import type { CampaignSnapshot, CampaignView, NewCampaign } from '../../campaign/model';
import { samePlace } from '../campaign-log';
import { createPostgresCampaigns } from './campaigns';
import { DEFAULT_DELIVERY_DELAY_MS } from '../delivery-model';
import { createPostgresDelivery, postgresDeliveryWrites } from './delivery';
import { AlreadyCreated, createRolloutInPostgres, createdBefore, insertRollout } from './create';

export interface PostgresStoreConfig {
  connectionString: string;
  /** Schema holding the tables (default 'public'); tests use a fresh one each run. */
  schema?: string;
  poolSize?: number;
  /** How long ping waits for an answer, in ms (default 2000): /healthz must answer fast. */
  pingTimeoutMs?: number;
  logger?: Logger;
  /** Shown in pg_stat_activity (default 'exchange-sp'), so operators can tell our connections apart. */
  applicationName?: string;
  /** How long after an action its redraw is due, so a burst shares one (default 150 ms). */
  deliveryDelayMs?: number;
}

// Lower case only: search_path folds unquoted names, CREATE SCHEMA below quotes them.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === UNIQUE_VIOLATION;
}

export function createPostgresStore(config: PostgresStoreConfig): Store {
  const schema = config.schema ?? 'public';
  // The name goes into SQL text (search_path, CREATE SCHEMA): only plain identifiers.
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid Postgres schema name: ${schema}`);
  const log = config.logger ?? silentLogger;
  const pool = new Pool({
    connectionString: config.connectionString,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    application_name: config.applicationName ?? 'exchange-sp',
    // Every connection resolves unqualified table names in our schema only.
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its connection (server restart, failover) must not crash the process.
  pool.on('error', (err) => log.warn('postgres pool error', { error: err.message }));
  let closed = false;
  const campaigns = createPostgresCampaigns();

  /**
   * A client out of the pool. While it is checked out, a dropped connection is emitted
   * on the client itself, and an 'error' event nobody listens to ends the process: the
   * query under way fails, and that failure is what the caller handles.
   */
  async function checkout(): Promise<PoolClient & { done(): void }> {
    const client = await pool.connect();
    const onError = (error: Error) => log.warn('postgres: connection lost during a transaction', { error: error.message });
    client.on('error', onError);
    return Object.assign(client, {
      done() {
        client.removeListener('error', onError);
        client.release();
      },
    });
  }

  async function inTransaction<T>(work: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await checkout();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.done();
    }
  }

  async function readRollout(c: PoolClient | Pool, scope: Scope, id: string, lock = false): Promise<Rollout | undefined> {
    if (!isPlausibleRolloutId(id)) return undefined;
    const { rows } = await c.query<RolloutRow>(
      `SELECT * FROM rollouts WHERE id = $1 AND platform = $2 AND workspace = $3 AND channel = $4${lock ? ' FOR UPDATE' : ''}`,
      [id, scope.platform, scope.workspace, scope.channel],
    );
    return rows[0] ? rolloutFromRow(rows[0]) : undefined;
  }

  async function readEvents(c: PoolClient, id: string): Promise<RolloutEvent[]> {
    const { rows } = await c.query<EventRow>('SELECT * FROM rollout_events WHERE rollout_id = $1 ORDER BY seq', [id]);
    return rows.map(eventFromRow);
  }

  async function insertEvents(c: PoolClient, events: RolloutEvent[]): Promise<void> {
    for (const e of events) {
      await c.query(
        `INSERT INTO rollout_events (rollout_id, seq, type, step_id, actor, at, note, operators, action_key, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        eventValues(e),
      );
    }
  }

  async function snapshot(scope: Scope, id: string): Promise<RolloutSnapshot | undefined> {
    // REPEATABLE READ: the row and its log from one snapshot, without taking a lock.
    const client = await checkout();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const rollout = await readRollout(client, scope, id);
      const events = rollout ? await readEvents(client, id) : [];
      await client.query('COMMIT');
      return rollout ? { rollout, events } : undefined;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.done();
    }
  }

  const createDeps = { pool, schema, inTransaction, insertEvents, snapshot };
  const createNow = createRolloutInPostgres(createDeps);

  async function createCampaignNow(input: NewCampaign): Promise<CampaignSnapshot> {
    try {
      await inTransaction((c) => campaigns.insert(c, input, (client, rollout) => insertRollout(client, rollout, createDeps)));
    } catch (error) {
      // The same "post campaign" click again: the campaign made the first time (no number used).
      if (!(error instanceof AlreadyCreated)) throw error;
    }
    const hub = await createdBefore(createDeps, input.scope, input.actionKey);
    const view = await campaignOfNow(input.scope, hub.rollout.id);
    if (!view) throw new Error('campaign vanished while creating it');
    return { view, hub: hub.rollout, hubEvents: hub.events };
  }

  async function campaignOfNow(scope: Scope, rolloutId: string): Promise<CampaignView | undefined> {
    const client = await checkout();
    try {
      const view = await campaigns.viewOf(client, rolloutId);
      return view && samePlace(view, scope) ? view : undefined;
    } finally {
      client.done();
    }
  }

  /** Appends what an action recorded, moves the rollout on and records its delivery work (in the caller's transaction). */
  async function writeApplied(c: PoolClient, id: string, actionKey: string, applied: Extract<AppliedAction, { outcome: 'recorded' }>, now: Date): Promise<void> {
    await insertEvents(c, applied.recorded);
    await c.query('INSERT INTO rollout_actions (rollout_id, action_key, seq) VALUES ($1, $2, $3)', [id, actionKey, applied.recorded[0].seq]);
    await c.query(
      'UPDATE rollouts SET version = $2, status = $3, updated_at = $4 WHERE id = $1',
      [id, applied.rollout.version, applied.rollout.status, now.toISOString()],
    );
    // The channel must see it: recorded in this same transaction (the outbox).
    await postgresDeliveryWrites.moved(c, id, applied.rollout.version, now.getTime() + deliveryDelayMs, schema, applied.remindAt ?? null, applied.completed === true);
  }

  /** The reminders due now, recorded once (the log says which were sent); then when to look again. */
  async function remindNow(scope: Scope, id: string, now: Date): Promise<boolean> {
    return inTransaction(async (c) => {
      const rollout = await readRollout(c, scope, id, true);
      if (!rollout) return false;
      const events = await readEvents(c, id);
      const actionKey = `remind:${rollout.version}`;
      const applied = applyToLog(rollout, events, { verb: 'remind', actor: BOT_ACTOR, actionKey }, now);
      if (applied.outcome === 'recorded') await writeApplied(c, id, actionKey, applied, now);
      else await postgresDeliveryWrites.rescheduled(c, id, nextCheckOf(rollout, events, now.getTime()));
      return true;
    });
  }

  async function applyNow(...[scope, id, action, now]: Parameters<Store['applyAction']>): Promise<StoreActionResult> {
    try {
      return await inTransaction(async (c): Promise<StoreActionResult> => {
        const rollout = await readRollout(c, scope, id, true);
        if (!rollout) return { outcome: 'not-found' };
        const events = await readEvents(c, id);
        // The campaign row next (always after the rollout row): its gate sees the latest state.
        const campaign = await campaigns.viewOf(c, id, true);
        const withCampaign = campaign ? { campaign } : {};
        const seen = await c.query('SELECT 1 FROM rollout_actions WHERE rollout_id = $1 AND action_key = $2', [id, action.actionKey]);
        if (seen.rows.length > 0) return { outcome: 'duplicate', rollout, events, ...withCampaign };
        const applied = applyToLog(rollout, events, action, now, campaign);
        if (applied.outcome !== 'recorded') return { ...applied, ...withCampaign };
        await writeApplied(c, id, action.actionKey, applied, now);
        const { remindAt: _remindAt, completed: _completed, ...result } = applied;
        if (!campaign) return result;
        return { ...result, campaign: await campaigns.recorded(c, campaign, applied.rollout, applied.events, now.getTime() + deliveryDelayMs) };
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Only reachable if the row lock was bypassed; the same key already landed.
      const current = await snapshot(scope, id);
      return current ? { outcome: 'duplicate', ...current } : { outcome: 'not-found' };
    }
  }

  const deliveryDelayMs = config.deliveryDelayMs ?? DEFAULT_DELIVERY_DELAY_MS;
  const delivery = createPostgresDelivery({
    pool,
    schema,
    connection: { connectionString: config.connectionString, application_name: `${config.applicationName ?? 'exchange-sp'} listen` },
    logger: log,
    inTransaction,
    checkout,
    readRollout: (c, scope, id) => readRollout(c, scope, id),
    readEvents,
    readCampaign: (c, id) => campaigns.viewOf(c, id),
  });
  const { closeWatch, ...deliveryStore } = delivery;

  return {
    ...deliveryStore,
    kind: 'postgres',
    async migrate() {
      await inTransaction(async (c) => {
        // Held to the end of this transaction: a second replica waits, then finds all applied.
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`exchange-sp:migrate:${schema}`]);
        const exists = await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
        if (exists.rows.length === 0) await c.query(`CREATE SCHEMA "${schema}"`);
        await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
        const { rows } = await c.query<{ version: number }>('SELECT version FROM schema_migrations');
        const done = new Set(rows.map((r) => r.version));
        for (const m of postgresMigrations) {
          if (done.has(m.version)) continue;
          await c.query(m.sql);
          await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        }
      });
    },
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('postgres ping timed out')), config.pingTimeoutMs ?? 2000);
      });
      try {
        await Promise.race([pool.query('SELECT 1'), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await closeWatch();
      await pool.end();
    },

    createRollout: createNow,
    createCampaign: createCampaignNow,
    campaignOf: campaignOfNow,
    getRollout: snapshot,
    async getRolloutByRef(scope, ref) {
      if (!Number.isSafeInteger(ref) || ref < 1 || ref > 2_147_483_647) return undefined;
      const { rows } = await pool.query<{ id: string }>(
        'SELECT id FROM rollouts WHERE platform = $1 AND workspace = $2 AND channel = $3 AND ref = $4',
        [scope.platform, scope.workspace, scope.channel, ref],
      );
      return rows[0] ? snapshot(scope, rows[0].id) : undefined;
    },
    async listRollouts(scope, filter = {}) {
      const where: string[] = [];
      const args: unknown[] = [];
      for (const [col, value] of Object.entries(scopeFilter(scope))) {
        args.push(value);
        where.push(`${col} = $${args.length}`);
      }
      if (filter.status) {
        args.push(filter.status);
        where.push(`status = $${args.length}`);
      }
      args.push(listLimit(filter.limit));
      const { rows } = await pool.query<RolloutRow>(
        `SELECT * FROM rollouts WHERE ${where.join(' AND ')} ORDER BY created_at DESC, n DESC LIMIT $${args.length}`,
        args,
      );
      return rows.map(rolloutFromRow);
    },
    async setMessages(scope, id, messages) {
      if (!isPlausibleRolloutId(id)) return;
      await pool.query(
        `UPDATE rollouts SET messages = $5, updated_at = now()
         WHERE id = $1 AND platform = $2 AND workspace = $3 AND channel = $4`,
        [id, scope.platform, scope.workspace, scope.channel, jsonText(messages)],
      );
    },
    applyAction: applyNow,
    async remindDue(claim, rolloutId, now) {
      if (!(await remindNow(claim.scope, rolloutId, new Date(now)))) return undefined;
      const [delivery, current] = await Promise.all([deliveryStore.getDelivery(claim.scope, rolloutId), snapshot(claim.scope, rolloutId)]);
      return delivery && current ? { ...current, delivery } : undefined;
    },

    async loadDialog(key) {
      const { rows } = await pool.query<{ state: unknown }>('SELECT state FROM dialogs WHERE key = $1 AND expires_at > $2', [key, Date.now()]);
      return rows[0]?.state;
    },
    async saveDialog(key, state, ttlSeconds) {
      const now = Date.now();
      // Sweep expired interviews as we go: cheap with the index, no timer needed.
      await pool.query('DELETE FROM dialogs WHERE expires_at <= $1', [now]);
      await pool.query(
        `INSERT INTO dialogs (key, state, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
        [key, jsonText(state), now + Math.max(0, ttlSeconds) * 1000],
      );
    },
    async deleteDialog(key) {
      await pool.query('DELETE FROM dialogs WHERE key = $1', [key]);
    },

    async getSetting(key) {
      const { rows } = await pool.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]);
      return rows[0]?.value;
    },
    async putSetting(key, value) {
      await pool.query(
        `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [key, jsonText(value)],
      );
    },
    async deleteSetting(key) {
      await pool.query('DELETE FROM settings WHERE key = $1', [key]);
    },
  };
}
