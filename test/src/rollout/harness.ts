/** Plays actions through the pure rules the way a store does: decide, then append. */
import { t } from '../../../conversations/strings';
import { decideAction } from '../../../src/rollout/decide';
import type { Plan } from '../../../conversations/plan/model';
import type { Decision, Rollout, RolloutAction, RolloutEvent, StepVerb, UserRef } from '../../../src/rollout/model';
import { deriveRolloutState, type RolloutState } from '../../../src/rollout/status';
import { alice, clusterPlan, rolloutWith } from './fixtures';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface Play {
  rollout: Rollout;
  events: RolloutEvent[];
  /** Decides and, when allowed, appends; returns the decision. */
  act(verb: StepVerb, stepId: string, actor?: UserRef, note?: string, extra?: { riskAccepted?: boolean }): Decision;
  setOperators(operators: UserRef[], actor?: UserRef): Decision;
  /** Any action (the live record's too); its actionKey is filled in. */
  do(action: DistributiveOmit<RolloutAction, 'actionKey'>): Decision;
  /** Moves the clock on (each action also moves it one minute). */
  advanceMinutes(minutes: number): void;
  /** The clock now (ms). */
  now(): number;
  state(): RolloutState;
  /** The refusal in English, or 'ok'. */
  say(decision: Decision): string;
}

export function play(plan: Plan = clusterPlan, owner: UserRef = alice): Play {
  const start = rolloutWith(plan, owner);
  let rollout = start.rollout;
  const events = start.events;
  let clock = Date.parse('2026-11-24T09:00:00.000Z');
  let keys = 0;
  const apply = (action: RolloutAction): Decision => {
    clock += 60_000;
    const decision = decideAction(rollout, events, action, new Date(clock));
    if (decision.ok) {
      for (const e of decision.events) events.push({ ...e, rolloutId: rollout.id, seq: events.length + 1 });
      const completed = decision.events.some((e) => e.type === 'completed');
      rollout = { ...rollout, version: events.length, status: completed ? 'completed' : rollout.status };
      p.rollout = rollout;
    }
    return decision;
  };
  const p: Play = {
    rollout,
    events,
    act: (verb, stepId, actor = owner, note, extra = {}) =>
      apply({ verb, stepId, actor, note, actionKey: `k${++keys}`, ...extra }),
    setOperators: (operators, actor = owner) =>
      apply({ verb: 'set-operators', operators, actor, actionKey: `k${++keys}` }),
    do: (action) => apply({ ...action, actionKey: `k${++keys}` } as RolloutAction),
    advanceMinutes: (minutes) => void (clock += minutes * 60_000),
    now: () => clock,
    state: () => deriveRolloutState(rollout.plan, events),
    say: (d) => (d.ok ? 'ok' : t('en', d.reason)),
  };
  return p;
}
