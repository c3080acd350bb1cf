/**
 * A rollout in the console, as a team lives it: confirmations in order, an early
 * click refused with nothing recorded, skip with a reason, a problem and its undo,
 * operators, a restart that loses nothing, and the audit export.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConsole } from './console-harness';

const alice = { id: 'alice', name: 'Alice' };
const bob = { id: 'bob', name: 'Bob' };
const carol = { id: 'carol', name: 'Carol' };

describe('a console rollout of an Exchange 2000 active/passive cluster', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-console-'));
    file = path.join(dir, 'exchange-sp.sqlite');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('records confirmations in order, refuses an early one, and keeps everything across a restart', async () => {
    const first = await openConsole(file, alice, path.join(dir, 'exports'));
    await first.say('2000 enterprise active/passive EXCH1 EXCH2 evs EVS1 sp no adc');
    await first.say('post');
    const { rollout } = await first.latestRollout();
    const number = (id: string) => rollout.plan.steps.findIndex((s) => s.id === id) + 1;

    // Patching EXCH1 before the group has moved to EXCH2 is refused; nothing is recorded.
    const early = await first.say(`confirm ${number('apply-node-a')}`);
    expect(early).toContain(`! Step ${number('apply-node-a')} must wait for step ${number('move-group-to-node-b')}`);
    expect((await first.latestRollout()).events).toHaveLength(1);

    expect(await first.say('confirm 1')).toContain('Alice confirmed step 1: Read the release notes');
    expect(await first.say('skip 2')).toContain('! Please give a reason for skipping step 2.');
    // The backup protects data: the first skip names the risk and records nothing; the second goes through.
    expect(await first.say('skip 2 backup ran at 02:00 by the night shift', bob)).toMatch(/^! Step 2 is your way back: .*Nothing was recorded\./);
    expect(await first.say('skip 2 backup ran at 02:00 by the night shift', bob)).toContain(
      'Bob skipped step 2: Make a full backup, system state included. Reason: backup ran at 02:00 by the night shift',
    );
    expect(await first.say('problem 3 antivirus service will not stop', bob)).toContain('Bob reported a problem with step 3');
    // Only Bob (who reported it) or Alice (the owner) can undo it.
    expect(await first.say('undo 3', carol)).toContain('!');
    expect(await first.say('undo 3')).toContain('Alice undid step 3: Close antivirus and stop what need not run now. Back to: to do.');
    expect(await first.say('confirm 3', carol)).toContain('Carol confirmed step 3');
    const progress = await first.say('confirm 4');
    expect(progress).toContain('4 of 8 steps done (1 skipped)');

    const shown = await first.say('plan');
    // Settled steps shrink to one line with who and when; a waiting step says what it waits for.
    expect(shown).toMatch(/^\[x\] 1\. Read the release notes of the service pack · Done by Alice · \d+ \w+ \d{4} \d\d:\d\d UTC$/m);
    expect(shown).toMatch(/^\[-\] 2\. Make a full backup, system state included · Skipped by Bob · .* · reason: backup ran at 02:00 by the night shift$/m);
    expect(shown).toContain(`[.] ${number('apply-node-a')}. Install the service pack on EXCH1 · waits for step ${number('move-group-to-node-b')}`);
    expect(shown).toContain(`» 4 of 8 steps done (1 skipped) · next: ${number('apply-node-b')}. Install the service pack on EXCH2`);
    // "details N" opens a step drawn as one line: its whole text, and the fact ids behind it.
    const details = await first.say(`details ${number('apply-node-a')}`);
    expect(details).toContain(`${number('apply-node-a')}. Install the service pack on EXCH1`);
    expect(details).toContain('waits for step');
    expect(details).toMatch(/Sources \(fact ids from KB 328839\): C\d/);
    expect(await first.say('details 99')).toContain('! This plan has no such step.');
    await first.close();

    // A new process on the same file: the rollout and every confirmation are still there.
    const second = await openConsole(file, alice, path.join(dir, 'exports'));
    const { events } = await second.latestRollout();
    expect(events.map((e) => `${e.type}:${e.stepId ?? ''}:${e.actor.name}`)).toEqual([
      'created::Alice',
      'confirmed:release-notes:Alice',
      'skipped:full-backup:Bob',
      'problem:stop-antivirus:Bob',
      'undone:stop-antivirus:Alice',
      'confirmed:stop-antivirus:Carol',
      'confirmed:check-running-setup:Alice',
    ]);
    expect(await second.say(`confirm ${number('apply-node-b')}`)).toContain(`Alice confirmed step ${number('apply-node-b')}: Install the service pack on EXCH2`);

    // The audit export writes the whole log to a file.
    const exported = await second.say('export');
    const exportFile = /^Written to (.+)$/m.exec(exported)?.[1] ?? '';
    const csv = fs.readFileSync(exportFile, 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 8);
    expect(csv).toContain('backup ran at 02:00 by the night shift');
    // A second export never writes over the first: it gets a name of its own.
    await second.say('confirm 6');
    const again = /^Written to (.+)$/m.exec(await second.say('export'))?.[1] ?? '';
    expect(again).toBe(exportFile.replace(/\.csv$/, '-2.csv'));
    expect(fs.readFileSync(exportFile, 'utf8')).toBe(csv);
    expect(fs.readFileSync(again, 'utf8').trim().split('\r\n')).toHaveLength(1 + 9);
    await second.close();
  });

  it('operators: once named, only they and the owner may act, and others are told why', async () => {
    const session = await openConsole(path.join(dir, 'operators.sqlite'), alice);
    await session.say('5.5 standard sp no mbm no interorg');
    await session.say('post');
    const { rollout } = await session.latestRollout();
    // The console has no user directory: "@name" is a person, named exactly as typed.
    expect(await session.say('operators @bob')).toContain('From now on only bob and you can act on #1.');
    expect(await session.say('confirm 1', carol)).toContain('! Only the operators of this rollout and its owner, Alice, can change it.');
    expect(await session.say('confirm 1', bob)).toContain('Bob confirmed step 1');
    // Names that are not people, or only the owner, change nothing: never "anyone".
    for (const line of ['operators carol', 'operators nobody', 'operators @alice', 'operators']) {
      expect({ line, answer: await session.say(line) }).toEqual({ line, answer: expect.stringMatching(/^! .*Nothing was changed/m) });
    }
    expect(await session.say('confirm 2', carol)).toContain('! Only the operators');
    expect(await session.say('operators anyone')).toContain('Anyone here can now act on #1.');
    expect(await session.say('confirm 2', carol)).toContain('Carol confirmed step 2');
    const snapshot = await session.latestRollout();
    expect(snapshot.rollout.id).toBe(rollout.id);
    expect(snapshot.events.map((e) => e.type)).toEqual(['created', 'operators-set', 'confirmed', 'operators-set', 'confirmed']);
    await session.close();
  });
});
