/**
 * The live change record's vocabulary (issue 12): what a rollout knows besides step
 * status. Who is on a step and since when, who it is assigned to, the maintenance
 * window, time limits, the stakeholder channel, and the reminders already sent. All of
 * it is recorded as events in the rollout's log (rollout-model.ts) and derived from it
 * (status.ts), like everything else about a rollout.
 */
import type { UserRef } from './model';

/** When the change may run, as its owner set it. */
export interface MaintenanceWindow {
  /** ISO 8601 UTC. */
  start: string;
  /** ISO 8601 UTC, after `start`. */
  end: string;
  /** The IANA time zone it was given in, and is shown in ('UTC' when the person's was unknown). */
  timeZone: string;
}

/** A second conversation that hears, in one short line each, that a rollout started, hit a problem, completed. */
export interface StakeholderChannel {
  /** Slack channel id, Teams channel conversation id, a console name. */
  id: string;
  /** As people know it ("change-board"), without the #. */
  name: string;
}

export type ReminderKind = 'in-progress' | 'window-end' | 'problem';
export const REMINDER_KINDS: readonly ReminderKind[] = ['in-progress', 'window-end', 'problem'];

/** A reminder as the log records it ('reminded'): sent once per key, ever. */
export interface ReminderDetail {
  kind: ReminderKind;
  /**
   * What it is about: the kind, the step and the event it follows up ("in-progress:
   * apply-node-b:12"), or the window's end ("window-end:2026-11-25T01:00:00.000Z").
   * A key in the log is never due again.
   */
  key: string;
  /** The people it mentions. */
  mention: UserRef[];
  /** in-progress: minutes since Start; problem: minutes since it was reported; window-end: minutes left (0: ended). */
  minutes: number;
  /** window-end: how many steps were still open. */
  open?: number;
}

/** The fields the new event types carry (kept in the log's `detail` column). */
export interface LiveEventDetail {
  /** 'assigned': to whom; absent: nobody (unassigned). */
  assignee?: UserRef;
  /** 'restriction-set': only the assignee (or the owner) may settle an assigned step. */
  restricted?: boolean;
  /** 'window-set': the window; absent: no window any more. */
  window?: MaintenanceWindow;
  /** 'limit-set': minutes a step may be in progress before a reminder; absent: back to the default. */
  minutes?: number;
  /** 'notify-set': the stakeholder channel; absent: nobody is told any more. */
  stakeholders?: StakeholderChannel;
  /** 'reminded'. */
  reminder?: ReminderDetail;
  /** 'created': the owner's time zone, for the times the card shows (IANA). */
  timeZone?: string;
}

export const LIVE_DETAIL_FIELDS = ['assignee', 'restricted', 'window', 'minutes', 'stakeholders', 'reminder', 'timeZone'] as const satisfies readonly (keyof LiveEventDetail)[];

/** The bot itself, as the actor of what it records on its own (reminders). */
export const BOT_ACTOR: UserRef = { id: 'exchange-sp', name: 'exchange-sp' };

/** Longest time a step may be given before a reminder (a week): anything longer is a typo. */
export const MAX_LIMIT_MINUTES = 7 * 24 * 60;
/** Longest maintenance window (two days). */
export const MAX_WINDOW_HOURS = 48;
