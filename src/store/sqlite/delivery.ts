/**
 * The delivery outbox on SQLite (see delivery-model.ts). SQLite has one writer at a
 * time, so a claim (BEGIN IMMEDIATE) needs no SKIP LOCKED: two processes on one file
 * (a web and a worker process, or a restarted one) take turns, and a lease left by a
 * dead process simply runs out.
 */
import type Database from 'better-sqlite3';
import type { CampaignView } from '../../campaign/model';
import type { Rollout, RolloutEvent, Scope } from '../../rollout/model';
import {
  closingCode,
  deliveryFromRow,
  afterRound,
  type ChannelClaim,
  type DeliveryProgress,
  type DeliveryRow,
  type DeliverySnapshot,
  type DeliveryStore,
} from '../delivery-model';
import { jsonText } from '../rollout-log';

type Row = Record<string, unknown>;

export interface SqliteDeliveryDeps {
  db: Database.Database;
  sql: (text: string) => Database.Statement;
  readRollout: (scope: Scope, id: string) => Rollout | undefined;
  /** The rollout's log (reused from the store's cache when its version says it is current). */
  readLog: (rollout: Rollout) => RolloutEvent[];
  /** The campaign a rollout belongs to, if any: read in the same snapshot as the rollout. */
  readCampaign?: (rolloutId: string) => CampaignView | undefined;
}

function parsedDelivery(row: Row): DeliveryRow {
  if (typeof row.address === 'string') row.address = JSON.parse(row.address);
  return row as unknown as DeliveryRow;
}

const CHANNEL = 'platform = ? AND workspace = ? AND channel = ?';
const channelArgs = (s: Scope) => [s.platform, s.workspace, s.channel];

/** Statements the action and create transactions run to record delivery work. */
export function sqliteDeliveryWrites(sql: SqliteDeliveryDeps['sql']) {
  return {
    /** A new rollout: its first post is due at once; `remindAt`: when to look for reminders (a window set in the interview). */
    created(rollout: Rollout, address: Record<string, unknown> | undefined, now: Date, remindAt: number | null): void {
      sql(
        `INSERT INTO deliveries (rollout_id, platform, workspace, channel, address, due_at, wanted_version,
           shown_version, lines_sent, post_state, attempts, updated_at, remind_at, notices_sent)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 'pending', 0, ?, ?, ?)`,
        // A new rollout owes its stakeholders nothing yet (no channel can be named before it exists).
      ).run(rollout.id, ...channelArgs(rollout.scope), address ? jsonText(address) : null, now.getTime(), rollout.version, now.toISOString(), remindAt, rollout.version);
      sql(`INSERT INTO delivery_channels (platform, workspace, channel) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`).run(
        ...channelArgs(rollout.scope),
      );
    },
    /**
     * The log moved to `version`: redraw and thread lines are due (after the coalescing
     * delay); reminders are looked for at `remindAt`; a closing summary that became due is recorded.
     */
    moved(rolloutId: string, version: number, dueAt: number, remindAt: number | null, closingDue: boolean): void {
      sql(
        `UPDATE deliveries SET wanted_version = MAX(wanted_version, ?), due_at = COALESCE(due_at, ?), remind_at = ?,
           closing = CASE WHEN ? THEN MAX(closing, ${closingCode('due')}) ELSE closing END WHERE rollout_id = ?`,
      ).run(version, dueAt, remindAt, closingDue ? 1 : 0, rolloutId);
    },
    /** Nothing was due: when to look again. */
    rescheduled(rolloutId: string, remindAt: number | null): void {
      sql('UPDATE deliveries SET remind_at = ? WHERE rollout_id = ?').run(remindAt, rolloutId);
    },
  };
}

export function createSqliteDelivery(deps: SqliteDeliveryDeps): Omit<DeliveryStore, 'watchDeliveries' | 'remindDue'> {
  const { db, sql } = deps;

  const holds = (claim: ChannelClaim): boolean =>
    Boolean(
      sql(`SELECT 1 FROM delivery_channels WHERE ${CHANNEL} AND lease_owner = ? AND lease_token = ?`).get(
        ...channelArgs(claim.scope),
        claim.worker,
        claim.token,
      ),
    );

  const claimTx = db.transaction((worker: string, now: number, leaseMs: number, limit: number, busy: readonly string[]): ChannelClaim[] => {
    const free = sql(
      `SELECT c.platform, c.workspace, c.channel FROM delivery_channels c
       WHERE (c.lease_until < ? OR (c.lease_owner = ? AND c.platform || char(10) || c.workspace || char(10) || c.channel
                                      NOT IN (SELECT value FROM json_each(?))))
         AND c.not_before <= ?
         AND EXISTS (SELECT 1 FROM deliveries d WHERE d.platform = c.platform AND d.workspace = c.workspace
                     AND d.channel = c.channel AND (d.due_at <= ? OR d.remind_at <= ?))
       ORDER BY c.not_before LIMIT ?`,
    ).all(now, worker, JSON.stringify(busy), now, now, now, limit) as Scope[];
    const claims: ChannelClaim[] = [];
    for (const scope of free) {
      sql(`UPDATE delivery_channels SET lease_owner = ?, lease_token = lease_token + 1, lease_until = ? WHERE ${CHANNEL}`).run(
        worker,
        now + leaseMs,
        ...channelArgs(scope),
      );
      const { lease_token } = sql(`SELECT lease_token FROM delivery_channels WHERE ${CHANNEL}`).get(...channelArgs(scope)) as {
        lease_token: number;
      };
      claims.push({ scope: { platform: scope.platform, workspace: scope.workspace, channel: scope.channel }, worker, token: lease_token, leaseUntil: now + leaseMs });
    }
    return claims;
  });

  const recordTx = db.transaction((claim: ChannelClaim, rolloutId: string, progress: DeliveryProgress, now: number): boolean => {
    if (!holds(claim)) return false;
    const before = sql(`SELECT * FROM deliveries WHERE rollout_id = ? AND ${CHANNEL}`).get(rolloutId, ...channelArgs(claim.scope)) as
      | Row
      | undefined;
    if (!before) return false;
    const next = afterRound(deliveryFromRow(parsedDelivery(before)), progress, now);
    sql(
      `UPDATE deliveries SET shown_version = ?, lines_sent = ?, notices_sent = ?, closing = ?, closing_sent = ?, redraws = ?,
         post_state = ?, attempts = ?, last_error = ?, due_at = ?, updated_at = ? WHERE rollout_id = ?`,
    ).run(next.shownVersion, next.linesSent, next.noticesSent, closingCode(next.closing), next.closingSent, next.redraws,
      next.postState, next.attempts, next.lastError, next.dueAt, new Date(now).toISOString(), rolloutId);
    if (progress.messages) sql('UPDATE rollouts SET messages = ? WHERE id = ?').run(jsonText(progress.messages), rolloutId);
    if (progress.remindAt !== undefined) sql('UPDATE deliveries SET remind_at = ? WHERE rollout_id = ?').run(progress.remindAt, rolloutId);
    return true;
  });

  return {
    async claimChannels(worker, now, leaseMs, limit, busy = []) {
      return claimTx.immediate(worker, now, leaseMs, limit, busy);
    },
    async renewChannel(claim, now, leaseMs) {
      const info = sql(`UPDATE delivery_channels SET lease_until = ? WHERE ${CHANNEL} AND lease_owner = ? AND lease_token = ?`).run(
        now + leaseMs,
        ...channelArgs(claim.scope),
        claim.worker,
        claim.token,
      );
      if (info.changes === 1) claim.leaseUntil = now + leaseMs;
      return info.changes === 1;
    },
    async releaseChannel(claim, notBefore) {
      sql(
        `UPDATE delivery_channels SET lease_owner = NULL, lease_until = 0, not_before = MAX(not_before, ?)
         WHERE ${CHANNEL} AND lease_owner = ? AND lease_token = ?`,
      ).run(notBefore, ...channelArgs(claim.scope), claim.worker, claim.token);
    },
    async dueDeliveries(claim, now, limit) {
      return db.transaction(() => {
        const rows = sql(
          `SELECT * FROM deliveries WHERE ${CHANNEL} AND (due_at <= ? OR remind_at <= ?)
           ORDER BY MIN(COALESCE(due_at, remind_at), COALESCE(remind_at, due_at)) LIMIT ?`,
        ).all(...channelArgs(claim.scope), now, now, limit) as Row[];
        const out: DeliverySnapshot[] = [];
        for (const row of rows) {
          const delivery = deliveryFromRow(parsedDelivery(row));
          const rollout = deps.readRollout(claim.scope, delivery.rolloutId);
          if (!rollout) continue;
          const campaign = deps.readCampaign?.(rollout.id);
          out.push({ rollout, events: deps.readLog(rollout), delivery, ...(campaign ? { campaign } : {}) });
        }
        return out;
      })();
    },
    async recordDelivery(claim, rolloutId, progress, now) {
      return recordTx.immediate(claim, rolloutId, progress, now);
    },
    async getDelivery(scope, rolloutId) {
      const row = sql(`SELECT * FROM deliveries WHERE rollout_id = ? AND ${CHANNEL}`).get(rolloutId, ...channelArgs(scope)) as Row | undefined;
      return row ? deliveryFromRow(parsedDelivery(row)) : undefined;
    },
    async deliveryBacklog() {
      const row = sql('SELECT COUNT(*) AS pending, MIN(due_at) AS oldest FROM deliveries WHERE due_at IS NOT NULL').get() as {
        pending: number;
        oldest: number | null;
      };
      const remind = sql('SELECT MIN(remind_at) AS next FROM deliveries WHERE remind_at IS NOT NULL').get() as { next: number | null };
      return {
        pending: row.pending,
        ...(row.oldest === null ? {} : { oldestDueAt: row.oldest }),
        ...(remind.next === null ? {} : { nextRemindAt: remind.next }),
      };
    },
  };
}
