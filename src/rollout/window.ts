/**
 * A maintenance window as people type it, read on their own clock (the time zone
 * Slack's users.info or Teams' localTimezone gives, the console's TZ; UTC when none):
 * "22:00-02:00" is tonight from ten until two, ending the next morning; a window that
 * is under way now ("22:00-02:00" typed at 01:00) is the one under way; a date goes in
 * front ("2026-11-24 22:00-02:00", "24 nov 22:00 - 25 nov 02:00"). Numeric day/month
 * dates ("24/11") are refused: they read differently in different countries.
 */
import { msg, type Msg } from '../../conversations/strings';
import { OFF_WORDS, UNTIL_WORDS } from '../../conversations/live/words';
import { MAX_WINDOW_HOURS, type MaintenanceWindow } from './live-model';
import { addDays, instantOf, MONTH_WORDS, wallClockAt, zoneOrUtc, type WallClock } from './zoned-time';

export type WindowReading = { ok: true; window: MaintenanceWindow | null } | { ok: false; reason: Msg };

interface Day {
  year: number;
  month: number;
  day: number;
  /** True when the year was typed (else: the next such day from today). */
  yearGiven: boolean;
}

const TIME = /^(\d{1,2})(?:[:.h](\d{2}))?(?:u|h|uur)?$/i;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** "24/11", "11/24/2026", "24-11-2026": day and month in an order that differs by country. */
const NUMERIC_DAY = /^\d{1,2}\/\d{1,2}(?:\/\d{2,4})?$|^\d{1,2}[-.]\d{1,2}[-.]\d{4}$/;

function readTime(word: string): { hour: number; minute: number } | undefined {
  const match = TIME.exec(word);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return undefined;
  return { hour, minute };
}

/** A date at the head of `words`; the words it took are removed. */
function readDay(words: string[]): Day | undefined {
  const first = words[0]?.toLowerCase();
  if (!first) return undefined;
  const iso = ISO_DAY.exec(first);
  if (iso) {
    words.shift();
    return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), yearGiven: true };
  }
  const second = words[1]?.toLowerCase().replace(/[.,]$/, '');
  const third = words[2];
  const yearAfter = (at: number): number | undefined => (/^\d{4}$/.test(words[at] ?? '') ? Number(words[at]) : undefined);
  // "24 nov [2026]" and "nov 24 [2026]".
  if (/^\d{1,2}$/.test(first) && second && MONTH_WORDS.has(second)) {
    const year = yearAfter(2);
    words.splice(0, year !== undefined ? 3 : 2);
    return { year: year ?? 0, month: MONTH_WORDS.get(second)!, day: Number(first), yearGiven: year !== undefined };
  }
  const month = MONTH_WORDS.get(first.replace(/[.,]$/, ''));
  if (month && second && /^\d{1,2}$/.test(second)) {
    const year = third && /^\d{4}$/.test(third) ? Number(third) : undefined;
    words.splice(0, year !== undefined ? 3 : 2);
    return { year: year ?? 0, month, day: Number(second), yearGiven: year !== undefined };
  }
  return undefined;
}

function validDay(d: Day): boolean {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return date.getUTCMonth() === d.month - 1 && date.getUTCDate() === d.day;
}

const at = (day: Pick<WallClock, 'year' | 'month' | 'day'>, time: { hour: number; minute: number }): WallClock =>
  time.hour === 24 ? addDays({ ...day, hour: 0, minute: time.minute }, 1) : { ...day, ...time };

/** Reads "22:00-02:00" (and the forms above) at `nowMs` on a clock in `timeZone`. */
export function readWindow(text: string, nowMs: number, timeZone: string | undefined): WindowReading {
  const zone = zoneOrUtc(timeZone);
  const usage: WindowReading = { ok: false, reason: msg('live.window.usage') };
  const trimmed = text.trim();
  if (!trimmed) return usage;
  if (OFF_WORDS.includes(trimmed.toLowerCase())) return { ok: true, window: null };
  const raw = trimmed.split(/\s+/);
  if (raw.some((w) => NUMERIC_DAY.test(w))) return { ok: false, reason: msg('live.window.numericDate') };
  // "22:00-02:00", "22:00 - 02:00", "22:00 to 02:00", "22–2"; an ISO date keeps its hyphens.
  const words = raw
    .flatMap((w) => (ISO_DAY.test(w) ? [w] : w.split(/([-–—])/).filter(Boolean)))
    .map((w) => (UNTIL_WORDS.includes(w.toLowerCase()) || /^[-–—]$/.test(w) ? '-' : w));
  const startDay = readDay(words);
  const startTime = readTime(words.shift() ?? '');
  if (words.shift() !== '-') return usage;
  const endDay = readDay(words);
  const endTime = readTime(words.shift() ?? '');
  if (!startTime || !endTime || words.length > 0) return usage;

  const today = wallClockAt(nowMs, zone);
  const fill = (d: Day): Day => {
    if (d.yearGiven) return d;
    // "24 nov" without a year: this year's, or next year's once this year's is past.
    const thisYear = { ...d, year: today.year };
    const past = instantOf(at(thisYear, { hour: 23, minute: 59 }), zone) < nowMs - 24 * 3_600_000;
    return past ? { ...d, year: today.year + 1 } : thisYear;
  };
  let start: number;
  let end: number;
  if (startDay) {
    const day = fill(startDay);
    if (!validDay(day)) return usage;
    start = instantOf(at(day, startTime), zone);
  } else {
    // Today's window, or yesterday's while it is still under way.
    const yesterday = addDays({ ...today, hour: 0, minute: 0 }, -1);
    const candidate = instantOf(at(yesterday, startTime), zone);
    start = endAfter(candidate, endTime, zone) > nowMs ? candidate : instantOf(at(today, startTime), zone);
  }
  if (endDay) {
    const day = fill(endDay);
    if (!validDay(day)) return usage;
    end = instantOf(at(day, endTime), zone);
  } else {
    end = endAfter(start, endTime, zone);
  }
  if (end <= start) return { ok: false, reason: msg('live.window.endBeforeStart') };
  if (end - start > MAX_WINDOW_HOURS * 3_600_000) return { ok: false, reason: msg('live.window.tooLong', { hours: MAX_WINDOW_HOURS }) };
  if (end <= nowMs) return { ok: false, reason: msg('live.window.over') };
  return { ok: true, window: { start: new Date(start).toISOString(), end: new Date(end).toISOString(), timeZone: zone } };
}

/** The first moment after `start` that a clock in `zone` shows `time`. */
function endAfter(start: number, time: { hour: number; minute: number }, zone: string): number {
  const day = wallClockAt(start, zone);
  const sameDay = instantOf(at(day, time), zone);
  return sameDay > start ? sameDay : instantOf(at(addDays({ ...day, hour: 0, minute: 0 }, 1), time), zone);
}

/** True while the window is open at `nowMs`. */
export function windowOpen(window: MaintenanceWindow, nowMs: number): boolean {
  return Date.parse(window.start) <= nowMs && nowMs < Date.parse(window.end);
}
