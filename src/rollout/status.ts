/**
 * Step status, derived from a rollout's event log (the log is the truth; nothing
 * else is stored about a step). Pure: the same plan and events always give the
 * same state, so every replica and every redraw agrees.
 */
import type { Plan } from '../../conversations/plan/model';
import type { RolloutEvent, UserRef } from './model';
import type { MaintenanceWindow, StakeholderChannel } from './live-model';

export type StepStatus = 'open' | 'done' | 'skipped' | 'problem';

export interface StepState {
  stepId: string;
  status: StepStatus;
  /** Who made the change that the status shows (the top of the step's stack). */
  by?: UserRef;
  at?: string;
  /** Skip reason or problem note (or an optional confirmation note). */
  note?: string;
  /** The seq of the event the status shows (a problem is followed up when a later change tops it). */
  seq?: number;
  /** Who made the latest change still standing (the top of the step's stack): theirs, or the owner's, to undo. */
  changedBy?: UserRef;
  /** The latest Start still standing: in progress while the step is not settled (inProgress()). */
  started?: { by: UserRef; at: string; seq: number };
  /** Who the step is assigned to (the latest assignment still standing); absent: nobody. */
  assignee?: UserRef;
  /** Done after a Start: how long it took, in ms. Absent for a step confirmed without Start. */
  durationMs?: number;
  /** The change on top of the stack is this event (a problem still unanswered is its own top). */
  topSeq?: number;
}

export interface RolloutState {
  /** One entry per plan step, in plan order. */
  steps: Map<string, StepState>;
  /** Who may act (empty: anyone in the channel); from the latest 'operators-set'. */
  operators: UserRef[];
  completed: boolean;
  completedAt?: string;
  done: number;
  skipped: number;
  total: number;
  /** Only the assignee (or the owner) may settle an assigned step. */
  restricted: boolean;
  window?: MaintenanceWindow;
  stakeholders?: StakeholderChannel;
  /** Minutes a step may be in progress before a reminder, where the team set them. */
  limits: Map<string, number>;
  /** The owner's time zone as the rollout was created (IANA), if the platform told it. */
  timeZone?: string;
  /** The reminder keys already in the log: never due again. */
  reminded: Set<string>;
  /** When the first step was started, confirmed or skipped: the rollout got under way. */
  startedAt?: string;
}

const STATUS_OF: Partial<Record<RolloutEvent['type'], StepStatus>> = {
  confirmed: 'done',
  skipped: 'skipped',
  problem: 'problem',
};

/** Changes that go on a step's stack, so that undo takes the latest of them back. */
const STACKED = new Set<RolloutEvent['type']>(['confirmed', 'skipped', 'problem', 'started', 'assigned']);

/** True while someone has started the step and it is not done or skipped. */
export function inProgress(step: StepState): step is StepState & { started: NonNullable<StepState['started']> } {
  return step.started !== undefined && !isSettled(step.status);
}

/** True when a step no longer holds up the steps that wait for it. */
export function isSettled(status: StepStatus): boolean {
  return status === 'done' || status === 'skipped';
}

/**
 * Replays the log. Confirm/skip/problem push onto a per-step stack and 'undone' pops
 * the latest one, so undoing a confirmation brings back the problem note under it.
 * Events for steps the plan doesn't know are ignored (a log outlives code changes).
 */
export function deriveRolloutState(plan: Plan, events: RolloutEvent[]): RolloutState {
  const stacks = new Map<string, RolloutEvent[]>();
  for (const step of plan.steps) stacks.set(step.id, []);
  let operators: UserRef[] = [];
  let completedAt: string | undefined;
  const live: Pick<RolloutState, 'restricted' | 'limits' | 'reminded'> & Partial<RolloutState> = {
    restricted: false,
    limits: new Map(),
    reminded: new Set(),
  };

  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  for (const event of ordered) {
    switch (event.type) {
      case 'operators-set':
        operators = event.operators ? [...event.operators] : [];
        continue;
      case 'completed':
        completedAt = event.at;
        continue;
      case 'created':
        if (event.timeZone) live.timeZone = event.timeZone;
        continue;
      case 'restriction-set':
        live.restricted = event.restricted === true;
        continue;
      case 'window-set':
        live.window = event.window;
        continue;
      case 'notify-set':
        live.stakeholders = event.stakeholders;
        continue;
      case 'limit-set':
        if (event.stepId && event.minutes !== undefined) live.limits.set(event.stepId, event.minutes);
        else if (event.stepId) live.limits.delete(event.stepId);
        continue;
      case 'reminded':
        if (event.reminder) live.reminded.add(event.reminder.key);
        continue;
      default:
        break;
    }
    const stack = event.stepId === undefined ? undefined : stacks.get(event.stepId);
    if (!stack) continue;
    if (event.type === 'undone') stack.pop();
    else if (STACKED.has(event.type)) {
      stack.push(event);
      if (event.type !== 'assigned') live.startedAt ??= event.type === 'problem' ? undefined : event.at;
    }
  }

  const steps = new Map<string, StepState>();
  let done = 0;
  let skipped = 0;
  for (const step of plan.steps) {
    const stack = stacks.get(step.id) ?? [];
    const state = stepStateOf(step.id, stack);
    if (state.status === 'done') done++;
    if (state.status === 'skipped') skipped++;
    steps.set(step.id, state);
  }

  const result: RolloutState = {
    steps,
    operators,
    completed: completedAt !== undefined,
    done,
    skipped,
    total: plan.steps.length,
    ...live,
  };
  if (completedAt !== undefined) result.completedAt = completedAt;
  for (const key of ['window', 'stakeholders', 'timeZone', 'startedAt'] as const) if (result[key] === undefined) delete result[key];
  return result;
}

/** One step from its stack of standing changes (oldest first). */
function stepStateOf(stepId: string, stack: RolloutEvent[]): StepState {
  const statusEvent = [...stack].reverse().find((e) => STATUS_OF[e.type] !== undefined);
  const status: StepStatus = statusEvent ? STATUS_OF[statusEvent.type] ?? 'open' : 'open';
  const state: StepState = { stepId, status };
  if (statusEvent) {
    state.by = statusEvent.actor;
    state.at = statusEvent.at;
    state.seq = statusEvent.seq;
    if (statusEvent.note !== undefined) state.note = statusEvent.note;
  }
  const top = stack.at(-1);
  if (top) {
    state.changedBy = top.actor;
    state.topSeq = top.seq;
  }
  const start = [...stack].reverse().find((e) => e.type === 'started');
  if (start) state.started = { by: start.actor, at: start.at, seq: start.seq };
  const assignment = [...stack].reverse().find((e) => e.type === 'assigned');
  if (assignment?.assignee) state.assignee = assignment.assignee;
  if (status === 'done' && start && statusEvent && start.seq < statusEvent.seq) {
    state.durationMs = Math.max(0, Date.parse(statusEvent.at) - Date.parse(start.at));
  }
  return state;
}

/** The ids of the steps this one waits for: its `requires` not yet done or skipped. */
export function unmetRequirements(plan: Plan, state: RolloutState, stepId: string): string[] {
  const step = plan.steps.find((s) => s.id === stepId);
  if (!step) return [];
  return step.requires.filter((id) => {
    const required = state.steps.get(id);
    // A requirement missing from the plan can never be met; report it rather than pass.
    return !required || !isSettled(required.status);
  });
}

/** 1-based number of a step in plan order, as people refer to it; 0 when unknown. */
export function stepNumber(plan: Plan, stepId: string): number {
  return plan.steps.findIndex((s) => s.id === stepId) + 1;
}

/** Steps that list `stepId` in their requires and are done or skipped (they pin it). */
export function settledDependents(plan: Plan, state: RolloutState, stepId: string): string[] {
  return plan.steps
    .filter((s) => s.requires.includes(stepId))
    .filter((s) => isSettled(state.steps.get(s.id)?.status ?? 'open'))
    .map((s) => s.id);
}

/** [1,2,3,4,6] -> "1–4, 6": a long gate reads at a glance. */
export function numberRanges(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j;
  }
  return parts.join(', ');
}
