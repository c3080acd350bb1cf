/**
 * The live record's commands name a rollout by its short reference, as the step commands
 * do: with two plans in the channel, "#1" acts on the first, not on the latest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestClock } from '../../support/test-clock';
import { openConsole, type ConsoleSession } from './console-harness';
import { CONSOLE_SCOPE } from '../../../adapters/console';

const alice = { id: 'alice', name: 'Alice' };
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-refs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function twoPlans(locale: 'en' | 'nl'): Promise<ConsoleSession> {
  const clock = createTestClock('2030-11-24T20:00:00.000Z');
  const s = await openConsole(path.join(dir, `refs-${locale}.sqlite`), alice, undefined, { clock, timeZone: 'Europe/Amsterdam', locale });
  for (let i = 0; i < 2; i++) {
    await s.say(locale === 'en' ? 'new 2000 standard sp no adc no ts' : 'nieuw 2000 standaard servicepack geen adc geen ts');
    await s.say(locale === 'en' ? 'post' : 'ja');
  }
  return s;
}

async function typesOf(s: ConsoleSession, ref: number): Promise<string[]> {
  const rollout = (await s.store.getRolloutByRef(CONSOLE_SCOPE, ref))!;
  return rollout.events.map((e) => e.type);
}

describe('the live record’s commands with a short reference', () => {
  it('in en: assign, limit, window, notify and restrict act on the rollout named', async () => {
    const s = await twoPlans('en');
    const second = await typesOf(s, 2);
    expect(await s.say('assign #1 2 @bob')).toContain('>> Alice assigned step 2 to bob');
    expect(await s.say('limit 3 #1 90')).toContain('Step 3 of rollout #1 may now be in progress 90 min before the thread is reminded.');
    expect(await s.say('window #1 22:00-02:00')).toContain('Maintenance window of rollout #1: 24 Nov 22:00 – 25 Nov 02:00 CET.');
    expect(await s.say('notify #1 #change-board')).toContain('#change-board will hear when rollout #1 gets under way');
    expect(await s.say('restrict #1 on')).toContain('>> Alice kept assigned steps for their assignee');
    expect(await typesOf(s, 1)).toEqual(expect.arrayContaining(['assigned', 'limit-set', 'window-set', 'notify-set', 'restriction-set']));
    expect(await typesOf(s, 2)).toEqual(second);
    await s.close();
  });

  it('in nl: the same words in Dutch, and a reference that does not exist changes nothing', async () => {
    const s = await twoPlans('nl');
    const first = await typesOf(s, 1);
    expect(await s.say('toewijzen 2 #1 mij')).toContain('>> Alice heeft stap 2 op zich genomen');
    expect(await s.say('toewijzen #9 2 mij')).toBe('! Die uitrol ken ik niet hier. Er is niets gewijzigd.\n');
    expect(await s.say('limiet #1 99 90')).toBe('! Er is geen stap 99: Uitrolplan servicepack voor Exchange 2000 (#1) heeft de stappen 1 tot en met 6. Er is niets vastgelegd.\n');
    expect(await typesOf(s, 1)).toEqual([...first, 'assigned']);
    await s.close();
  });
});
