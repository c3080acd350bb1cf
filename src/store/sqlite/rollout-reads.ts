/**
 * Reading rollouts and their logs on SQLite, and what keeps a click cheap: compiled
 * statements, parsed plans (a plan never changes once posted) and the logs of recently
 * changed rollouts, by version.
 */
import type Database from 'better-sqlite3';
import type { Rollout, RolloutEvent, Scope } from '../../rollout/model';
import { eventFromRow, isPlausibleRolloutId, rolloutFromRow, type EventRow, type RolloutRow } from '../rollout-log';

export type Row = Record<string, unknown>;
const JSON_COLUMNS = ['owner', 'answers', 'plan', 'messages', 'operators', 'actor', 'detail'] as const;

/** SQLite keeps JSON as text: parse the JSON columns of a row in place. */
function parsed<T>(row: Row): T {
  for (const col of JSON_COLUMNS) if (typeof row[col] === 'string') row[col] = JSON.parse(row[col] as string);
  return row as T;
}

/** A rollout of exactly this scope: `WHERE ${scopeWhere}` with scopeArgs(scope, id). */
export const scopeWhere = 'id = ? AND platform = ? AND workspace = ? AND channel = ?';
export const scopeArgs = (scope: Scope, id: string) => [id, scope.platform, scope.workspace, scope.channel];

export function createSqliteReads(db: Database.Database) {
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
  /** A rollout from its row (all columns, or all but a plan that is cached). */
  const rolloutOf = (row: Row): Rollout => rolloutFromRow(parsed<RolloutRow>(withCachedPlan(row)));

  /** Every column but the plan, which is read only when it is not cached (it is the largest). */
  const ROLLOUT_COLUMNS = 'id, platform, workspace, channel, owner, locale, answers, messages, status, version, created_at, ref, place';
  function readRollout(scope: Scope, id: string): Rollout | undefined {
    if (!isPlausibleRolloutId(id)) return undefined;
    const row = sql(`SELECT ${ROLLOUT_COLUMNS} FROM rollouts WHERE ${scopeWhere}`).get(...scopeArgs(scope, id)) as Row | undefined;
    if (!row) return undefined;
    if (!plans.has(id)) row.plan = (sql('SELECT plan FROM rollouts WHERE id = ?').get(id) as { plan: string }).plan;
    return rolloutOf(row);
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

  return { sql, rolloutOf, readRollout, readEvents, readLog, rememberLog, forgetLogs: () => logs.clear() };
}

export type SqliteReads = ReturnType<typeof createSqliteReads>;
