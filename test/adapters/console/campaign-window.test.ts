/**
 * A maintenance window typed during a campaign's interview, in any server's questions or
 * at its summary, is the campaign's: the summary shows it and every rollout it posts
 * (the campaign card's shared steps and each server's plan) starts with it. In English
 * and Dutch, on the console's clock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONSOLE_SCOPE } from '../../../adapters/console';
import { createTestClock } from '../../support/test-clock';
import { openConsole, type ConsoleSession } from './console-harness';

const alice = { id: 'alice', name: 'Alice' };
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-campaign-window-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function windowsOf(session: ConsoleSession): Promise<unknown[]> {
  const rollouts = await session.store.listRollouts(CONSOLE_SCOPE, { limit: 50 });
  const logs = await Promise.all(rollouts.map((r) => session.store.getRollout(CONSOLE_SCOPE, r.id)));
  return logs.map((log) => log!.events.find((e) => e.type === 'window-set')?.window);
}

it.each([
  {
    locale: 'en' as const,
    start: 'exchange-sp EXCH1 2000 standard sp; OLD55 5.5 standard',
    window: 'window 22:00-02:00',
    set: 'Maintenance window: 24 Nov 22:00 – 25 Nov 02:00 CET',
    bad: ['window 25:00-26:00', '! Give the window as a start and an end time'],
    answers: ['no', 'no', 'no', 'no'],
    post: 'post',
  },
  {
    locale: 'nl' as const,
    start: 'exchange-sp EXCH1 2000 standaard servicepack; OLD55 5.5 standaard',
    window: 'venster 22:00-02:00',
    set: 'Onderhoudsvenster: 24 nov 22:00 – 25 nov 02:00 CET',
    bad: ['venster 25:00-26:00', '! Geef het venster als begin- en eindtijd'],
    answers: ['nee', 'nee', 'nee', 'nee'],
    post: 'plaatsen',
  },
])('in $locale: the window goes with every rollout of the campaign', async (c) => {
  const clock = createTestClock('2030-11-24T20:00:00.000Z');
  const s = await openConsole(path.join(dir, `w-${c.locale}.sqlite`), alice, undefined, { clock, timeZone: 'Europe/Amsterdam', locale: c.locale });
  await s.say(c.start);
  // Typed in the middle of the first server's questions: the campaign's, not that server's.
  const typed = await s.say(c.window);
  expect(typed).toContain(c.set.replace(/^[^:]+: /, ''));
  const [bad, refusal] = c.bad;
  expect(await s.say(bad)).toContain(refusal);
  let summary = '';
  for (const answer of c.answers) summary = await s.say(answer);
  expect(summary).toContain(c.set);
  await s.say(c.post);
  const windows = await windowsOf(s);
  expect(windows).toHaveLength(3);
  expect(windows).toEqual(Array(3).fill({ start: '2030-11-24T21:00:00.000Z', end: '2030-11-25T01:00:00.000Z', timeZone: 'Europe/Amsterdam' }));
  await s.close();
});
