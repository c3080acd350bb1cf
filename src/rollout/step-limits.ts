/**
 * How long a step may be in progress before the thread is reminded of it, by kind of
 * step, unless the team set its own (`limit 5 90`). These are the bot's own good
 * practice, not KB 328839's: rough times for a service pack or hotfix on one
 * Exchange 2000 / 5.5 server, generous enough that a reminder means "look at this".
 */
import type { ChangeKind } from '../../conversations/types';
import type { PlanStep } from '../../conversations/plan/model';

/** Applying a service pack to one server: setup, the database upgrade and a restart. */
export const SERVICE_PACK_APPLY_MINUTES = 45;
/** Applying a hotfix to one server. */
export const HOTFIX_APPLY_MINUTES = 20;
/** A full backup, system state included. */
export const BACKUP_MINUTES = 120;
/** Moving a cluster group, checking a virtual server, a restart. */
export const QUICK_STEP_MINUTES = 15;
/** Anything else (reading, stopping services, checks). */
export const OTHER_STEP_MINUTES = 30;

/** Minutes a step of this kind may be in progress before a reminder. */
export function defaultLimitMinutes(step: Pick<PlanStep, 'id'>, change: ChangeKind): number {
  const id = step.id;
  if (id.startsWith('apply-')) return change === 'service-pack' ? SERVICE_PACK_APPLY_MINUTES : HOTFIX_APPLY_MINUTES;
  if (id.startsWith('full-backup')) return BACKUP_MINUTES;
  if (id.startsWith('move-') || id.startsWith('check-') || id === 'restart-server') return QUICK_STEP_MINUTES;
  return OTHER_STEP_MINUTES;
}

/** A problem reported and not followed up (no later change to its step) for this long is reminded of. */
export const PROBLEM_FOLLOW_UP_MINUTES = 30;
/** The window's end is this close, with steps still open: the thread is reminded. */
export const WINDOW_WARNING_MINUTES = 30;
