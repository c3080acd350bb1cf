/**
 * The live record's part of the audit export (issue 12): who had a step, when it was
 * started and done, and how long it took, as the log says at each event (CSV) and in
 * the end (JSON, per step). Times are ISO 8601 UTC like the rest of the export.
 */
import type { Rollout, RolloutEvent } from '../rollout/model';
import { deriveRolloutState } from '../rollout/status';

export interface LiveColumns {
  /** The step's assignee once this event is in (name). */
  assignee: string;
  /** A confirmation after a Start: when the Start was; a Start: its own time. */
  startedAt: string;
  /** A confirmation: when. */
  doneAt: string;
  /** A confirmation after a Start: seconds from Start to done. */
  durationSeconds: number | '';
  /** What a setting or reminder event set, in short. */
  detail: string;
}

function detailOf(event: RolloutEvent): string {
  switch (event.type) {
    case 'window-set':
      return event.window ? `window ${event.window.start}/${event.window.end} ${event.window.timeZone}` : 'window removed';
    case 'limit-set':
      return event.minutes !== undefined ? `limit ${event.minutes} min` : 'limit default';
    case 'notify-set':
      return event.stakeholders ? `notify #${event.stakeholders.name} (${event.stakeholders.id})` : 'notify off';
    case 'restriction-set':
      return event.restricted ? 'restricted to assignee' : 'not restricted';
    case 'reminded':
      return event.reminder ? `reminder ${event.reminder.key} to ${event.reminder.mention.map((u) => u.name).join('; ')}` : '';
    case 'created':
      return event.timeZone ? `time zone ${event.timeZone}` : '';
    default:
      return '';
  }
}

/** The live columns of one event's row. */
export function liveColumns(rollout: Rollout, events: RolloutEvent[], event: RolloutEvent): LiveColumns {
  const columns: LiveColumns = { assignee: '', startedAt: '', doneAt: '', durationSeconds: '', detail: detailOf(event) };
  if (!event.stepId) return columns;
  const step = deriveRolloutState(rollout.plan, events.filter((e) => e.seq <= event.seq)).steps.get(event.stepId);
  if (!step) return columns;
  columns.assignee = step.assignee?.name ?? '';
  if (event.type === 'started') columns.startedAt = event.at;
  if (event.type === 'confirmed') {
    columns.doneAt = event.at;
    if (step.durationMs !== undefined && step.started) {
      columns.startedAt = step.started.at;
      columns.durationSeconds = Math.round(step.durationMs / 1000);
    }
  }
  return columns;
}

export interface StepRecord {
  status: string;
  assignee?: { id: string; name: string };
  startedAt?: string;
  doneAt?: string;
  durationSeconds?: number;
  by?: { id: string; name: string };
}

/** Each plan step as the log leaves it, in plan order. */
export function stepRecords(rollout: Rollout, events: RolloutEvent[]): StepRecord[] {
  const state = deriveRolloutState(rollout.plan, events);
  return rollout.plan.steps.map((s) => {
    const step = state.steps.get(s.id);
    const record: StepRecord = { status: step?.status ?? 'open' };
    if (!step) return record;
    if (step.assignee) record.assignee = step.assignee;
    if (step.by) record.by = step.by;
    if (step.started) record.startedAt = step.started.at;
    if (step.status === 'done' && step.at) record.doneAt = step.at;
    if (step.durationMs !== undefined) record.durationSeconds = Math.round(step.durationMs / 1000);
    return record;
  });
}
