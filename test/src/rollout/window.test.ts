/**
 * A maintenance window as people type it, on their own clock: tonight's, the one under
 * way, or on a date; dates that read differently by country are refused, like windows
 * that end before they start, last too long or are over.
 */
import { t } from '../../../conversations/strings';
import { readWindow } from '../../../src/rollout/window';

const AMS = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);
const read = (text: string, now: string, zone: string | undefined = AMS) => readWindow(text, at(now), zone);
const said = (reading: ReturnType<typeof readWindow>, locale: 'en' | 'nl' = 'en') => (reading.ok ? reading.window : t(locale, reading.reason));

describe('readWindow', () => {
  it('reads "22:00-02:00" as tonight from ten until two the next morning, on the person’s clock', () => {
    expect(said(read('22:00-02:00', '2026-11-24T15:00:00Z'))).toEqual({
      start: '2026-11-24T21:00:00.000Z',
      end: '2026-11-25T01:00:00.000Z',
      timeZone: AMS,
    });
    expect(said(read('22:00 to 02:00', '2026-07-01T10:00:00Z', 'America/New_York'))).toEqual({
      start: '2026-07-02T02:00:00.000Z',
      end: '2026-07-02T06:00:00.000Z',
      timeZone: 'America/New_York',
    });
    // Without a time zone from the platform: UTC.
    expect(said(readWindow('22-2', at('2026-11-24T15:00:00Z'), undefined))).toMatchObject({ start: '2026-11-24T22:00:00.000Z', timeZone: 'UTC' });
  });

  it('typed after midnight inside the window, it is the window under way', () => {
    expect(said(read('22:00-02:00', '2026-11-25T00:30:00Z'))).toMatchObject({ start: '2026-11-24T21:00:00.000Z', end: '2026-11-25T01:00:00.000Z' });
    // After it ended: tonight's.
    expect(said(read('22:00-02:00', '2026-11-25T02:30:00Z'))).toMatchObject({ start: '2026-11-25T21:00:00.000Z' });
  });

  it('takes a date in front, ISO or with a month word in English or Dutch, and an end date', () => {
    expect(said(read('2026-12-05 23:00-03:30', '2026-11-24T15:00:00Z'))).toMatchObject({ start: '2026-12-05T22:00:00.000Z', end: '2026-12-06T02:30:00.000Z' });
    expect(said(read('5 dec 23.00 - 6 dec 03.30', '2026-11-24T15:00:00Z'))).toMatchObject({ start: '2026-12-05T22:00:00.000Z', end: '2026-12-06T02:30:00.000Z' });
    expect(said(read('Dec 5 23:00 to 03:30', '2026-11-24T15:00:00Z'))).toMatchObject({ start: '2026-12-05T22:00:00.000Z' });
    // "5 mrt" in March 2027: this year's is past, so next year's.
    expect(said(read('5 mrt 22:00-23:00', '2026-11-24T15:00:00Z'))).toMatchObject({ start: '2027-03-05T21:00:00.000Z' });
    // Summer time: 22:00 in Amsterdam is 20:00 UTC.
    expect(said(read('2027-07-01 22:00-23:00', '2026-11-24T15:00:00Z'))).toMatchObject({ start: '2027-07-01T20:00:00.000Z' });
  });

  it('"off" removes the window', () => {
    expect(read('off', '2026-11-24T15:00:00Z')).toEqual({ ok: true, window: null });
    expect(read('uit', '2026-11-24T15:00:00Z')).toEqual({ ok: true, window: null });
  });

  it('refuses what it cannot read for sure, and says why, in English and Dutch', () => {
    const now = '2026-11-24T15:00:00Z';
    expect(said(read('24/11 22:00-02:00', now))).toMatch(/^Write the date as 2026-11-24 or 24 Nov/);
    expect(said(read('24-11-2026 22:00-02:00', now), 'nl')).toMatch(/^Schrijf de datum als 2026-11-24 of 24 nov/);
    expect(said(read('tonight', now))).toMatch(/^Give the window as a start and an end time/);
    expect(said(read('25:00-02:00', now))).toMatch(/^Give the window as a start and an end time/);
    expect(said(read('', now), 'nl')).toMatch(/^Geef het venster als begin- en eindtijd/);
    expect(said(read('2026-12-05 22:00 - 2026-12-04 23:00', now))).toBe('The window must end after it starts. Nothing was changed.');
    expect(said(read('2026-12-01 22:00 - 2026-12-04 23:00', now))).toBe('A maintenance window lasts at most 48 hours. Nothing was changed.');
    expect(said(read('2026-11-20 22:00-23:00', now))).toBe('That window is already over. Nothing was changed.');
  });
});
