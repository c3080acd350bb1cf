/**
 * Wall-clock time in a named time zone (IANA, as Slack's users.info `tz` and Teams'
 * `localTimezone` give it), with the ICU data Node ships: no library, no offsets typed
 * by hand, daylight saving time included. Pure: the instant always comes in.
 */
import type { Locale } from '../../conversations/types';

/** A time zone Intl knows ('Europe/Amsterdam', 'UTC'); anything else is not one. */
export function isTimeZone(zone: string | undefined): zone is string {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone to use: the one given when Intl knows it, else UTC. */
export function zoneOrUtc(zone: string | undefined): string {
  return isTimeZone(zone) ? zone : 'UTC';
}

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormat.set(zone, format);
  }
  return format;
}

/** What a clock in `zone` shows at `ms`. */
export function wallClockAt(ms: number, zone: string): WallClock & { second: number } {
  const parts = Object.fromEntries(partsFormatter(zone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far `zone` is ahead of UTC at `ms`, in ms. */
function offsetAt(ms: number, zone: string): number {
  const c = wallClockAt(ms, zone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a clock in `zone` shows `clock`. A time skipped by the spring change
 * (02:30 on that night) gives the instant an hour later; a time shown twice in autumn
 * gives the first.
 */
export function instantOf(clock: WallClock, zone: string): number {
  const guess = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  // The offsets around that day (a change of offset happens at most once in it).
  const candidates = [...new Set([-12, 0, 12].map((h) => guess - offsetAt(guess + h * 3_600_000, zone)))];
  const shows = (ms: number) => {
    const c = wallClockAt(ms, zone);
    return c.hour === clock.hour && c.minute === clock.minute && c.day === clock.day;
  };
  const exact = candidates.filter(shows);
  // Shown twice: the first; never shown (the spring gap): the later reading, an hour on.
  return exact.length ? Math.min(...exact) : Math.max(...candidates);
}

/** The calendar day after (or `days` after) a day, as a clock at the same time. */
export function addDays(clock: WallClock, days: number): WallClock {
  const d = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + days));
  return { ...clock, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const LANGUAGE_TAG: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };

/** "23:14" on a clock in `zone`. */
export function clockText(iso: string, zone: string): string {
  const c = wallClockAt(Date.parse(iso), zone);
  return `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
}

/** "CET", "PST", "GMT+5:30", "UTC": the zone's short name at that instant, in the card's language. */
export function zoneName(iso: string, zone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

const MONTHS: Record<Locale, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

/** The month words people type, in either language ("nov", "november", "mrt", "maart", "may", "mei"). */
export const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1] as const),
  ...['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map(
    (m) => [m, ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].indexOf(m) + 1] as const,
  ),
  ...['januari', 'februari', 'maart', 'mei', 'juni', 'juli', 'augustus', 'oktober', 'mrt', 'okt', 'sept'].map(
    (m) => [m, { januari: 1, februari: 2, maart: 3, mrt: 3, mei: 5, juni: 6, juli: 7, augustus: 8, oktober: 10, okt: 10, sept: 9 }[m] as number] as const,
  ),
]);

/** "24 Nov 23:14" on a clock in `zone`. */
export function dayClockText(iso: string, zone: string, locale: Locale): string {
  const c = wallClockAt(Date.parse(iso), zone);
  return `${c.day} ${MONTHS[locale][c.month - 1]} ${clockText(iso, zone)}`;
}

/** True when two instants fall on the same day on a clock in `zone`. */
export function sameDay(a: string, b: string, zone: string): boolean {
  const x = wallClockAt(Date.parse(a), zone);
  const y = wallClockAt(Date.parse(b), zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/** Whole minutes from `from` to `to` (rounded down, never negative). */
export function minutesBetween(from: string | number, to: string | number): number {
  const a = typeof from === 'number' ? from : Date.parse(from);
  const b = typeof to === 'number' ? to : Date.parse(to);
  return Math.max(0, Math.floor((b - a) / 60_000));
}
