/**
 * How far a campaign's rollouts are, as the store keeps it beside their logs: derived
 * from a rollout's log by the same replay as its card (src/rollout/status.ts), and
 * written in the transaction that appends to that log, so the campaign gate and the
 * campaign card read a projection that is never behind the log.
 */
import type { Plan } from '../../conversations/plan/model';
import type { RolloutEvent } from '../rollout/model';
import { deriveRolloutState, isSettled, stepNumber } from '../rollout/status';
import type { CampaignMember, Release } from './model';

export type MemberProgress = Pick<CampaignMember, 'total' | 'settled' | 'problems' | 'completed' | 'released'>;

export function memberProgress(plan: Plan, events: RolloutEvent[]): MemberProgress {
  const state = deriveRolloutState(plan, events);
  const statuses = [...state.steps.values()];
  const progress: MemberProgress = {
    total: state.total,
    settled: state.done + state.skipped,
    problems: statuses.filter((s) => s.status === 'problem').length,
    completed: state.completed,
  };
  const release = events.find((e) => e.type === 'released');
  if (release) progress.released = { by: release.actor, at: release.at, note: release.note ?? '' } satisfies Release;
  return progress;
}

/** The numbers of the campaign's shared preparation steps that are not done or skipped yet. */
export function sharedWaiting(plan: Plan, events: RolloutEvent[]): number[] {
  const state = deriveRolloutState(plan, events);
  return plan.steps
    .filter((s) => s.phase === 'before' && !isSettled(state.steps.get(s.id)?.status ?? 'open'))
    .map((s) => stepNumber(plan, s.id));
}
