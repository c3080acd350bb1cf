/** Wall-clock times in named zones, daylight saving time included, with Node's own ICU data. */
import { addDays, clockText, dayClockText, instantOf, isTimeZone, wallClockAt, zoneName } from '../../../src/rollout/zoned-time';

const AMS = 'Europe/Amsterdam';
const iso = (ms: number) => new Date(ms).toISOString();

describe('zoned time', () => {
  it('finds the instant a clock shows, in winter and in summer', () => {
    expect(iso(instantOf({ year: 2026, month: 11, day: 24, hour: 22, minute: 0 }, AMS))).toBe('2026-11-24T21:00:00.000Z');
    expect(iso(instantOf({ year: 2026, month: 7, day: 1, hour: 22, minute: 0 }, AMS))).toBe('2026-07-01T20:00:00.000Z');
    expect(iso(instantOf({ year: 2026, month: 7, day: 1, hour: 22, minute: 0 }, 'America/Los_Angeles'))).toBe('2026-07-02T05:00:00.000Z');
    expect(iso(instantOf({ year: 2026, month: 7, day: 1, hour: 22, minute: 0 }, 'UTC'))).toBe('2026-07-01T22:00:00.000Z');
  });

  it('a time skipped in spring is read an hour later; one shown twice in autumn is the first', () => {
    expect(iso(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, AMS))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, AMS))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('shows clocks, days and zone names in the card language', () => {
    expect(wallClockAt(Date.parse('2026-11-24T23:30:00Z'), AMS)).toMatchObject({ day: 25, hour: 0, minute: 30 });
    expect(clockText('2026-11-24T22:14:00Z', AMS)).toBe('23:14');
    expect(dayClockText('2026-11-24T22:14:00Z', AMS, 'nl')).toBe('24 nov 23:14');
    expect(zoneName('2026-11-24T22:14:00Z', AMS, 'en')).toBe('CET');
    expect(zoneName('2026-07-01T00:00:00Z', AMS, 'nl')).toBe('CEST');
    expect(zoneName('2026-07-01T00:00:00Z', 'UTC', 'en')).toBe('UTC');
    expect(addDays({ year: 2026, month: 12, day: 31, hour: 22, minute: 0 }, 1)).toEqual({ year: 2027, month: 1, day: 1, hour: 22, minute: 0 });
  });

  it('knows a zone from a word that is not one', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
  });
});
