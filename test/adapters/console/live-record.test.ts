/**
 * The live change record of a night's service pack on an active/passive Exchange 2000
 * cluster, in the console, on a clock the test moves (issue 12): the window set in the
 * interview, the stakeholder channel, an assignment kept for its assignee, Start and
 * the time it took, undo of each, every reminder (once, also across a restart), "mine",
 * and the closing summary with its export, in English and in Dutch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestClock } from '../../support/test-clock';
import { openConsole, type ConsoleSession } from './console-harness';

const alice = { id: 'alice', name: 'Alice' };
const bob = { id: 'bob', name: 'Bob' };
const carol = { id: 'carol', name: 'Carol' };
const AMS = 'Europe/Amsterdam';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-live-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What the outbox printed while the clock moved on `minutes` and the worker caught up. */
async function after(session: ConsoleSession, clock: ReturnType<typeof createTestClock>, minutes: number): Promise<string> {
  const before = session.transcript().length;
  clock.advanceMinutes(minutes);
  await session.settle();
  return session.transcript().slice(before);
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('a night in English', () => {
  it('records who did what and how long it took, reminds once each, and closes with a summary and the export', async () => {
    // 21:00 in Amsterdam.
    const clock = createTestClock('2030-11-24T20:00:00.000Z');
    const file = path.join(dir, 'night.sqlite');
    const exports = path.join(dir, 'exports');
    let s = await openConsole(file, alice, exports, { clock, timeZone: AMS });
    await s.say('2000 enterprise active/passive EXCH1 EXCH2 evs EVS1 sp no adc');
    const summary = await s.say('window 22:00-02:00');
    expect(summary).toContain('Maintenance window: 24 Nov 22:00 – 25 Nov 02:00 CET');
    const posted = await s.say('post');
    expect(posted).toContain('Maintenance window 24 Nov 22:00 – 25 Nov 02:00 CET · starts in 1 h');
    expect(posted).toContain('>> Alice set the maintenance window: 24 Nov 22:00 – 25 Nov 02:00 CET.');

    expect(await s.say('notify #change-board')).toContain('#change-board will hear when rollout');
    expect(await s.say('notify #change-board', bob)).toContain('! There is no open rollout of yours in this channel to change.');
    expect(await s.say('assign 5 @bob')).toContain('>> Alice assigned step 5 to bob: Install the service pack on EXCH2.');
    expect(await s.say('restrict on')).toContain('>> Alice kept assigned steps for their assignee: only the assignee or Alice can start, confirm or skip them.');
    const underWay = await s.say('confirm 1');
    expect(underWay).toMatch(/\[#change-board\] Rollout \S+, Service pack rollout plan for Exchange 2000: under way \(Alice, 21:00 CET\)\./);
    // The backup protects data: "anyway" skips it without being asked again.
    await s.say('skip 2 anyway taken last night by the backup job');
    await s.say('confirm 3');
    await s.say('confirm 4');
    expect((await s.latestRollout()).events.filter((e) => e.type === 'skipped')).toHaveLength(1);

    // Step 5 is bob's: Carol is told who may start it, and nothing is recorded.
    const events = (await s.latestRollout()).events.length;
    expect(await s.say('start 5', carol)).toContain('! Step 5 is assigned to bob: only bob or the owner, Alice, can start it. Nothing was recorded.');
    expect((await s.latestRollout()).events).toHaveLength(events);
    expect(await s.say('start 5', bob)).toContain('>> Bob started step 5: Install the service pack on EXCH2.');
    expect(await s.say('plan')).toContain('-> in progress — Bob, since 21:00 CET');
    expect(await s.say('mine', bob)).toMatch(/5\. Install the service pack on EXCH2 · in progress since 21:00 CET/);

    // 46 minutes on: the in-progress reminder, once, mentioning bob; and the window line counts.
    const reminded = await after(s, clock, 46);
    expect(count(reminded, '@Bob: step 5, Install the service pack on EXCH2, has been in progress for 46 min, longer than the 45 min it usually takes.')).toBe(1);
    expect(await s.say('plan')).toContain('Maintenance window 24 Nov 22:00 – 25 Nov 02:00 CET · starts in 14 min');
    expect(await after(s, clock, 10)).not.toContain('has been in progress');

    // A problem at 21:56, then the process stops; 31 minutes pass while it is down.
    expect(await s.say('problem 5 setup asks for a reboot', bob)).toContain('[#change-board] Rollout');
    await s.close();
    clock.advanceMinutes(31);
    s = await openConsole(file, alice, exports, { clock, timeZone: AMS });
    await s.settle();
    const restarted = s.transcript();
    expect(count(restarted, 'the problem with step 5, Install the service pack on EXCH2, was reported 31 min ago and nothing has happened since: setup asks for a reboot')).toBe(1);
    expect(restarted).toContain('@Alice, @bob: the problem with step 5');
    expect(restarted).not.toContain('has been in progress');
    // A second restart sends nothing again.
    await s.close();
    s = await openConsole(file, alice, exports, { clock, timeZone: AMS });
    expect(await after(s, clock, 1)).not.toContain('>> @');

    // Confirmed: it took 1 h 28 min. Undo goes back to in progress; confirming again keeps the Start.
    expect(await s.say('confirm 5', bob)).toContain('>> Bob confirmed step 5: Install the service pack on EXCH2 (took 1 h 28 min)');
    expect(await s.say('undo 5', bob)).toContain('Back to: problem reported by Bob: setup asks for a reboot.');
    expect(await s.say('undo 5', bob)).toContain('Back to: in progress by Bob.');
    expect(await s.say('confirm 5', bob)).toContain('(took 1 h 28 min)');
    expect(await s.say('take 6', carol)).toContain('>> Carol took step 6: Move the Exchange group to EXCH2.');
    expect(await s.say('undo 6', carol)).toContain('Carol undid step 6: Move the Exchange group to EXCH2. Back to: to do.');
    await s.say('confirm 6');

    // 01:31: the window closes in 29 minutes with two steps open.
    const windowEnd = await after(s, clock, 183);
    expect(count(windowEnd, '@Alice: the maintenance window ends in 29 min (02:00 CET) and 2 step(s) are still open.')).toBe(1);

    await s.say('start 7');
    clock.advanceMinutes(20);
    await s.say('confirm 7');
    const closing = await s.say('confirm 8');
    expect(closing).toMatch(/\[#change-board\] Rollout \S+, Service pack rollout plan for Exchange 2000: complete at 01:51 CET, 7 step\(s\) done and 1 skipped, 4 h 51 min in all\./);
    expect(closing).toContain('>> Closing summary of Service pack rollout plan for Exchange 2000');
    expect(closing).toContain('>> Under way 24 Nov 21:00 CET, complete 25 Nov 01:51 CET: 4 h 51 min in all.');
    expect(closing).toContain('>> 5. Install the service pack on EXCH2: 1 h 28 min (Bob)');
    expect(closing).toContain('>> 6. Move the Exchange group to EXCH2: done by Alice at 24 Nov 22:28 CET (not started with Start, so no duration)');
    expect(closing).toContain('>> 7. Install the service pack on EXCH1: 20 min (Alice)');
    expect(closing).toContain('>> Alice: confirmed 1, 3, 4, 6–8');
    expect(closing).toContain('>> Bob: confirmed 5; reported 1 problem(s)');
    expect(closing).toContain('>> 2. Make a full backup, system state included: taken last night by the backup job (Alice)');
    expect(closing).toContain('>> 5. Install the service pack on EXCH2: "setup asks for a reboot" (Bob, 24 Nov 21:56 CET); taken back by Bob');
    const exportFile = /The full record is saved in (\S+\.csv)\./.exec(closing)?.[1] ?? '';
    const [header, ...rows] = fs.readFileSync(exportFile, 'utf8').trim().split('\r\n').map((line) => line.split(','));
    expect(header).toEqual(expect.arrayContaining(['assignee', 'startedAt', 'doneAt', 'durationSeconds']));
    const confirmedFive = rows.filter((r) => r[header.indexOf('event')] === 'confirmed' && r[header.indexOf('stepId')] === 'apply-node-b').at(-1)!;
    expect(confirmedFive[header.indexOf('assignee')]).toBe('bob');
    expect(Number(confirmedFive[header.indexOf('durationSeconds')])).toBeGreaterThanOrEqual(88 * 60);
    expect(Number(confirmedFive[header.indexOf('durationSeconds')])).toBeLessThan(89 * 60);
    expect(rows.filter((r) => r[header.indexOf('event')] === 'reminded')).toHaveLength(3);
    // Once complete there is nothing left to remind of, and the summary is not sent again.
    expect(await after(s, clock, 60)).toBe('');
    await s.close();
  });
});

describe('een nacht in het Nederlands', () => {
  it('zegt wie waar mee bezig is, herinnert één keer en sluit af met een overzicht', async () => {
    const clock = createTestClock('2030-11-24T20:00:00.000Z');
    const s = await openConsole(path.join(dir, 'nacht.sqlite'), alice, path.join(dir, 'exports'), { clock, timeZone: AMS, locale: 'nl' });
    await s.say('2000 standaard servicepack geen adc geen ts');
    await s.say('ja');
    expect(await s.say('venster 22:00-02:00')).toContain('>> Alice heeft het onderhoudsvenster ingesteld: 24 nov 22:00 – 25 nov 02:00 CET.');
    expect(await s.say('meld #wijzigingsraad')).toContain('#wijzigingsraad hoort het wanneer uitrol');
    expect(await s.say('toewijzen 1 @bob')).toContain('>> Alice heeft stap 1 toegewezen aan bob: Lees de releasenotes van het servicepack.');
    expect(await s.say('beperk aan')).toContain('>> Alice heeft toegewezen stappen voorbehouden');
    expect(await s.say('bevestig 1', carol)).toContain('! Stap 1 is toegewezen aan bob: alleen bob of de eigenaar, Alice, kan deze stap bevestigen. Er is niets vastgelegd.');
    const started = await s.say('start 1', bob);
    expect(started).toContain('>> Bob is begonnen aan stap 1: Lees de releasenotes van het servicepack.');
    expect(started).toMatch(/\[#wijzigingsraad\] Uitrol \S+, Uitrolplan servicepack voor Exchange 2000: begonnen \(Bob, 21:00 CET\)\./);
    // Bob has it and is on it: said once.
    expect(await s.say('toon')).toMatch(/-> bezig — Bob, sinds 21:00 CET\n/);
    expect(await s.say('limiet 1 20', bob)).toContain('Stap 1 van uitrol');
    expect(await s.say('mijn stappen', bob)).toContain('1. Lees de releasenotes van het servicepack · bezig sinds 21:00 CET');

    const reminded = await after(s, clock, 21);
    expect(count(reminded, '@Bob: stap 1, Lees de releasenotes van het servicepack, is al 21 min bezig, langer dan de 20 min die het meestal duurt.')).toBe(1);
    expect(await s.say('bevestig 1', bob)).toContain('>> Bob heeft stap 1 bevestigd: Lees de releasenotes van het servicepack (duurde 21 min)');
    expect(await s.say('ongedaan 1', bob)).toContain('Terug naar: bezig, door Bob.');
    await s.say('bevestig 1', bob);
    await s.say('overslaan 2 toch de nachtelijke back-up van gisteren');
    for (const n of [3, 4]) await s.say(`bevestig ${n}`);
    await s.say('start 5');
    await s.say('probleem 5 setup vraagt om een herstart');
    const problem = await after(s, clock, 30);
    expect(count(problem, '@Alice: het probleem met stap 5, Installeer het servicepack, is 30 min geleden gemeld en sindsdien is er niets gebeurd: setup vraagt om een herstart')).toBe(1);
    await s.say('bevestig 5');
    const closing = await s.say('bevestig 6');
    expect(closing).toContain('>> Afsluitend overzicht van Uitrolplan servicepack voor Exchange 2000');
    expect(closing).toContain('>> 5. Installeer het servicepack: 30 min (Alice)');
    expect(closing).toContain('>> Bob: bevestigde 1');
    expect(closing).toContain('>> 2. Maak een volledige back-up, systeemstatus inbegrepen: de nachtelijke back-up van gisteren (Alice)');
    expect(closing).toContain('>> 5. Installeer het servicepack: "setup vraagt om een herstart" (Alice, 24 nov 21:21 CET); daarna klaar, door Alice');
    expect(closing).toMatch(/\[#wijzigingsraad\] Uitrol \S+, Uitrolplan servicepack voor Exchange 2000: afgerond om 21:51 CET, 5 stap\(pen\) klaar en 1 overgeslagen, in totaal 51 min\./);
    expect(closing).toMatch(/Het volledige verslag van uitrol \S+: \d+ gebeurtenissen\. Het volledige verslag staat in \S+\.csv\./);
    await s.close();
  });
});

describe('bad input to the live record’s commands', () => {
  it.each([
    ['en', [
      ['assign 3 carol', '! I could not tell who "carol" is: mention the person with @ so the name becomes a link. Nothing was changed.'],
      ['assign 3', '! Which step, and who? For example "assign 5 @bob", "assign 5 me" or "assign 5 nobody". Nothing was changed.'],
      ['assign 99 me', '! There is no step 99: Service pack rollout plan for Exchange 2000 (#1) has steps 1 to 6. Nothing was recorded.'],
      ['take', '! Which step? Give its number from the plan, for example "take 5". Nothing was changed.'],
      ['limit 3 soon', '! Which step, and how many minutes? For example "limit 5 90", or "limit 5 default". Nothing was changed.'],
      ['limit 3 0', '! Give step 3 a time between 1 and 10080 minutes, for example "limit 3 60". Nothing was changed.'],
      ['window tonight', '! Give the window as a start and an end time'],
      ['window 24/11 22:00-02:00', '! Write the date as 2026-11-24 or 24 Nov'],
      ['notify change-board', '! Name the channel to keep informed, for example "notify #change-board", or "notify off". Nothing was changed.'],
      ['notify #change-board #ops', '! Name the channel to keep informed'],
      ['restrict maybe', '! Say "restrict on" (only the assignee or you can start, confirm or skip an assigned step) or "restrict off". Nothing was changed.'],
      ['restrict off', '! Assigned steps are not kept for their assignee. Nothing was changed.'],
      ['window off', '! This rollout has no maintenance window to remove. Nothing was changed.'],
      ['start 5', '! Step 5 must wait for steps 1–4: confirm or skip those first.'],
    ]],
    ['nl', [
      ['toewijzen 3 carol', '! Ik weet niet wie "carol" is: noem de persoon met @, zodat de naam een link wordt. Er is niets gewijzigd.'],
      ['neem', '! Welke stap? Geef het nummer uit het plan, bijvoorbeeld "neem 5". Er is niets gewijzigd.'],
      ['limiet 3 straks', '! Welke stap, en hoeveel minuten? Bijvoorbeeld "limiet 5 90", of "limiet 5 standaard". Er is niets gewijzigd.'],
      ['venster vanavond', '! Geef het venster als begin- en eindtijd'],
      ['meld wijzigingsraad', '! Noem het kanaal dat op de hoogte moet blijven'],
      ['beperk misschien', '! Zeg "beperk aan"'],
    ]],
  ] as const)('in %s: each line is answered with what to type, and the log does not change', async (locale, lines) => {
    const clock = createTestClock('2030-11-24T20:00:00.000Z');
    const s = await openConsole(path.join(dir, `bad-${locale}.sqlite`), alice, path.join(dir, 'exports'), { clock, timeZone: AMS, locale });
    await s.say(locale === 'en' ? '2000 standard sp no adc no ts' : '2000 standaard servicepack geen adc geen ts');
    await s.say(locale === 'en' ? 'post' : 'ja');
    const before = (await s.latestRollout()).events.length;
    for (const [line, answer] of lines) expect({ line, said: await s.say(line) }).toEqual({ line, said: expect.stringContaining(answer) });
    // Someone else may not set the owner's things either.
    expect(await s.say(locale === 'en' ? 'window 22:00-02:00' : 'venster 22:00-02:00', bob)).toMatch(/^! /);
    expect((await s.latestRollout()).events).toHaveLength(before);
    await s.close();
  });
});
