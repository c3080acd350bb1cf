/**
 * Actions and reminders on Postgres: each one transaction that locks the rollout row
 * (SELECT ... FOR UPDATE), then its campaign's row, so clicks on the same rollout from
 * any replica queue up and each sees the log the previous one left. The outbox row is
 * written in the same transaction.
 */
import type { PoolClient } from 'pg';
import type { RolloutSnapshot, Scope } from '../../rollout/model';
import { BOT_ACTOR } from '../../rollout/live-model';
import { applyToLog, nextCheckOf, type AppliedAction } from '../rollout-log';
import type { Store, StoreActionResult } from '../store';
import type { PostgresCampaigns } from './campaigns';
import { postgresDeliveryWrites } from './delivery';
import { insertEvents, readEvents, readRollout } from './rollout-rows';

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === UNIQUE_VIOLATION;
}

export interface PostgresActionDeps {
  schema: string;
  deliveryDelayMs: number;
  campaigns: PostgresCampaigns;
  inTransaction<T>(work: (c: PoolClient) => Promise<T>): Promise<T>;
  snapshot(scope: Scope, id: string): Promise<RolloutSnapshot | undefined>;
}

export function createPostgresActions(deps: PostgresActionDeps) {
  const { schema, deliveryDelayMs, campaigns, inTransaction } = deps;

  /** Appends what an action recorded, moves the rollout on and records its delivery work (in the caller's transaction). */
  async function writeApplied(c: PoolClient, id: string, actionKey: string, applied: Extract<AppliedAction, { outcome: 'recorded' }>, now: Date): Promise<void> {
    await insertEvents(c, applied.recorded);
    await c.query('INSERT INTO rollout_actions (rollout_id, action_key, seq) VALUES ($1, $2, $3)', [id, actionKey, applied.recorded[0].seq]);
    await c.query(
      'UPDATE rollouts SET version = $2, status = $3, updated_at = $4 WHERE id = $1',
      [id, applied.rollout.version, applied.rollout.status, now.toISOString()],
    );
    // The channel must see it: recorded in this same transaction (the outbox).
    await postgresDeliveryWrites.moved(c, id, applied.rollout.version, now.getTime() + deliveryDelayMs, schema, applied.remindAt ?? null, applied.closingDue === true);
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
        const { remindAt: _remindAt, closingDue: _closingDue, ...result } = applied;
        if (!campaign) return result;
        return { ...result, campaign: await campaigns.recorded(c, campaign, applied.rollout, applied.events, now.getTime() + deliveryDelayMs) };
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Only reachable if the row lock was bypassed; the same key already landed.
      const current = await deps.snapshot(scope, id);
      return current ? { outcome: 'duplicate', ...current } : { outcome: 'not-found' };
    }
  }

  return { applyNow, remindNow };
}
