/**
 * People on steps (issue 12), as rules decide.ts applies inside the one pure decision:
 * - Start: "I am on it now". Respects the ordering gates (starting "apply on node A"
 *   before the group has moved is as wrong as confirming it), refuses a settled step
 *   and a step someone is already on. Confirming a started step records how long it took.
 * - Assign (and Take it: assign to me): to someone who may act on the plan, on a step
 *   not settled yet; any time, gates or not (planning ahead is the point).
 * - Restriction (Mattermost Playbooks' "restrict completion to assignee"): while the
 *   owner has it on, an assigned step is started, confirmed, skipped, taken or handed
 *   to someone else only by its assignee or the owner; the refusal says who may.
 * Undo takes a Start or an assignment back like any other change (status.ts keeps
 * them on the step's stack).
 */
import { msg, type Msg } from '../../conversations/strings';
import type { Decision, NewRolloutEvent, Rollout, UserRef } from './model';
import { inProgress, isSettled, type RolloutState, type StepState } from './status';

type Base = Pick<NewRolloutEvent, 'actor' | 'at' | 'actionKey'>;
const refuse = (reason: Msg): Decision => ({ ok: false, reason });

/** What a person asks to do with a step, as the restriction refusal names it. */
export type RestrictedAction = 'confirm' | 'skip' | 'start' | 'take' | 'assign';

/**
 * The refusal when the restriction is on and `actor` is neither the step's assignee nor
 * the owner; undefined when they may go ahead.
 */
export function restrictionRefusal(
  rollout: Rollout,
  state: RolloutState,
  step: StepState,
  actor: UserRef,
  action: RestrictedAction,
  number: number,
): Msg | undefined {
  if (!state.restricted || !step.assignee) return undefined;
  if (actor.id === step.assignee.id || actor.id === rollout.owner.id) return undefined;
  return msg(`live.refused.restricted.${action}`, { step: number, assignee: step.assignee.name, owner: rollout.owner.name });
}

/** A step that is done or skipped takes no Start or assignment. */
function settledRefusal(step: StepState, number: number): Msg | undefined {
  if (step.status === 'done') return msg('rollout.refused.already-done', { step: number });
  if (step.status === 'skipped') return msg('rollout.refused.already-skipped', { step: number });
  return undefined;
}

/** Start: the caller has checked that the actor may act and the gates are open. */
export function decideStart(rollout: Rollout, state: RolloutState, step: StepState, actor: UserRef, number: number, base: Base): Decision {
  const settled = settledRefusal(step, number);
  if (settled) return refuse(settled);
  if (inProgress(step)) {
    const key = step.started.by.id === actor.id ? 'live.refused.started-by-you' : 'live.refused.started-by-other';
    return refuse(msg(key, { step: number, user: step.started.by.name }));
  }
  const restricted = restrictionRefusal(rollout, state, step, actor, 'start', number);
  if (restricted) return refuse(restricted);
  return { ok: true, events: [{ ...base, type: 'started', stepId: step.stepId }] };
}

/** True when `user` may act on the plan: its owner, an operator, or anyone when none are named. */
export function mayActOn(rollout: Rollout, state: RolloutState, user: UserRef): boolean {
  return user.id === rollout.owner.id || state.operators.length === 0 || state.operators.some((o) => o.id === user.id);
}

/** Assign to `assignee` (null: nobody). Take it is an assignment to the actor. */
export function decideAssign(
  rollout: Rollout,
  state: RolloutState,
  step: StepState,
  assignee: UserRef | null,
  actor: UserRef,
  number: number,
  base: Base,
): Decision {
  const settled = settledRefusal(step, number);
  if (settled) return refuse(settled);
  if (!assignee && !step.assignee) return refuse(msg('live.refused.not-assigned', { step: number }));
  if (assignee && step.assignee?.id === assignee.id) {
    return refuse(msg('live.refused.already-assigned', { step: number, user: step.assignee.name }));
  }
  if (assignee && !mayActOn(rollout, state, assignee)) {
    return refuse(msg('live.refused.assignee-not-operator', { user: assignee.name, owner: rollout.owner.name }));
  }
  const taking = assignee?.id === actor.id;
  const restricted = restrictionRefusal(rollout, state, step, actor, taking ? 'take' : 'assign', number);
  if (restricted) return refuse(restricted);
  const event: NewRolloutEvent = { ...base, type: 'assigned', stepId: step.stepId };
  if (assignee) event.assignee = { id: assignee.id, name: assignee.name };
  return { ok: true, events: [event] };
}

/** Restriction on or off: the owner's call. */
export function decideRestriction(rollout: Rollout, state: RolloutState, on: boolean, actor: UserRef, base: Base): Decision {
  if (actor.id !== rollout.owner.id) return refuse(msg('live.refused.owner-only', { owner: rollout.owner.name }));
  if (state.restricted === on) return refuse(msg(on ? 'live.refused.restricted-already' : 'live.refused.unrestricted-already'));
  return { ok: true, events: [{ ...base, type: 'restriction-set', restricted: on }] };
}

/** True when the step is open to settle: neither done nor skipped. */
export function isOpen(step: StepState): boolean {
  return !isSettled(step.status);
}
