/**
 * Which reminders are due, from the log alone (issue 12): the delivery worker asks the
 * store to record them ('remind', decide.ts) in the transaction that holds the
 * rollout, and the 'reminded' event it writes is what makes each one go out once: a
 * key in the log is never due again, whichever replica or restart asks next. The
 * thread line that carries it is delivered from the outbox like every other line.
 *
 * - in-progress: a step started longer ago than its limit (step-limits.ts, or the
 *   team's `limit`), once per Start; mentions who started it.
 * - problem: a problem nobody followed up (no later change to its step) for
 *   PROBLEM_FOLLOW_UP_MINUTES; mentions the owner and the step's assignee.
 * - window-end: WINDOW_WARNING_MINUTES before the window ends (or after, if nobody
 *   was there to send it) while steps are open; mentions the owner and whoever is on a step.
 *
 * While a window is set, the card's "time left" is redrawn every WINDOW_TICK_MINUTES
 * from an hour before it opens until it ends: nextCheckAt() includes those ticks.
 */
import type { PlanStep } from '../../conversations/plan/model';
import type { ReminderDetail } from './live-model';
import type { Rollout, UserRef } from './model';
import { inProgress, isSettled, type RolloutState, type StepState } from './status';
import { defaultLimitMinutes, PROBLEM_FOLLOW_UP_MINUTES, WINDOW_WARNING_MINUTES } from './step-limits';
import { minutesBetween } from './zoned-time';

/** How often the card's window line is redrawn while it counts down. */
export const WINDOW_TICK_MINUTES = 5;
/** How long before the window opens the card starts counting down to it. */
export const WINDOW_COUNTDOWN_MINUTES = 60;

const MINUTE = 60_000;

export interface ScheduledReminder extends ReminderDetail {
  /** When it is due (ms). */
  dueAt: number;
  stepId?: string;
}

function unique(users: (UserRef | undefined)[]): UserRef[] {
  const seen = new Map<string, UserRef>();
  for (const user of users) if (user && !seen.has(user.id)) seen.set(user.id, { id: user.id, name: user.name });
  return [...seen.values()];
}

/** Minutes this step may be in progress before a reminder. */
export function limitOf(rollout: Rollout, state: RolloutState, step: PlanStep): number {
  return state.limits.get(step.id) ?? defaultLimitMinutes(step, rollout.answers.change);
}

/** Every reminder this rollout will have, sent or not, with when it is (or was) due. */
export function scheduledReminders(rollout: Rollout, state: RolloutState, nowMs: number): ScheduledReminder[] {
  if (rollout.status === 'completed' || state.completed) return [];
  const out: ScheduledReminder[] = [];
  const openSteps: StepState[] = [];
  for (const step of rollout.plan.steps) {
    const s = state.steps.get(step.id);
    if (!s || isSettled(s.status)) continue;
    openSteps.push(s);
    if (inProgress(s)) {
      const dueAt = Date.parse(s.started.at) + limitOf(rollout, state, step) * MINUTE;
      out.push({
        kind: 'in-progress',
        key: `in-progress:${step.id}:${s.started.seq}`,
        stepId: step.id,
        mention: [s.started.by],
        minutes: minutesBetween(s.started.at, Math.max(nowMs, dueAt)),
        dueAt,
      });
    }
    // Unanswered: the problem is still the latest change to its step.
    if (s.status === 'problem' && s.at && s.seq !== undefined && s.topSeq === s.seq) {
      const dueAt = Date.parse(s.at) + PROBLEM_FOLLOW_UP_MINUTES * MINUTE;
      out.push({
        kind: 'problem',
        key: `problem:${step.id}:${s.seq}`,
        stepId: step.id,
        mention: unique([rollout.owner, s.assignee]),
        minutes: minutesBetween(s.at, Math.max(nowMs, dueAt)),
        dueAt,
      });
    }
  }
  const window = state.window;
  if (window && openSteps.length > 0) {
    const end = Date.parse(window.end);
    const dueAt = end - WINDOW_WARNING_MINUTES * MINUTE;
    out.push({
      kind: 'window-end',
      key: `window-end:${window.end}`,
      mention: unique([rollout.owner, ...openSteps.filter(inProgress).map((s) => s.started?.by)]),
      minutes: Math.max(0, Math.ceil((end - Math.max(nowMs, dueAt)) / MINUTE)),
      open: openSteps.length,
      dueAt,
    });
  }
  return out;
}

/** The reminders due at `nowMs` and not yet in the log, oldest first. */
export function dueReminders(rollout: Rollout, state: RolloutState, nowMs: number): ScheduledReminder[] {
  return scheduledReminders(rollout, state, nowMs)
    .filter((r) => r.dueAt <= nowMs && !state.reminded.has(r.key))
    .sort((a, b) => a.dueAt - b.dueAt || a.key.localeCompare(b.key));
}

/**
 * When the worker should look at this rollout again (ms): the next reminder not yet
 * sent, or the window line's next redraw; undefined when nothing is scheduled.
 */
export function nextCheckAt(rollout: Rollout, state: RolloutState, nowMs: number): number | undefined {
  if (rollout.status === 'completed' || state.completed) return undefined;
  const times = scheduledReminders(rollout, state, nowMs)
    .filter((r) => !state.reminded.has(r.key))
    .map((r) => r.dueAt);
  const tick = nextWindowTick(state, nowMs);
  if (tick !== undefined) times.push(tick);
  return times.length ? Math.min(...times) : undefined;
}

/** The next redraw of the window's countdown after `nowMs`; undefined once the window is over. */
export function nextWindowTick(state: RolloutState, nowMs: number): number | undefined {
  const window = state.window;
  if (!window) return undefined;
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  if (nowMs >= end) return undefined;
  const countdown = start - WINDOW_COUNTDOWN_MINUTES * MINUTE;
  if (nowMs < countdown) return countdown;
  const step = WINDOW_TICK_MINUTES * MINUTE;
  return Math.min(end, (Math.floor(nowMs / step) + 1) * step);
}
