/**
 * The delivery outbox on Postgres (see delivery-model.ts), shared by replicas. A
 * worker claims channels with FOR UPDATE SKIP LOCKED, so two workers never take the
 * same channel, and a lease that runs out (its worker died) passes to the next one.
 * Recording progress locks the rollout row first, in the same order as an action
 * does, so the two never deadlock; the fencing token makes a worker whose lease was
 * taken over stop writing. Actions NOTIFY the workers of every replica.
 * https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE
 * https://www.postgresql.org/docs/current/sql-notify.html
 */
import { Client, type Pool, type PoolClient } from 'pg';
import type { Logger } from '../../runtime/log';
import type { CampaignView } from '../../campaign/model';
import type { Rollout, RolloutEvent, Scope } from '../../rollout/model';
import {
  closingCode,
  deliveryFromRow,
  afterRound,
  type DeliveryRow,
  type DeliverySnapshot,
  type DeliveryStore,
} from '../delivery-model';
import { jsonText } from '../rollout-log';

/** One LISTEN channel for every schema; the payload names the schema. */
export const DELIVERY_NOTIFY_CHANNEL = 'exchange_sp_delivery';

const CHANNEL = (first: number) => `platform = $${first} AND workspace = $${first + 1} AND channel = $${first + 2}`;
const channelArgs = (s: Scope) => [s.platform, s.workspace, s.channel];

/** Statements the action and create transactions run to record delivery work. */
export const postgresDeliveryWrites = {
  async created(
    c: PoolClient,
    rollout: Rollout,
    address: Record<string, unknown> | undefined,
    now: Date,
    schema: string,
    remindAt: number | null,
  ): Promise<void> {
    await c.query(
      `INSERT INTO deliveries (rollout_id, platform, workspace, channel, address, due_at, wanted_version,
         shown_version, lines_sent, post_state, attempts, updated_at, remind_at, notices_sent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, 'pending', 0, $8, $9, $7)`,
      // A new rollout owes its stakeholders nothing yet (no channel can be named before it exists).
      [rollout.id, ...channelArgs(rollout.scope), address ? jsonText(address) : null, now.getTime(), rollout.version, now.toISOString(), remindAt],
    );
    await c.query('INSERT INTO delivery_channels (platform, workspace, channel) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', channelArgs(rollout.scope));
    await c.query('SELECT pg_notify($1, $2)', [DELIVERY_NOTIFY_CHANNEL, `${schema} ${now.getTime()}`]);
  },
  async moved(
    c: PoolClient,
    rolloutId: string,
    version: number,
    dueAt: number,
    schema: string,
    remindAt: number | null,
    closingDue: boolean,
  ): Promise<void> {
    await c.query(
      `UPDATE deliveries SET wanted_version = GREATEST(wanted_version, $2), due_at = COALESCE(due_at, $3), remind_at = $4,
         closing = CASE WHEN $5 THEN GREATEST(closing, ${closingCode('due')}) ELSE closing END WHERE rollout_id = $1`,
      [rolloutId, version, dueAt, remindAt, closingDue],
    );
    // Delivered by Postgres only when the transaction commits.
    await c.query('SELECT pg_notify($1, $2)', [DELIVERY_NOTIFY_CHANNEL, `${schema} ${dueAt}`]);
  },
  /** Nothing was due: when to look again. */
  async rescheduled(c: PoolClient, rolloutId: string, remindAt: number | null): Promise<void> {
    await c.query('UPDATE deliveries SET remind_at = $2 WHERE rollout_id = $1', [rolloutId, remindAt]);
  },
};

export interface PostgresDeliveryDeps {
  pool: Pool;
  schema: string;
  /** Connection settings for the LISTEN connection (its own, outside the pool). */
  connection: { connectionString: string; application_name: string };
  logger: Logger;
  inTransaction: <T>(work: (c: PoolClient) => Promise<T>) => Promise<T>;
  /** Reads from one snapshot (REPEATABLE READ READ ONLY), without taking a lock. */
  inSnapshot: <T>(work: (c: PoolClient) => Promise<T>) => Promise<T>;
  readRollout: (c: PoolClient, scope: Scope, id: string) => Promise<Rollout | undefined>;
  readEvents: (c: PoolClient, id: string) => Promise<RolloutEvent[]>;
  /** The campaign a rollout belongs to, if any: read in the same snapshot as the rollout. */
  readCampaign?: (c: PoolClient, rolloutId: string) => Promise<CampaignView | undefined>;
}

export function createPostgresDelivery(deps: PostgresDeliveryDeps): Omit<DeliveryStore, 'remindDue'> & { closeWatch(): Promise<void> } {
  const { pool, inTransaction } = deps;
  const watchers = new Set<(dueAt: number) => void>();
  let listener: Client | undefined;
  let closing = false;
  let retry: NodeJS.Timeout | undefined;

  async function listen(): Promise<void> {
    if (closing || listener || watchers.size === 0) return;
    const client = new Client({ ...deps.connection, options: `-c search_path=${deps.schema}` });
    listener = client;
    client.on('notification', (n) => {
      const [schema, due] = (n.payload ?? '').split(' ');
      if (schema !== deps.schema) return;
      for (const watcher of watchers) watcher(Number(due) || Date.now());
    });
    client.on('error', (error) => {
      deps.logger.warn('postgres: delivery notifications lost; reconnecting', { error: error.message });
      listener = undefined;
      void client.end().catch(() => undefined);
      if (!closing) retry = setTimeout(() => void listen().catch(() => undefined), 1000);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DELIVERY_NOTIFY_CHANNEL}`);
    } catch (error) {
      listener = undefined;
      await client.end().catch(() => undefined);
      if (!closing) retry = setTimeout(() => void listen().catch(() => undefined), 1000);
      throw error;
    }
  }

  return {
    watchDeliveries(onDue) {
      watchers.add(onDue);
      // Workers poll too, so a listener that cannot connect yet only costs latency.
      void listen().catch((error: unknown) => deps.logger.debug('postgres: LISTEN failed', { error: String(error) }));
      return () => void watchers.delete(onDue);
    },
    async closeWatch() {
      closing = true;
      clearTimeout(retry);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
    },

    async claimChannels(worker, now, leaseMs, limit, busy = []) {
      const { rows } = await pool.query<{ platform: string; workspace: string; channel: string; lease_token: string }>(
        `UPDATE delivery_channels c SET lease_owner = $1, lease_token = c.lease_token + 1, lease_until = $2
         FROM (
           SELECT c2.platform, c2.workspace, c2.channel FROM delivery_channels c2
           WHERE (c2.lease_until < $3 OR (c2.lease_owner = $1
                  AND NOT (c2.platform || chr(10) || c2.workspace || chr(10) || c2.channel) = ANY($5::text[])))
             AND c2.not_before <= $3
             AND EXISTS (SELECT 1 FROM deliveries d WHERE d.platform = c2.platform AND d.workspace = c2.workspace
                         AND d.channel = c2.channel AND (d.due_at <= $3 OR d.remind_at <= $3))
           ORDER BY c2.not_before LIMIT $4 FOR UPDATE SKIP LOCKED
         ) pick
         WHERE c.platform = pick.platform AND c.workspace = pick.workspace AND c.channel = pick.channel
         RETURNING c.platform, c.workspace, c.channel, c.lease_token`,
        [worker, now + leaseMs, now, limit, [...busy]],
      );
      return rows.map((r) => ({
        scope: { platform: r.platform as Scope['platform'], workspace: r.workspace, channel: r.channel },
        worker,
        token: Number(r.lease_token),
        leaseUntil: now + leaseMs,
      }));
    },
    async renewChannel(claim, now, leaseMs) {
      const { rowCount } = await pool.query(
        `UPDATE delivery_channels SET lease_until = $4 WHERE ${CHANNEL(1)} AND lease_owner = $5 AND lease_token = $6`,
        [...channelArgs(claim.scope), now + leaseMs, claim.worker, claim.token],
      );
      if (rowCount === 1) claim.leaseUntil = now + leaseMs;
      return rowCount === 1;
    },
    async releaseChannel(claim, notBefore) {
      await pool.query(
        `UPDATE delivery_channels SET lease_owner = NULL, lease_until = 0, not_before = GREATEST(not_before, $4)
         WHERE ${CHANNEL(1)} AND lease_owner = $5 AND lease_token = $6`,
        [...channelArgs(claim.scope), notBefore, claim.worker, claim.token],
      );
    },
    async dueDeliveries(claim, now, limit) {
      return deps.inSnapshot(async (client) => {
        const { rows } = await client.query<DeliveryRow>(
          `SELECT * FROM deliveries WHERE ${CHANNEL(1)} AND (due_at <= $4 OR remind_at <= $4)
           ORDER BY LEAST(due_at, remind_at) LIMIT $5`,
          [...channelArgs(claim.scope), now, limit],
        );
        const out: DeliverySnapshot[] = [];
        for (const row of rows) {
          const delivery = deliveryFromRow(row);
          const rollout = await deps.readRollout(client, claim.scope, delivery.rolloutId);
          if (!rollout) continue;
          const campaign = await deps.readCampaign?.(client, rollout.id);
          out.push({ rollout, events: await deps.readEvents(client, rollout.id), delivery, ...(campaign ? { campaign } : {}) });
        }
        return out;
      });
    },
    async recordDelivery(claim, rolloutId, progress, now) {
      return inTransaction(async (c) => {
        // The rollout row first, as an action locks it: the two never wait on each other in a cycle.
        const locked = await c.query(`SELECT 1 FROM rollouts WHERE id = $1 AND ${CHANNEL(2)} FOR UPDATE`, [rolloutId, ...channelArgs(claim.scope)]);
        if (locked.rows.length === 0) return false;
        const held = await c.query(`SELECT 1 FROM delivery_channels WHERE ${CHANNEL(1)} AND lease_owner = $4 AND lease_token = $5 FOR SHARE`, [
          ...channelArgs(claim.scope),
          claim.worker,
          claim.token,
        ]);
        if (held.rows.length === 0) return false;
        const { rows } = await c.query<DeliveryRow>('SELECT * FROM deliveries WHERE rollout_id = $1 FOR UPDATE', [rolloutId]);
        if (!rows[0]) return false;
        const next = afterRound(deliveryFromRow(rows[0]), progress, now);
        await c.query(
          `UPDATE deliveries SET shown_version = $2, lines_sent = $3, notices_sent = $4, closing = $5, closing_sent = $6,
             post_state = $7, attempts = $8, last_error = $9, due_at = $10, updated_at = $11,
             remind_at = CASE WHEN $12 THEN $13::bigint ELSE remind_at END, redraws = $14 WHERE rollout_id = $1`,
          [rolloutId, next.shownVersion, next.linesSent, next.noticesSent, closingCode(next.closing), next.closingSent, next.postState,
            next.attempts, next.lastError, next.dueAt, new Date(now).toISOString(), progress.remindAt !== undefined, progress.remindAt ?? null, next.redraws],
        );
        if (progress.messages) await c.query('UPDATE rollouts SET messages = $2 WHERE id = $1', [rolloutId, jsonText(progress.messages)]);
        return true;
      });
    },
    async getDelivery(scope, rolloutId) {
      const { rows } = await pool.query<DeliveryRow>(`SELECT * FROM deliveries WHERE rollout_id = $1 AND ${CHANNEL(2)}`, [
        rolloutId,
        ...channelArgs(scope),
      ]);
      return rows[0] ? deliveryFromRow(rows[0]) : undefined;
    },
    async deliveryBacklog() {
      const { rows } = await pool.query<{ pending: string; oldest: string | null; remind: string | null }>(
        `SELECT COUNT(*) FILTER (WHERE due_at IS NOT NULL) AS pending, MIN(due_at) AS oldest, MIN(remind_at) AS remind
         FROM deliveries WHERE due_at IS NOT NULL OR remind_at IS NOT NULL`,
      );
      const pending = Number(rows[0].pending);
      return {
        pending,
        ...(rows[0].oldest === null ? {} : { oldestDueAt: Number(rows[0].oldest) }),
        ...(rows[0].remind === null ? {} : { nextRemindAt: Number(rows[0].remind) }),
      };
    },
  };
}
