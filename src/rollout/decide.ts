/**
 * The rollout rules, as one pure function: given a rollout, its log and what someone
 * asks to do, answer the events to record or why not. The store calls it inside the
 * transaction that holds the rollout, so the log it sees is the latest one.
 *
 * Rules chosen (see test/src/rollout/decide.test.ts for them spelled out):
 * - a completed rollout refuses everything (it is the team's record);
 * - with no operators anyone in the channel may act; otherwise operators and the owner;
 *   only the owner sets operators;
 * - confirm and skip both respect ordering gates: a skip says "settled, move on", so
 *   letting it jump the queue would open the gate of every later step as well;
 * - reporting a problem ignores gates (a problem spotted early is worth recording) but
 *   needs a note; skip needs a reason;
 * - skipping a step that protects data (conversations/plan/protective.ts) is refused
 *   with what is at risk, unless the action says the risk was accepted (the person
 *   skipped it again, or typed "anyway": src/bot/step-commands.ts);
 * - undo pops the latest change of a step, by whoever made it or the owner, and is
 *   refused while a settled later step depends on it (undo that one first);
 * - the live record (issue 12): Start, Assign / Take it and the restriction to the
 *   assignee (assignments.ts), the window, time limits, the stakeholder channel and the
 *   reminders due now (live-settings.ts) are decided here too, in the same one call.
 */
import { MAX_NOTE_LENGTH, MAX_OPERATORS } from '../../conversations/limits';
import { msg, type Msg } from '../../conversations/strings';
import { skipRiskOf } from '../../conversations/plan/protective';
import type { Plan } from '../../conversations/plan/model';
import type {
  Decision,
  NewRolloutEvent,
  Rollout,
  RolloutAction,
  RolloutEvent,
  UserRef,
} from './model';
import { decideAssign, decideRestriction, decideStart, mayActOn, restrictionRefusal } from './assignments';
import { decideLimit, decideNotify, decideReminders, decideWindow } from './live-settings';
import {
  deriveRolloutState,
  isSettled,
  numberRanges,
  settledDependents,
  stepNumber,
  unmetRequirements,
  type RolloutState,
} from './status';

/** How long after a refused skip of a protective step skipping it again counts as "anyway". */
export const SKIP_ANYWAY_MINUTES = 10;

const refuse = (reason: Msg): Decision => ({ ok: false, reason });

/** "5" or "3, 4" - plain numbers read the same in English and Dutch. */
function numbers(plan: Plan, ids: string[]): string {
  return numberRanges(ids.map((id) => stepNumber(plan, id)));
}

/** Trimmed note, or a refusal when it is too long; undefined when empty. */
function cleanNote(note: string | undefined): { note?: string; tooLong?: true } {
  const trimmed = (note ?? '').trim();
  if (trimmed.length > MAX_NOTE_LENGTH) return { tooLong: true };
  return trimmed ? { note: trimmed } : {};
}

/** Same person listed twice (or with a changed name) counts once. */
function uniqueUsers(users: UserRef[]): UserRef[] {
  const seen = new Map<string, UserRef>();
  for (const user of users) if (!seen.has(user.id)) seen.set(user.id, { id: user.id, name: user.name });
  return [...seen.values()];
}

export function decideAction(
  rollout: Rollout,
  events: RolloutEvent[],
  action: RolloutAction,
  now: Date,
): Decision {
  const { plan } = rollout;
  const state = deriveRolloutState(plan, events);
  const owner = rollout.owner.name;
  if (rollout.status === 'completed' || state.completed) return refuse(msg('rollout.refused.finished'));

  const base = { actor: action.actor, at: now.toISOString(), actionKey: action.actionKey };

  if (action.verb === 'set-operators') {
    if (action.actor.id !== rollout.owner.id) return refuse(msg('rollout.refused.owner-only', { owner }));
    const operators = uniqueUsers(action.operators);
    if (operators.length > MAX_OPERATORS) {
      return refuse(msg('rollout.refused.too-many-operators', { max: MAX_OPERATORS }));
    }
    return { ok: true, events: [{ ...base, type: 'operators-set', operators }] };
  }
  // The rollout's own settings: the owner's (the worker's, for reminders).
  if (action.verb === 'restrict') return decideRestriction(rollout, state, action.on, action.actor, base);
  if (action.verb === 'set-window') return decideWindow(rollout, state, action.window, action.actor, base);
  if (action.verb === 'notify') return decideNotify(rollout, state, action.channel, action.actor, base);
  if (action.verb === 'remind') return decideReminders(rollout, state, base);

  if (!mayActOn(rollout, state, action.actor)) return refuse(msg('rollout.refused.not-operator', { owner }));
  const step = state.steps.get(action.stepId);
  if (!step) return refuse(msg('rollout.refused.unknown-step'));
  const number = stepNumber(plan, step.stepId);
  if (action.verb === 'assign') return decideAssign(rollout, state, step, action.assignee, action.actor, number, base);
  if (action.verb === 'set-limit') return decideLimit(step.stepId, action.minutes, number, base);
  if (action.verb === 'take') return decideAssign(rollout, state, step, action.actor, action.actor, number, base);
  const cleaned = cleanNote(action.note);
  if (cleaned.tooLong) return refuse(msg('rollout.refused.note-too-long', { max: MAX_NOTE_LENGTH }));
  const withNote = cleaned.note !== undefined ? { note: cleaned.note } : {};
  const stepBase = { ...base, stepId: step.stepId, ...withNote };

  if (action.verb === 'undo') {
    const last = step.changedBy;
    if (!last) return refuse(msg('rollout.refused.nothing-to-undo', { step: number }));
    if (last.id !== action.actor.id && action.actor.id !== rollout.owner.id) {
      return refuse(msg('rollout.refused.undo-not-yours', { actor: last.name, step: number, owner }));
    }
    const pinned = settledDependents(plan, state, step.stepId);
    if (pinned.length > 0) {
      const key = pinned.length === 1 ? 'rollout.refused.undo-dependents-one' : 'rollout.refused.undo-dependents-many';
      return refuse(msg(key, { step: number, steps: numbers(plan, pinned) }));
    }
    return { ok: true, events: [{ ...stepBase, type: 'undone' }] };
  }

  // confirm, skip and problem all need a step that is not settled yet.
  if (step.status === 'done') return refuse(msg('rollout.refused.already-done', { step: number }));
  if (step.status === 'skipped') return refuse(msg('rollout.refused.already-skipped', { step: number }));

  if (action.verb === 'problem') {
    if (!cleaned.note) return refuse(msg('rollout.refused.problem-note-missing', { step: number }));
    return { ok: true, events: [{ ...stepBase, type: 'problem' }] };
  }

  if (action.verb === 'skip' && !cleaned.note) {
    return refuse(msg('rollout.refused.reason-missing', { step: number }));
  }
  const waiting = unmetRequirements(plan, state, step.stepId);
  if (waiting.length > 0) {
    const key = waiting.length === 1 ? 'rollout.refused.waits-for-one' : 'rollout.refused.waits-for-many';
    return refuse(msg(key, { step: number, steps: numbers(plan, waiting) }));
  }
  if (action.verb === 'start') return decideStart(rollout, state, step, action.actor, number, base);
  const restricted = restrictionRefusal(rollout, state, step, action.actor, action.verb, number);
  if (restricted) return refuse(restricted);
  const risk = action.verb === 'skip' ? skipRiskOf(step.stepId) : undefined;
  if (risk && !action.riskAccepted) return refuse(msg(risk, { step: number, minutes: SKIP_ANYWAY_MINUTES }));

  const event: NewRolloutEvent = { ...stepBase, type: action.verb === 'skip' ? 'skipped' : 'confirmed' };
  return { ok: true, events: withCompletion(rollout, events, [event]) };
}

/** Adds 'completed' when, after these events, every step is done or skipped. */
function withCompletion(rollout: Rollout, events: RolloutEvent[], next: NewRolloutEvent[]): NewRolloutEvent[] {
  const last = events.reduce((max, e) => Math.max(max, e.seq), 0);
  const provisional: RolloutEvent[] = next.map((e, i) => ({ ...e, rolloutId: rollout.id, seq: last + i + 1 }));
  const after = deriveRolloutState(rollout.plan, [...events, ...provisional]);
  const allSettled = after.total > 0 && [...after.steps.values()].every((s) => isSettled(s.status));
  if (!allSettled) return next;
  const trigger = next[next.length - 1];
  return [...next, { actor: trigger.actor, at: trigger.at, actionKey: trigger.actionKey, type: 'completed' }];
}
