/**
 * Step status, derived from a rollout's event log (the log is the truth; nothing
 * else is stored about a step). Pure: the same plan and events always give the
 * same state, so every replica and every redraw agrees.
 */
import type { Plan } from './model';
import type { RolloutEvent, UserRef } from './rollout-model';

export type StepStatus = 'open' | 'done' | 'skipped' | 'problem';

export interface StepState {
  stepId: string;
  status: StepStatus;
  /** Who made the change that the status shows (the top of the step's stack). */
  by?: UserRef;
  at?: string;
  /** Skip reason or problem note (or an optional confirmation note). */
  note?: string;
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
}

const STATUS_OF: Partial<Record<RolloutEvent['type'], StepStatus>> = {
  confirmed: 'done',
  skipped: 'skipped',
  problem: 'problem',
};

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

  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  for (const event of ordered) {
    if (event.type === 'operators-set') {
      operators = event.operators ? [...event.operators] : [];
      continue;
    }
    if (event.type === 'completed') {
      completedAt = event.at;
      continue;
    }
    const stack = event.stepId === undefined ? undefined : stacks.get(event.stepId);
    if (!stack) continue;
    if (event.type === 'undone') stack.pop();
    else if (STATUS_OF[event.type]) stack.push(event);
  }

  const steps = new Map<string, StepState>();
  let done = 0;
  let skipped = 0;
  for (const step of plan.steps) {
    const top = stacks.get(step.id)?.at(-1);
    const status: StepStatus = top ? STATUS_OF[top.type] ?? 'open' : 'open';
    if (status === 'done') done++;
    if (status === 'skipped') skipped++;
    const state: StepState = { stepId: step.id, status };
    if (top) {
      state.by = top.actor;
      state.at = top.at;
      if (top.note !== undefined) state.note = top.note;
    }
    steps.set(step.id, state);
  }

  const result: RolloutState = {
    steps,
    operators,
    completed: completedAt !== undefined,
    done,
    skipped,
    total: plan.steps.length,
  };
  if (completedAt !== undefined) result.completedAt = completedAt;
  return result;
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
