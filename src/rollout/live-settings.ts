/**
 * A rollout's own settings in the live record (issue 12), as rules decide.ts applies:
 * the maintenance window and the stakeholder channel are the owner's to set; a step's
 * time limit anyone who may act may set (they are the ones who know it takes longer);
 * and the reminders due now, which only the delivery worker asks to record.
 */
import { msg, type Msg } from '../../conversations/strings';
import { MAX_LIMIT_MINUTES, type MaintenanceWindow, type StakeholderChannel } from './live-model';
import type { Decision, NewRolloutEvent, Rollout, UserRef } from './model';
import { dueReminders } from './reminders';
import type { RolloutState } from './status';

type Base = Pick<NewRolloutEvent, 'actor' | 'at' | 'actionKey'>;
const refuse = (reason: Msg): Decision => ({ ok: false, reason });
const ownerOnly = (rollout: Rollout, actor: UserRef): Msg | undefined =>
  actor.id === rollout.owner.id ? undefined : msg('live.refused.owner-only', { owner: rollout.owner.name });

export function decideWindow(rollout: Rollout, state: RolloutState, window: MaintenanceWindow | null, actor: UserRef, base: Base): Decision {
  const notOwner = ownerOnly(rollout, actor);
  if (notOwner) return refuse(notOwner);
  if (!window && !state.window) return refuse(msg('live.refused.no-window'));
  if (window && Date.parse(window.end) <= Date.parse(window.start)) return refuse(msg('live.window.endBeforeStart'));
  const event: NewRolloutEvent = { ...base, type: 'window-set' };
  if (window) event.window = { start: window.start, end: window.end, timeZone: window.timeZone };
  return { ok: true, events: [event] };
}

export function decideNotify(rollout: Rollout, state: RolloutState, channel: StakeholderChannel | null, actor: UserRef, base: Base): Decision {
  const notOwner = ownerOnly(rollout, actor);
  if (notOwner) return refuse(notOwner);
  if (!channel && !state.stakeholders) return refuse(msg('live.refused.no-stakeholders'));
  if (channel && channel.id === rollout.scope.channel) return refuse(msg('live.refused.notify-here'));
  if (channel && state.stakeholders?.id === channel.id) return refuse(msg('live.refused.notify-already', { channel: channel.name }));
  const event: NewRolloutEvent = { ...base, type: 'notify-set' };
  if (channel) event.stakeholders = { id: channel.id, name: channel.name };
  return { ok: true, events: [event] };
}

/** The caller has checked that the actor may act and the step exists. */
export function decideLimit(stepId: string, minutes: number | null, number: number, base: Base): Decision {
  if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LIMIT_MINUTES)) {
    return refuse(msg('live.refused.limit-range', { max: MAX_LIMIT_MINUTES, step: number }));
  }
  const event: NewRolloutEvent = { ...base, type: 'limit-set', stepId };
  if (minutes !== null) event.minutes = minutes;
  return { ok: true, events: [event] };
}

/** The reminders due at `now` become 'reminded' events; nothing due is a refusal that records nothing. */
export function decideReminders(rollout: Rollout, state: RolloutState, base: Base): Decision {
  const due = dueReminders(rollout, state, Date.parse(base.at));
  if (due.length === 0) return refuse(msg('live.refused.nothing-due'));
  return {
    ok: true,
    events: due.map(({ dueAt: _dueAt, stepId, ...reminder }) => {
      const event: NewRolloutEvent = { ...base, type: 'reminded', reminder };
      if (stepId) event.stepId = stepId;
      return event;
    }),
  };
}
