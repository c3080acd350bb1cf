/**
 * The shared store: Postgres via a `pg` pool, for several replicas. Each action is one
 * transaction that locks the rollout row (SELECT ... FOR UPDATE), so clicks on the same
 * rollout from any replica queue up and each one sees the log the previous one left.
 * Unique constraints on (rollout_id, seq) and (rollout_id, action_key) are the last
 * line of defence. https://node-postgres.com/apis/pool
 */
import type { Logger } from '../../runtime/log';
import { silentLogger } from '../../runtime/log';
import type { RolloutSnapshot, Scope } from '../../rollout/model';
import { postgresMigrations } from './schema';
import { isPlausibleRolloutId, jsonText, listLimit, rolloutFromRow, scopeFilter, type RolloutRow } from '../rollout-log';
import type { Store } from '../store';
import type { CampaignSnapshot, CampaignView, NewCampaign } from '../../campaign/model';
import { samePlace } from '../campaign-log';
import { createPostgresCampaigns } from './campaigns';
import { DEFAULT_DELIVERY_DELAY_MS } from '../delivery-model';
import { createPostgresDelivery } from './delivery';
import { AlreadyCreated, createRolloutInPostgres, createdBefore, insertRollout } from './create';
import { createPostgresConnection } from './connection';
import { insertEvents, readEvents, readRollout } from './rollout-rows';
import { createPostgresActions } from './actions';
import { createPostgresDialogsAndSettings } from './dialogs-and-settings';

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

export function createPostgresStore(config: PostgresStoreConfig): Store {
  const schema = config.schema ?? 'public';
  // The name goes into SQL text (search_path, CREATE SCHEMA): only plain identifiers.
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid Postgres schema name: ${schema}`);
  const log = config.logger ?? silentLogger;
  const applicationName = config.applicationName ?? 'exchange-sp';
  const { pool, checkout, inTransaction, inSnapshot } = createPostgresConnection({
    connectionString: config.connectionString,
    schema,
    poolSize: config.poolSize,
    applicationName,
    logger: log,
  });
  let closed = false;
  const campaigns = createPostgresCampaigns();

  /** A rollout and its log from one snapshot. */
  async function snapshot(scope: Scope, id: string): Promise<RolloutSnapshot | undefined> {
    return inSnapshot(async (c) => {
      const rollout = await readRollout(c, scope, id);
      return rollout ? { rollout, events: await readEvents(c, id) } : undefined;
    });
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

  const deliveryDelayMs = config.deliveryDelayMs ?? DEFAULT_DELIVERY_DELAY_MS;
  const { applyNow, remindNow } = createPostgresActions({ schema, deliveryDelayMs, campaigns, inTransaction, snapshot });
  const delivery = createPostgresDelivery({
    pool,
    schema,
    connection: { connectionString: config.connectionString, application_name: `${applicationName} listen` },
    logger: log,
    inTransaction,
    inSnapshot,
    readRollout: (c, scope, id) => readRollout(c, scope, id),
    readEvents,
    readCampaign: (c, id) => campaigns.viewOf(c, id),
  });
  const { closeWatch, ...deliveryStore } = delivery;

  return {
    ...deliveryStore,
    ...createPostgresDialogsAndSettings(pool),
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
  };
}
