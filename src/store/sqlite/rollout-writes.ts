/**
 * Writing rollouts on SQLite: creating one and applying an action, each a transaction
 * function the caller runs as BEGIN IMMEDIATE (alone, or in a group commit). Each
 * appends to the log and records the delivery work in the same transaction (the outbox).
 */
import type Database from 'better-sqlite3';
import type { StoreAction } from '../../campaign/model';
import type { NewRollout, RolloutEvent, RolloutSnapshot, Scope } from '../../rollout/model';
import {
  applyToLog,
  eventValues,
  initialEvents,
  jsonText,
  newRolloutId,
  newRolloutModel,
  nextCheckOf,
  type AppliedAction,
} from '../rollout-log';
import { createSqliteCampaigns } from './campaigns';
import { sqliteDeliveryWrites } from './delivery';
import type { SqliteReads } from './rollout-reads';

export interface SqliteRolloutWriteDeps {
  db: Database.Database;
  reads: SqliteReads;
  /** How long after an action its redraw is due. */
  deliveryDelayMs: number;
  /** Told when a transaction recorded delivery work (its workers hear of it after the commit). */
  recordedWork(): void;
}

export function createSqliteRolloutWrites(deps: SqliteRolloutWriteDeps) {
  const { db, deliveryDelayMs } = deps;
  const { sql, readRollout, readEvents, readLog, rememberLog } = deps.reads;
  const deliveryWrites = sqliteDeliveryWrites(sql);

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
    const { remindAt: _remindAt, closingDue: _closingDue, ...result } = applied;
    return after ? { ...result, campaign: after } : result;
  });

  /** Appends what an action recorded, moves the rollout on and records its delivery work (in the caller's transaction). */
  function writeApplied(id: string, actionKey: string, applied: Extract<AppliedAction, { outcome: 'recorded' }>, now: Date): void {
    insertEvents(applied.recorded);
    claimActionKey(id, actionKey, applied.recorded[0].seq);
    sql('UPDATE rollouts SET version = ?, status = ?, updated_at = ? WHERE id = ?').run(
      applied.rollout.version, applied.rollout.status, now.toISOString(), id);
    // The channel must see it: recorded in this same transaction (the outbox).
    deliveryWrites.moved(id, applied.rollout.version, now.getTime() + deliveryDelayMs, applied.remindAt ?? null, applied.closingDue === true);
    deps.recordedWork();
    rememberLog(id, applied.rollout.version, applied.events);
  }

  return { createTx, applyTx, writeApplied, campaigns, rescheduled: deliveryWrites.rescheduled };
}
