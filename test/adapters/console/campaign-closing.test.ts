/**
 * The end of a campaign in the console, through the whole stack on a clock the test
 * controls: once the shared steps and both servers are complete, the "channel" prints
 * one closing summary of the campaign (none per server, none when the shared steps
 * settle) and saves one export holding the hub's and every server's events. In English
 * and Dutch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONSOLE_SCOPE } from '../../../adapters/console';
import { RELEASE_NOTE, runCampaign } from '../../support/campaign-run';
import { createTestClock } from '../../support/test-clock';
import { openConsole } from './console-harness';

const AMS = 'Europe/Amsterdam';
const alice = { id: 'alice', name: 'Alice' };
const bob = { id: 'bob', name: 'Bob' };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-campaign-closing-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['en' as const, '>> Closing summary of campaign #1: Campaign: one change on 2 Exchange servers', 'The full record is saved in', 'OLD55 (wave 2): released by Alice'],
  ['nl' as const, '>> Afsluitend overzicht van campagne #1: Campagne: één wijziging op 2 Exchange-servers', 'Het volledige verslag staat in', 'OLD55 (golf 2): vrijgegeven door Alice'],
])('the end of a campaign in the console (%s)', (locale, title, savedIn, released) => {
  it('prints one summary of the whole campaign and saves one export with every server in it', async () => {
    const clock = createTestClock('2030-11-24T20:00:00.000Z');
    const exports = path.join(dir, `exports-${locale}`);
    const c = await openConsole(path.join(dir, `closing-${locale}.sqlite`), alice, exports, { clock, timeZone: AMS, locale });
    await c.say('exchange-sp EXCH1 2000 standard sp; OLD55 5.5 standard');
    for (let i = 0; i < 4; i++) await c.say(locale === 'nl' ? 'nee' : 'no');
    await c.say(locale === 'nl' ? 'plaats' : 'post');
    await c.settle();
    const rollouts = await c.store.listRollouts(CONSOLE_SCOPE, { limit: 10 });
    expect(rollouts).toHaveLength(3);
    const hubId = rollouts.find((r) => r.ref === 1)!.id;
    // No button to number in plain text: the card says what to type to release wave 2.
    expect(c.transcript()).toMatch(/(types "release wave 2|typt Alice "vrijgeven golf 2) <(reason|reden)>"/);
    expect(c.transcript()).not.toMatch(/\d\) (Release wave 2|Golf 2 vrijgeven)/);
    const before = c.transcript().length;

    await runCampaign(c.store, CONSOLE_SCOPE, hubId, clock, { owner: alice, member: bob, settle: c.settle });
    const printed = c.transcript().slice(before);
    expect(printed.split(title)).toHaveLength(2);
    // No server's own summary, nor the campaign card's own when its shared steps settled.
    expect(printed.match(/Closing summary of|Afsluitend overzicht van/g)).toHaveLength(1);
    const summary = printed.slice(printed.indexOf(title));
    expect(summary).toContain(released);
    expect(summary).toMatch(/EXCH1 · (wave|golf) 1 · 24 (Nov|nov) 21:\d\d CET – 24 (Nov|nov) \d\d:\d\d CET/);
    expect(summary).toContain(RELEASE_NOTE);

    const file = new RegExp(`${savedIn} (\\S+\\.csv)\\.`).exec(summary)?.[1] ?? '';
    expect(path.basename(file)).toMatch(new RegExp(`^exchange-sp-campaign-${hubId}-`));
    const rows = fs.readFileSync(file, 'utf8').trim().split('\r\n').slice(1);
    // (An id starting with "-" is kept from being read as a formula: "'-abc".)
    expect(new Set(rows.map((row) => row.split(',')[0].replace(/^'/, '')))).toEqual(new Set(rollouts.map((r) => r.id)));
    expect(fs.readdirSync(exports)).toHaveLength(1);

    // Another look at the outbox sends nothing again.
    clock.advanceMinutes(30);
    await c.settle();
    expect(c.transcript().slice(before)).toBe(printed);
    await c.close();
  });
});
