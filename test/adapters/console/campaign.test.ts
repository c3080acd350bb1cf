/**
 * Campaigns in the console, through the whole stack (console chat -> bot -> campaign
 * interview over the single-server engine -> plans -> SQLite -> outbox -> the
 * "channel"): several servers in one request, each checked as a single plan is; the
 * campaign card first and each server's plan after it; the steps for the whole
 * organisation once; a pilot gate that refuses an early step in wave 2 and records
 * nothing, and a release with a reason that is recorded. In English and Dutch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONSOLE_SCOPE } from '../../../adapters/console';
import { openConsole, type ConsoleSession } from './console-harness';

const alice = { id: 'alice', name: 'Alice' };
const bob = { id: 'bob', name: 'Bob' };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-campaign-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
const open = () => openConsole(path.join(dir, `campaign-${++files}.sqlite`), alice, path.join(dir, 'exports'));

/** The campaign posted last in the console channel, with every rollout's log. */
async function campaignOf(session: ConsoleSession) {
  const rollouts = await session.store.listRollouts(CONSOLE_SCOPE, { limit: 50 });
  const view = (await Promise.all(rollouts.map((r) => session.store.campaignOf(CONSOLE_SCOPE, r.id)))).find(Boolean);
  if (!view) throw new Error('no campaign was posted');
  const hub = (await session.store.getRollout(CONSOLE_SCOPE, view.id))!;
  const servers = await Promise.all(view.members.map(async (m) => ({ member: m, ...(await session.store.getRollout(CONSOLE_SCOPE, m.rolloutId))! })));
  return { view, hub, servers, byName: (name: string) => servers.find((s) => s.member.server === name)! };
}

describe('a campaign of two servers of different versions', () => {
  it('asks what each server still needs, lists them by wave, and posts one plan per server after the campaign card', async () => {
    const c = await open();
    const first = await c.say('exchange-sp EXCH1 2000 standard sp; OLD55 5.5 standard');
    expect(first).toContain('EXCH1: Understood: Exchange 2000, Standard Edition, not clustered');
    expect(first).toContain('OLD55: Understood: Exchange 5.5, Standard Edition, not clustered');
    // The first server's next question, headed with which server it is about.
    expect(first).toMatch(/Server 1 of 2: EXCH1\n[\s\S]*IS THE ACTIVE DIRECTORY CONNECTOR \(ADC\) INSTALLED\?/);
    await c.say('no');
    // EXCH1 is complete; OLD55 took the service pack from EXCH1 and asks its own 5.5 questions.
    expect(await c.say('no')).toMatch(/EXCH1: all answers in\.[\s\S]*Server 2 of 2: OLD55[\s\S]*DO YOU USE MAILBOX MANAGER\?/);
    await c.say('no');
    const summary = await c.say('no');
    expect(summary).toMatch(/== Campaign: 2 servers ==[\s\S]*WAVE 1 · PILOT\nEXCH1: Exchange version: Exchange 2000;[^\n]*\n\nWAVE 2\nOLD55: Exchange version: Exchange 5.5;[^\n]*Change: service pack/);
    expect(summary).toContain('1) Post campaign   2) Add another server');

    const posted = await c.say('post');
    // The campaign card comes first, then each server's own plan; the owner is told once.
    const order = ['== Campaign: one change on 2 Exchange servers ==', 'Posted here: Campaign: one change on 2 Exchange servers (#1).', '== EXCH1: service pack rollout plan for Exchange 2000 ==', '== OLD55: service pack rollout plan for Exchange 5.5 =='];
    const at = order.map((text) => posted.indexOf(text));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(posted.match(/Posted here/g)).toHaveLength(1);
    expect(posted).toMatch(/WAVE 1 · PILOT · MAY START\nEXCH1 · 0 of 5 steps\n\nWAVE 2 · WAITS FOR WAVE 1\nOLD55 · 0 of 6 steps/);

    const { hub, byName } = await campaignOf(c);
    // Each server's plan is its own path's, without the steps the campaign does once.
    expect(byName('EXCH1').rollout.plan.steps.map((s) => s.id)).toEqual(['full-backup', 'stop-antivirus', 'check-running-setup', 'apply-update', 'full-backup-after']);
    expect(byName('OLD55').rollout.plan.steps.map((s) => s.id)).toEqual([
      'full-backup', 'stop-antivirus', 'check-running-setup', 'apply-update', 'performance-optimizer', 'full-backup-after',
    ]);
    // Two kinds of release notes (each cited as before), and the domain controllers' backup once.
    expect(hub.rollout.plan.steps.map((s) => [s.id, s.facts.join(' ')])).toEqual([
      ['release-notes-1', 'E2K-2 K1'],
      ['release-notes-2', 'E55-2 K3'],
      ['dc-system-state', 'E2K-1 E55-1'],
    ]);
    await c.close();
  });
});

describe('a cluster plus a single server', () => {
  it('plans the cluster as a cluster, and reads their shared release notes once', async () => {
    const c = await open();
    const first = await c.say('exchange-sp CLUS1 2000 enterprise active/passive N1 N2 evs MAIL1 sp no adc; EXCH2 2000 enterprise not clustered');
    expect(first).toContain('CLUS1: Understood: Exchange 2000, Enterprise Edition, active/passive cluster, active node N1, passive node N2, virtual server MAIL1, service pack, no ADC.');
    expect(first).toMatch(/Server 2 of 2: EXCH2\n[\s\S]*IS THE ACTIVE DIRECTORY CONNECTOR/);
    await c.say('no');
    await c.say('no');
    const posted = await c.say('yes');
    expect(posted).toContain('== CLUS1: service pack rollout plan for Exchange 2000 ==');
    expect(posted).toContain('Install the service pack on N2');
    const { hub, byName } = await campaignOf(c);
    // The eight paths as they are: the cluster patches the passive node first.
    expect(byName('CLUS1').rollout.plan.steps.filter((s) => s.phase === 'apply').map((s) => `${s.id}@${s.node}`)).toEqual([
      'apply-node-b@N2', 'move-group-to-node-b@N2', 'apply-node-a@N1',
    ]);
    // The same release notes for both: one shared step, for both servers; none in the servers' plans.
    expect(hub.rollout.plan.steps.map((s) => s.id)).toEqual(['release-notes', 'dc-system-state']);
    expect(posted.match(/Read the release notes/g)).toHaveLength(1);
    expect(posted).toContain('For CLUS1, EXCH2.');
    expect(posted.match(/Back up the system state of the domain controllers/g)).toHaveLength(1);
    await c.close();
  });
});

describe('the pilot gate', () => {
  it('refuses an early step in wave 2 with nothing recorded, and lets the owner release it with a reason', async () => {
    const c = await open();
    await c.say('exchange-sp EXCH1 2000 standard sp no adc no ts; EXCH2 2000 standard; EXCH3 2000 standard');
    await c.say('no');
    await c.say('no');
    await c.say('no');
    await c.say('no');
    expect(await c.say('wave 3 EXCH3')).toContain('Wave 3: EXCH3.');
    await c.say('post');
    const { byName } = await campaignOf(c);

    // A bare step number is ambiguous in a campaign: which server? A rollout's #ref names one.
    expect(await c.say('confirm 1')).toContain('! Which server?');
    expect(await c.say(`confirm #${byName('EXCH2').rollout.ref} 1`)).toContain('! Step 1 on EXCH2 must wait');
    const early = await c.say('confirm EXCH2 1', bob);
    expect(early).toContain('! Step 1 on EXCH2 must wait: EXCH2 is in wave 2, which starts once wave 1 is complete (EXCH1).');
    expect(early).toContain('Nothing was recorded.');
    expect((await c.store.getRollout(CONSOLE_SCOPE, byName('EXCH2').rollout.id))?.events.map((e) => e.type)).toEqual(['created']);

    // The pilot's preparation is open; its install waits for the shared steps.
    expect(await c.say('confirm EXCH1 1', bob)).toContain('>> EXCH1 · Bob confirmed step 1: Make a full backup');
    await c.say('confirm EXCH1 2');
    await c.say('confirm EXCH1 3');
    expect(await c.say('confirm EXCH1 4')).toContain("! Step 4 on EXCH1 must wait for the campaign's shared steps 1, 2 (on the campaign card)");

    // Only the owner releases, and only with a reason.
    expect(await c.say('release wave 2 looks fine', bob)).toContain('! Only Alice, who posted this campaign, can release EXCH2.');
    expect(await c.say('release wave 2')).toContain('! Please give a reason for letting EXCH2 start early');
    const released = await c.say('release wave 2 change window tonight; the pilot hardware is late');
    expect(released).toContain('Released early, may start now: EXCH2.');
    expect(released).toContain('>> EXCH2 · Alice let EXCH2 start before its wave. Reason: change window tonight; the pilot hardware is late');
    expect(await c.say('confirm EXCH2 1', bob)).toContain('>> EXCH2 · Bob confirmed step 1');
    // Wave 3 still waits for wave 2.
    expect(await c.say('confirm EXCH3 1')).toContain('EXCH3 is in wave 3, which starts once wave 2 is complete (EXCH2).');

    const log = (await c.store.getRollout(CONSOLE_SCOPE, byName('EXCH2').rollout.id))!.events;
    expect(log.map((e) => `${e.type}:${e.actor.name}:${e.note ?? ''}`)).toEqual([
      'created:Alice:',
      'released:Alice:change window tonight; the pilot hardware is late',
      'confirmed:Bob:',
    ]);
    // The campaign card shows who released the wave and why.
    const card = await c.say(`use ${(await campaignOf(c)).view.id}`).then(() => c.say('plan'));
    expect(card).toContain('EXCH2 · 1 of 5 steps · released early by Alice: change window tonight; the pilot hardware is late');
    expect(card).toContain('WAVE 3 · WAITS FOR WAVE 2');

    // The export of the campaign holds every server's events.
    const exported = await c.say(`export ${(await campaignOf(c)).view.id}`);
    const csv = fs.readFileSync(/^Written to (.+)$/m.exec(exported)?.[1] ?? '', 'utf8');
    expect(csv).toContain('released');
    expect(csv).toContain('change window tonight');
    expect(csv.match(/,created,/g)).toHaveLength(4);
    await c.close();
  });
});

describe('operators of a campaign', () => {
  it('named once by the owner, they apply to every server and to the shared steps', async () => {
    const c = await open();
    const carol = { id: 'carol', name: 'Carol' };
    await c.say('exchange-sp EXCH1 2000 standard sp no adc no ts; EXCH2 2000 standard no adc no ts');
    await c.say('post');
    expect(await c.say('operators @bob')).toContain('From now on only bob and you can act on #1.');
    expect(await c.say('confirm EXCH1 1', carol)).toContain('! Only the operators of this rollout and its owner, Alice, can change it.');
    expect(await c.say('confirm shared 1', carol)).toContain('! Only the operators');
    expect(await c.say('confirm EXCH1 1', bob)).toContain('>> EXCH1 · Bob confirmed step 1');
    const { hub, servers } = await campaignOf(c);
    for (const log of [hub.events, ...servers.map((s) => s.events)]) {
      expect(log.filter((e) => e.type === 'operators-set').map((e) => e.operators?.map((o) => o.name))).toEqual([['bob']]);
    }
    await c.close();
  });
});

describe('refusals in the list, by name', () => {
  it('an impossible server is told by its name; a part without a name, a bad or a taken name is left out', async () => {
    const c = await open();
    const out = await c.say('exchange-sp EXCH1 2000 enterprise not clustered; OLD55 5.5 enterprise active/active; 2000 standard; EXCH_9 5.5 standard; exch1 5.5 standard');
    expect(out).toContain('! OLD55: Exchange 5.5 clusters are active/passive only; active/active needs Exchange 2000. So I left out: active/active cluster.');
    expect(out).toContain('! Each server in the list starts with its name, for example "EXCH1 2000 enterprise"; "2000 standard" has none, so it was left out.');
    expect(out).toContain('! "EXCH_9" cannot be a server name');
    expect(out).toContain('! There is already a server called exch1 in this campaign');
    // Two servers are in; OLD55 is asked again whether it is clustered.
    expect(await c.say('sp')).toContain('Server 1 of 2: EXCH1');
    await c.say('no');
    expect(await c.say('no')).toMatch(/Server 2 of 2: OLD55[\s\S]*IS THE EXCHANGE SERVER CLUSTERED\?\n[\s\S]*1\) Not clustered   2\) Active\/passive/);
    await c.close();
  });
});

describe('in Dutch', () => {
  it('"nog een server" turns an interview into a campaign; golven, pilot, vrijgeven and the gate speak Dutch', async () => {
    const c = await open();
    await c.say('exchange-sp 2000 standaard servicepack');
    await c.say('nee');
    await c.say('nee');
    expect(await c.say('nog een server')).toContain('HOE HEET DE SERVER DIE U ZOJUIST BESCHREEF?');
    expect(await c.say('EXCH1')).toContain('HOE HEET DE VOLGENDE SERVER?');
    expect(await c.say('OUD55 5.5 standaard')).toMatch(/OUD55: Begrepen: Exchange 5.5, Standard Edition[\s\S]*Server 2 van 2: OUD55/);
    await c.say('nee');
    expect(await c.say('nee')).toMatch(/== Campagne: 2 servers ==[\s\S]*GOLF 1 · PILOT\nEXCH1:[\s\S]*GOLF 2\nOUD55:/);
    expect(await c.say('pilot OUD55')).toMatch(/OUD55 is nu de pilot\.[\s\S]*GOLF 1 · PILOT\nOUD55:/);
    const posted = await c.say('plaats');
    expect(posted).toContain('== Campagne: één wijziging op 2 Exchange-servers ==');
    expect(posted).toContain('EÉN KEER VOOR DE ORGANISATIE');
    expect(posted).toMatch(/GOLF 2 · WACHT OP GOLF 1\nEXCH1 · 0 van 5 stappen/);
    expect(posted).toContain('== EXCH1: uitrolplan servicepack voor Exchange 2000 ==');
    expect(await c.say('bevestig EXCH1 1')).toContain('! Stap 1 op EXCH1 moet wachten: EXCH1 zit in golf 2, die begint zodra golf 1 klaar is (OUD55).');
    expect(await c.say('vrijgeven golf 2 het onderhoudsvenster is vannacht')).toContain('Eerder vrijgegeven, mag nu beginnen: EXCH1.');
    expect(await c.say('bevestig EXCH1 1')).toContain('>> EXCH1 · Alice heeft stap 1 bevestigd');
    expect(await c.say('bevestig gedeeld 1')).toContain('>> Alice heeft stap 1 bevestigd: Lees de releasenotes');
    await c.close();
  });
});
