/** Reading a rollout and its log on Postgres, and appending to the log, on the caller's client. */
import type { Pool, PoolClient } from 'pg';
import type { Rollout, RolloutEvent, Scope } from '../../rollout/model';
import { eventFromRow, eventValues, isPlausibleRolloutId, rolloutFromRow, type EventRow, type RolloutRow } from '../rollout-log';

/** A rollout of exactly this scope; `lock` holds its row (FOR UPDATE) to the end of the transaction. */
export async function readRollout(c: PoolClient | Pool, scope: Scope, id: string, lock = false): Promise<Rollout | undefined> {
  if (!isPlausibleRolloutId(id)) return undefined;
  const { rows } = await c.query<RolloutRow>(
    `SELECT * FROM rollouts WHERE id = $1 AND platform = $2 AND workspace = $3 AND channel = $4${lock ? ' FOR UPDATE' : ''}`,
    [id, scope.platform, scope.workspace, scope.channel],
  );
  return rows[0] ? rolloutFromRow(rows[0]) : undefined;
}

export async function readEvents(c: PoolClient, id: string): Promise<RolloutEvent[]> {
  const { rows } = await c.query<EventRow>('SELECT * FROM rollout_events WHERE rollout_id = $1 ORDER BY seq', [id]);
  return rows.map(eventFromRow);
}

export async function insertEvents(c: PoolClient, events: RolloutEvent[]): Promise<void> {
  for (const e of events) {
    await c.query(
      `INSERT INTO rollout_events (rollout_id, seq, type, step_id, actor, at, note, operators, action_key, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      eventValues(e),
    );
  }
}
