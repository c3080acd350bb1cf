/**
 * Creating a rollout in Postgres, in one transaction: the channel's next short
 * reference (#42), the rollout row, its first events, its action key and its delivery.
 * A retried "post plan" click (same action key) finds the rollout made the first time,
 * and uses no number.
 */
import type { Pool, PoolClient } from 'pg';
import type { NewRollout, RolloutEvent, RolloutSnapshot, Scope } from '../../rollout/model';
import { postgresDeliveryWrites } from './delivery';
import { initialEvents, jsonText, newRolloutId, newRolloutModel, nextCheckOf } from '../rollout-log';

export interface PostgresCreateDeps {
  pool: Pool;
  schema: string;
  inTransaction<T>(work: (c: PoolClient) => Promise<T>): Promise<T>;
  insertEvents(c: PoolClient, events: RolloutEvent[]): Promise<void>;
  snapshot(scope: Scope, id: string): Promise<RolloutSnapshot | undefined>;
}

/** Thrown inside a create transaction to roll it back when the rollout exists already. */
export class AlreadyCreated extends Error {}

/**
 * Inside a transaction: the channel's next short reference, the rollout, its first
 * events, its action key and its delivery. Throws AlreadyCreated when the key was used
 * before: the caller rolls back, so the number is not used up.
 */
export async function insertRollout(c: PoolClient, input: NewRollout, deps: Pick<PostgresCreateDeps, 'schema' | 'insertEvents'>): Promise<RolloutSnapshot> {
  const { platform, workspace, channel } = input.scope;
  const id = newRolloutId();
  const now = new Date().toISOString();
  const events = initialEvents(id, input, now);
  // The channel's next short reference (#42). The counter row stays locked to the
  // end of this transaction, so creations in one channel take their numbers in turn.
  const counted = await c.query<{ last_ref: number }>(
    `INSERT INTO channel_refs (platform, workspace, channel, last_ref) VALUES ($1, $2, $3, 1)
     ON CONFLICT (platform, workspace, channel) DO UPDATE SET last_ref = channel_refs.last_ref + 1 RETURNING last_ref`,
    [platform, workspace, channel],
  );
  const rollout = newRolloutModel(id, input, now, events.length, Number(counted.rows[0].last_ref));
  // ON CONFLICT waits for a concurrent insert of the same key, then does nothing.
  const { rows } = await c.query(
    `INSERT INTO rollouts (id, ref, platform, workspace, channel, place, owner, locale, answers, plan,
       status, version, created_at, updated_at, create_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', $11, $12, $12, $13)
     ON CONFLICT (platform, workspace, channel, create_key) DO NOTHING RETURNING id`,
    [id, rollout.ref, platform, workspace, channel, rollout.place, jsonText(input.owner), input.locale, jsonText(input.answers),
      jsonText(input.plan), events.length, now, input.actionKey],
  );
  // Already created by an earlier delivery of this click: roll back, number included.
  if (rows.length === 0) throw new AlreadyCreated();
  await deps.insertEvents(c, events);
  await c.query('INSERT INTO rollout_actions (rollout_id, action_key, seq) VALUES ($1, $2, 1)', [id, input.actionKey]);
  await postgresDeliveryWrites.created(c, rollout, input.address, new Date(now), deps.schema, nextCheckOf(rollout, events, Date.parse(now)));
  return { rollout, events };
}

/** The rollout created with this key in this scope (by an earlier or a concurrent request). */
export async function createdBefore(deps: Pick<PostgresCreateDeps, 'pool' | 'snapshot'>, scope: Scope, actionKey: string): Promise<RolloutSnapshot> {
  const { rows } = await deps.pool.query<{ id: string }>(
    'SELECT id FROM rollouts WHERE platform = $1 AND workspace = $2 AND channel = $3 AND create_key = $4',
    [scope.platform, scope.workspace, scope.channel, actionKey],
  );
  const existing = rows[0] && (await deps.snapshot(scope, rows[0].id));
  if (!existing) throw new Error('rollout vanished while creating it');
  return existing;
}

export function createRolloutInPostgres(deps: PostgresCreateDeps): (input: NewRollout) => Promise<RolloutSnapshot> {
  return async function createNow(input: NewRollout): Promise<RolloutSnapshot> {
    try {
      return await deps.inTransaction((c) => insertRollout(c, input, deps));
    } catch (error) {
      if (!(error instanceof AlreadyCreated)) throw error;
    }
    return createdBefore(deps, input.scope, input.actionKey);
  };
}
