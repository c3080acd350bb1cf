/**
 * Reminders on SQLite (issue 12): the reminders due now are recorded in one write
 * transaction that reads the log as it stands (src/rollout/reminders.ts decides), so each
 * is recorded once, whichever process asks; then when to look next. See
 * DeliveryStore.remindDue.
 */
import type Database from 'better-sqlite3';
import { BOT_ACTOR } from '../../rollout/live-model';
import type { Rollout, RolloutEvent, Scope } from '../../rollout/model';
import { deliveryFromRow, type DeliveryRow, type DeliverySnapshot } from '../delivery-model';
import { applyToLog, nextCheckOf, type AppliedAction } from '../rollout-log';

export interface SqliteReminderDeps {
  db: Database.Database;
  sql: (text: string) => Database.Statement;
  readRollout(scope: Scope, id: string): Rollout | undefined;
  /** The rollout's log (possibly from the cache of recent logs). */
  readLog(rollout: Rollout): RolloutEvent[];
  readEvents(id: string): RolloutEvent[];
  /** Writes what an action recorded, inside the caller's transaction, as applyAction does. */
  writeApplied(id: string, actionKey: string, applied: Extract<AppliedAction, { outcome: 'recorded' }>, now: Date): void;
  /** Nothing was due: when to look again. */
  rescheduled(id: string, remindAt: number | null): void;
}

export function createSqliteReminders(deps: SqliteReminderDeps) {
  const { db, sql } = deps;

  /** Records the reminders due at `now`; false when the rollout is not in this scope. */
  const remindTx = db.transaction((scope: Scope, id: string, now: Date): boolean => {
    const rollout = deps.readRollout(scope, id);
    if (!rollout) return false;
    const events = deps.readLog(rollout);
    const actionKey = `remind:${rollout.version}`;
    const applied = applyToLog(rollout, events, { verb: 'remind', actor: BOT_ACTOR, actionKey }, now);
    if (applied.outcome === 'recorded') deps.writeApplied(id, actionKey, applied, now);
    else deps.rescheduled(id, nextCheckOf(rollout, events, now.getTime()));
    return true;
  });

  /** A rollout with its log and outbox row, read together. */
  function snapshotOf(scope: Scope, id: string): DeliverySnapshot | undefined {
    return db.transaction(() => {
      const rollout = deps.readRollout(scope, id);
      const row = rollout ? (sql('SELECT * FROM deliveries WHERE rollout_id = ?').get(id) as Record<string, unknown> | undefined) : undefined;
      if (!rollout || !row) return undefined;
      if (typeof row.address === 'string') row.address = JSON.parse(row.address);
      return { rollout, events: deps.readEvents(id), delivery: deliveryFromRow(row as unknown as DeliveryRow) };
    })();
  }

  return { remindTx, snapshotOf };
}
