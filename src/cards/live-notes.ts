/**
 * The thread lines of the live record's events (issue 12), in the plan's language:
 * Start, assignments, the restriction, the window, limits, the stakeholder channel and
 * the reminders (which mention people as "@Name": adapters turn those into their
 * platform's mentions, see ThreadMessage.mentions). A confirmation after a Start also
 * says how long it took.
 */
import { msg, t } from '../../conversations/strings';
import type { Rollout, RolloutEvent, UserRef } from '../rollout/model';
import { limitOf } from '../rollout/reminders';
import { deriveRolloutState, stepNumber, type StepState } from '../rollout/status';
import { defaultLimitMinutes } from '../rollout/step-limits';
import { durationText, rolloutZone, timeText, windowText } from './live-lines';

/** "@Bob, @Alice": the people a line mentions, as the adapters find them in it. */
export function mentionText(users: UserRef[]): string {
  return users.map((u) => `@${u.name}`).join(', ');
}

/** The line of a live-record event; undefined for events that are not the live record's. */
export function liveNoteFor(rollout: Rollout, event: RolloutEvent, events: RolloutEvent[] = []): string | undefined {
  const { locale, plan } = rollout;
  const user = event.actor.name;
  const step = event.stepId ? plan.steps.find((s) => s.id === event.stepId) : undefined;
  const stepParams = step ? { number: stepNumber(plan, step.id), title: t(locale, step.title) } : { number: 0, title: event.stepId ?? '' };
  const upTo = () => deriveRolloutState(plan, events.filter((e) => e.seq <= event.seq));
  switch (event.type) {
    case 'started':
      return t(locale, msg('live.thread.started', { user, ...stepParams }));
    case 'assigned':
      if (!event.assignee) return t(locale, msg('live.thread.unassigned', { user, ...stepParams }));
      if (event.assignee.id === event.actor.id) return t(locale, msg('live.thread.taken', { user, ...stepParams }));
      return t(locale, msg('live.thread.assigned', { user, assignee: event.assignee.name, ...stepParams }));
    case 'restriction-set':
      return t(locale, msg(event.restricted ? 'live.thread.restrictOn' : 'live.thread.restrictOff', { user, owner: rollout.owner.name }));
    case 'window-set':
      return event.window
        ? t(locale, msg('live.thread.window', { user, window: windowText(locale, event.window) }))
        : t(locale, msg('live.thread.windowOff', { user }));
    case 'limit-set': {
      if (event.minutes !== undefined) return t(locale, msg('live.thread.limit', { user, minutes: event.minutes, ...stepParams }));
      const minutes = step ? defaultLimitMinutes(step, rollout.answers.change) : 0;
      return t(locale, msg('live.thread.limitDefault', { user, minutes, ...stepParams }));
    }
    case 'notify-set': {
      if (event.stakeholders) return t(locale, msg('live.thread.notify', { user, channel: event.stakeholders.name }));
      // Off: name the channel it was (the latest set before this one).
      const before = [...events].reverse().find((e) => e.seq < event.seq && e.type === 'notify-set' && e.stakeholders);
      return t(locale, msg('live.thread.notifyOff', { user, channel: before?.stakeholders?.name ?? '' }));
    }
    case 'reminded':
      return reminderLine(rollout, event, upTo);
    default:
      return undefined;
  }
}

function reminderLine(rollout: Rollout, event: RolloutEvent, upTo: () => ReturnType<typeof deriveRolloutState>): string | undefined {
  const reminder = event.reminder;
  if (!reminder) return undefined;
  const { locale, plan } = rollout;
  const mention = mentionText(reminder.mention);
  const step = event.stepId ? plan.steps.find((s) => s.id === event.stepId) : undefined;
  const stepParams = step ? { number: stepNumber(plan, step.id), title: t(locale, step.title) } : { number: 0, title: '' };
  const duration = durationText(locale, reminder.minutes * 60_000);
  const state = upTo();
  switch (reminder.kind) {
    case 'in-progress':
      return t(locale, msg('live.remind.inProgress', { mention, duration, limit: step ? limitOf(rollout, state, step) : 0, ...stepParams }));
    case 'problem': {
      const note = (event.stepId && state.steps.get(event.stepId)?.note) ?? '';
      return t(locale, msg('live.remind.problem', { mention, duration, note, ...stepParams }));
    }
    case 'window-end': {
      const window = state.window;
      const zone = rolloutZone(state);
      const end = window ? timeText(locale, window.end, zone) : '';
      const open = reminder.open ?? 0;
      return reminder.minutes > 0
        ? t(locale, msg('live.remind.windowEnd', { mention, duration, end, open }))
        : t(locale, msg('live.remind.windowEnded', { mention, end, open }));
    }
  }
}

/** " Took 1 h 5 min." after a confirmation that followed a Start; '' otherwise. */
export function tookSuffix(rollout: Rollout, event: RolloutEvent, events: RolloutEvent[]): string {
  if (event.type !== 'confirmed' || !event.stepId || events.length === 0) return '';
  const step = deriveRolloutState(rollout.plan, events.filter((e) => e.seq <= event.seq)).steps.get(event.stepId);
  if (step?.durationMs === undefined) return '';
  return ` ${t(rollout.locale, msg('live.thread.took', { duration: durationText(rollout.locale, step.durationMs) }))}`;
}

/** What a step went back to after an undo, where the live record says more than its status. */
export function liveBackTo(step: StepState): ReturnType<typeof msg> | undefined {
  if (step.status !== 'open') return undefined;
  if (step.started) return msg('live.backTo.inProgress', { user: step.started.by.name });
  if (step.assignee) return msg('live.backTo.assigned', { user: step.assignee.name });
  return undefined;
}

