/**
 * The live record in a few words (issue 12), the same on the card, in the thread, in
 * "my steps" and in the closing summary: "in progress — Bob, since 23:14 CET",
 * "assigned to Carol", "took 1 h 5 min", "Maintenance window 24 Nov 22:00 – 25 Nov
 * 02:00 CET · 1 h 20 min left". Times are on the rollout's clock: the window's time
 * zone, else the owner's as the rollout was created, else UTC.
 */
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { MaintenanceWindow } from '../rollout/live-model';
import { WINDOW_COUNTDOWN_MINUTES } from '../rollout/reminders';
import { inProgress, type RolloutState, type StepState } from '../rollout/status';
import { clockText, dayClockText, sameDay, zoneName, zoneOrUtc } from '../rollout/zoned-time';

/** The clock a rollout's times are shown on. */
export function rolloutZone(state: Pick<RolloutState, 'window' | 'timeZone'>): string {
  return zoneOrUtc(state.window?.timeZone ?? state.timeZone);
}

/**
 * "1 h 5 min", "12 min" ("1 uur 5 min"). Rounded down (what a step took), or up for a
 * countdown ("starts in 1 h" a moment before, "1 min left" until the end).
 */
export function durationText(locale: Locale, ms: number, round: 'down' | 'up' = 'down'): string {
  const minutes = Math.max(0, (round === 'up' ? Math.ceil : Math.floor)(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h > 0) return t(locale, m > 0 ? msg('live.duration.hm', { h, m }) : msg('live.duration.h', { h }));
  return t(locale, msg('live.duration.m', { m }));
}

/** "23:14 CET" on the rollout's clock. */
export function timeText(locale: Locale, iso: string, zone: string): string {
  return `${clockText(iso, zone)} ${zoneName(iso, zone, locale)}`;
}

/** "24 Nov 23:14 CET". */
export function dayTimeText(locale: Locale, iso: string, zone: string): string {
  return `${dayClockText(iso, zone, locale)} ${zoneName(iso, zone, locale)}`;
}

/** "24 Nov 22:00 – 25 Nov 02:00 CET", or "24 Nov 22:00 – 23:30 CET" within one day. */
export function windowText(locale: Locale, window: MaintenanceWindow): string {
  const zone = zoneOrUtc(window.timeZone);
  const end = sameDay(window.start, window.end, zone) ? clockText(window.end, zone) : dayClockText(window.end, zone, locale);
  return t(locale, msg('live.window.range', { start: dayClockText(window.start, zone, locale), end, zone: zoneName(window.start, zone, locale) }));
}

/** The card's window line at `nowMs`: counting down from an hour before it opens (reminders.ts redraws it). */
export function windowLine(locale: Locale, window: MaintenanceWindow, nowMs: number): string {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  const params = { window: windowText(locale, window) };
  if (nowMs >= end) return t(locale, msg('live.card.window.ended', params));
  if (nowMs >= start) return t(locale, msg('live.card.window.open', { ...params, duration: durationText(locale, end - nowMs, 'up') }));
  if (start - nowMs <= WINDOW_COUNTDOWN_MINUTES * 60_000) {
    return t(locale, msg('live.card.window.soon', { ...params, duration: durationText(locale, start - nowMs, 'up') }));
  }
  return t(locale, msg('live.card.window.later', params));
}

/**
 * Who is on a step and who has it, in a few words: "in progress — Bob, since 23:14
 * CET · assigned to Carol"; "took 1 h 5 min" once done after a Start. Undefined when
 * there is nothing to say.
 */
export function peopleLine(locale: Locale, step: StepState, zone: string): string | undefined {
  const parts: string[] = [];
  if (inProgress(step)) parts.push(t(locale, msg('live.card.inProgress', { user: step.started.by.name, time: timeText(locale, step.started.at, zone) })));
  if (step.durationMs !== undefined && step.status === 'done') parts.push(t(locale, msg('live.card.took', { duration: durationText(locale, step.durationMs) })));
  if (step.assignee && !(inProgress(step) && step.started.by.id === step.assignee.id) && step.status !== 'done' && step.status !== 'skipped') {
    parts.push(t(locale, msg('live.card.assigned', { user: step.assignee.name })));
  }
  return parts.length ? parts.join(' · ') : undefined;
}
