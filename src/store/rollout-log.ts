/**
 * What both stores share and that has nothing to do with SQL: new ids, the events a
 * new rollout starts with, turning rows into models, and the apply step that runs
 * inside each store's transaction (the rules themselves live in src/rollout/decide.ts).
 */
import { randomBytes } from 'node:crypto';
import type { CompleteAnswers, Locale, Place } from '../../conversations/types';
import type { CampaignView, StoreAction } from '../campaign/model';
import { decideStoreAction } from '../campaign/gate';
import { LIVE_DETAIL_FIELDS, type LiveEventDetail } from '../rollout/live-model';
import { nextCheckAt } from '../rollout/reminders';
import { deriveRolloutState } from '../rollout/status';
import type { Plan } from '../../conversations/plan/model';
import type {
  ActionResult,
  MessageRef,
  NewRollout,
  Rollout,
  RolloutEvent,
  RolloutEventType,
  RolloutStatus,
  Scope,
  UserRef,
} from '../rollout/model';

/** Rollout ids travel in button values: 16 url-safe characters, 96 random bits. */
export function newRolloutId(): string {
  return randomBytes(12).toString('base64url');
}

/** Longest id we look up; anything longer cannot be ours (DESIGN: <= 24 chars). */
export const MAX_ROLLOUT_ID = 24;

export function isPlausibleRolloutId(id: string): boolean {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ROLLOUT_ID;
}

/**
 * The log a rollout starts with: 'created' (with the owner's time zone, when known),
 * then 'operators-set' when operators are named and 'window-set' when the interview
 * set a maintenance window.
 */
export function initialEvents(id: string, input: NewRollout, at: string): RolloutEvent[] {
  const base = { rolloutId: id, actor: input.owner, at, actionKey: input.actionKey };
  const events: RolloutEvent[] = [{ ...base, seq: 1, type: 'created', ...(input.timeZone ? { timeZone: input.timeZone } : {}) }];
  if (input.operators.length > 0) {
    events.push({ ...base, seq: events.length + 1, type: 'operators-set', operators: input.operators });
  }
  if (input.window) events.push({ ...base, seq: events.length + 1, type: 'window-set', window: input.window });
  return events;
}

/** When the delivery worker should next look at this rollout for reminders and the window's countdown (ms), or null. */
export function nextCheckOf(rollout: Rollout, events: RolloutEvent[], nowMs: number): number | null {
  return nextCheckAt(rollout, deriveRolloutState(rollout.plan, events), nowMs) ?? null;
}

/** Where a new rollout is posted: as the adapter said, else the console's "here" or a channel. */
export function placeOf(input: NewRollout): Place {
  return input.place ?? (input.scope.platform === 'console' ? 'here' : 'channel');
}

export function newRolloutModel(id: string, input: NewRollout, createdAt: string, version: number, ref: number): Rollout {
  return {
    id,
    ref,
    scope: { platform: input.scope.platform, workspace: input.scope.workspace, channel: input.scope.channel },
    place: placeOf(input),
    owner: input.owner,
    locale: input.locale,
    answers: input.answers,
    plan: input.plan,
    messages: [],
    createdAt,
    status: 'active',
    version,
  };
}

/** Result of an action once decided: 'recorded' also says what to write. */
export type AppliedAction = Exclude<ActionResult, { outcome: 'not-found' }> & {
  /** For a recorded action: when the worker should next look for reminders (the outbox's remind_at). */
  remindAt?: number | null;
  /** For a recorded action: its closing summary is due (it completed a rollout of no campaign). */
  closingDue?: boolean;
};

/**
 * Decides and numbers the new events; the caller, holding the rollout's lock (and the
 * campaign's, when it belongs to one), writes `recorded` and the new version/status.
 * seq continues from the log's last one, so the log stays gapless as long as every
 * write goes through here.
 */
export function applyToLog(rollout: Rollout, events: RolloutEvent[], action: StoreAction, now: Date, campaign?: CampaignView): AppliedAction {
  const decision = decideStoreAction(rollout, events, action, campaign, now);
  if (!decision.ok) return { outcome: 'refused', rollout, events, reason: decision.reason };
  const last = events.reduce((max, e) => Math.max(max, e.seq), 0);
  const recorded: RolloutEvent[] = decision.events.map((e, i) => ({ ...e, rolloutId: rollout.id, seq: last + i + 1 }));
  const completed = recorded.some((e) => e.type === 'completed');
  const status: RolloutStatus = completed ? 'completed' : rollout.status;
  const next: Rollout = { ...rollout, status, version: last + recorded.length };
  const all = [...events, ...recorded];
  const result: AppliedAction = { outcome: 'recorded', rollout: next, events: all, recorded };
  result.remindAt = nextCheckOf(next, all, now.getTime());
  // A campaign's rollouts never post a closing summary of their own (neither a server nor
  // the hub when its shared steps settle): the campaign's one summary is due on the hub once
  // the whole campaign is complete (campaignWritesAfter, src/store/campaign-log.ts).
  result.closingDue = completed && !campaign;
  return result;
}

/** The columns of a rollout row that say whose it is and where: a campaign's head has them too. */
export interface RolloutHeadRow {
  id: string;
  ref: number | string;
  place: string;
  platform: string;
  workspace: string;
  channel: string;
  owner: unknown;
  locale: string;
}

/** Column values of a rollout row, JSON already parsed (each store parses its own way). */
export interface RolloutRow extends RolloutHeadRow {
  answers: unknown;
  plan: unknown;
  messages: unknown;
  status: string;
  version: number | string;
  created_at: string | Date;
}

export interface EventRow {
  rollout_id: string;
  seq: number | string;
  type: string;
  step_id: string | null;
  actor: unknown;
  at: string | Date;
  note: string | null;
  operators: unknown;
  action_key: string | null;
  /** The live record's fields (LiveEventDetail), JSON; absent in rows from before migration 4. */
  detail?: unknown;
}

/** SQLite hands back text, Postgres a Date: both end up as ISO 8601 UTC. */
export function isoTime(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

// Rows were written by us through these same types, so a cast after parsing is enough.
export function headFromRow(row: RolloutHeadRow): Pick<Rollout, 'id' | 'ref' | 'scope' | 'place' | 'owner' | 'locale'> {
  return {
    id: row.id,
    ref: Number(row.ref),
    scope: { platform: row.platform as Scope['platform'], workspace: row.workspace, channel: row.channel },
    place: row.place as Place,
    owner: row.owner as UserRef,
    locale: row.locale as Locale,
  };
}

export function rolloutFromRow(row: RolloutRow): Rollout {
  return {
    ...headFromRow(row),
    answers: row.answers as CompleteAnswers,
    plan: row.plan as Plan,
    messages: (row.messages ?? []) as MessageRef[],
    createdAt: isoTime(row.created_at),
    status: row.status as RolloutStatus,
    version: Number(row.version),
  };
}

export function eventFromRow(row: EventRow): RolloutEvent {
  const event: RolloutEvent = {
    rolloutId: row.rollout_id,
    seq: Number(row.seq),
    type: row.type as RolloutEventType,
    actor: row.actor as UserRef,
    at: isoTime(row.at),
  };
  if (row.step_id !== null) event.stepId = row.step_id;
  if (row.note !== null) event.note = row.note;
  if (row.operators !== null && row.operators !== undefined) event.operators = row.operators as UserRef[];
  if (row.action_key !== null) event.actionKey = row.action_key;
  if (row.detail && typeof row.detail === 'object') Object.assign(event, pickDetail(row.detail as LiveEventDetail));
  return event;
}

/** The live record's fields of an event, and nothing else. */
function pickDetail(source: LiveEventDetail): LiveEventDetail {
  const detail: Record<string, unknown> = {};
  for (const field of LIVE_DETAIL_FIELDS) if (source[field] !== undefined) detail[field] = source[field];
  return detail as LiveEventDetail;
}

/** The `detail` column's JSON text, or null when the event carries none. */
export function detailText(e: RolloutEvent): string | null {
  const detail = pickDetail(e);
  return Object.keys(detail).length ? JSON.stringify(detail) : null;
}

/** Positional values for an INSERT of (rollout_id, seq, type, step_id, actor, at, note, operators, action_key, detail). */
export function eventValues(e: RolloutEvent): (string | number | null)[] {
  return [
    e.rolloutId,
    e.seq,
    e.type,
    e.stepId ?? null,
    JSON.stringify(e.actor),
    e.at,
    e.note ?? null,
    e.operators ? JSON.stringify(e.operators) : null,
    e.actionKey ?? null,
    detailText(e),
  ];
}

/** JSON text for a value column; undefined is kept as null so it reads back as such. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

/** Clamps a list limit (default 50) so an export can't ask for an unbounded scan. */
export function listLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 50;
  return Math.max(1, Math.min(1000, Math.floor(limit)));
}

/** The part of a scope a listing filters on; a channel only when given. */
export function scopeFilter(scope: Scope | Omit<Scope, 'channel'>): { platform: string; workspace: string; channel?: string } {
  const channel = (scope as Partial<Scope>).channel;
  return channel === undefined
    ? { platform: scope.platform, workspace: scope.workspace }
    : { platform: scope.platform, workspace: scope.workspace, channel };
}
