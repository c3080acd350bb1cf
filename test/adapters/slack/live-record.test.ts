/**
 * The live change record through the real Slack adapter (signed requests, real Bolt
 * receiver, real core, a SQLite file, the strict fake Web API) on a clock the test
 * moves (issue 12): a window read on the owner's users.info time zone, the stakeholder
 * channel, Assign with a mention and the restriction (a teammate's click refused with
 * who may), Start / Take it / Undo buttons, the duration in the thread, reminders that
 * mention people as Slack mentions, the App Home tab (views.publish, a valid Home view
 * with permalinks), and the closing summary with its export uploaded in the thread; in
 * English and in Dutch.
 */
import { parseButtonValue, parseOptionValue } from '../../../adapters/slack/button-value';
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { createTestClock } from '../../support/test-clock';
import { useSlackBot, type Harness } from './harness';
import { blockActionsBody, eventCallbackBody, postSlack, slashCommandBody } from '../../kit/slack-requests';

interface Btn { type?: string; action_id: string; value: string; style?: string; options?: { value: string }[] }
interface Blk { type: string; text?: { text: string }; elements?: (Btn & { text?: string })[]; accessory?: Btn }
/** A button, or an option of a "…" overflow menu. */
interface Control { actionId: string; value: string; option: boolean }
interface Msg { text: string; blocks?: Blk[] }

const AMS = 'Europe/Amsterdam';
const clock = createTestClock('2030-11-24T20:00:00.000Z');
let store: Store;
let h: Harness;
let urls = 0;

useSlackBot('exchange-sp-slack-live-', (s) => {
  ({ store, h } = s);
  h.fake.users.set('U1', { name: 'Alice Admin', locale: 'en-US', tz: AMS });
  h.fake.users.set('U2', { name: 'Bob Builder', locale: 'en-GB', tz: AMS });
  h.fake.users.set('U3', { name: 'Carol Clicker', locale: 'en-US', tz: 'America/New_York' });
  h.fake.users.set('U5', { name: 'Anna Beheer', locale: 'nl-NL', tz: AMS });
  h.fake.users.set('U6', { name: 'Dirk Diender', locale: 'nl-NL', tz: AMS });
}, { now: () => clock.date(), harness: () => ({ clock }) });

const lastPrivate = (): Msg => h.fake.calls('response_url').at(-1)?.body as unknown as Msg;

function people(channel: string) {
  const who = (user: string) => ({ user, userName: user.toLowerCase(), channel });
  async function typed(text: string, user = 'U1'): Promise<Msg | undefined> {
    const before = h.fake.calls('response_url').length;
    expect((await postSlack(h.baseUrl, slashCommandBody(text, h.fake.responseUrl(`r${++urls}`), who(user)))).status).toBe(200);
    await h.adapter.settled();
    return h.fake.calls('response_url').length > before ? lastPrivate() : undefined;
  }
  async function click(value: string, actionId: string, user: string): Promise<Msg | undefined> {
    const before = h.fake.calls('response_url').length;
    const body = blockActionsBody({ ...who(user), value, actionId, responseUrl: h.fake.responseUrl(`r${++urls}`) });
    expect((await postSlack(h.baseUrl, body)).status).toBe(200);
    await h.adapter.settled();
    return h.fake.calls('response_url').length > before ? lastPrivate() : undefined;
  }
  const blocks = () => h.fake.shown(channel).flatMap((m) => (m.blocks as Blk[]) ?? []);
  const cardText = () => JSON.stringify(blocks());
  /** The card's control for `verb` on the step with this id: a button, or an option of its "…" menu. */
  function button(stepId: string, verb: string): Control {
    const elements = blocks().flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);
    const controls = elements.flatMap((e): Control[] =>
      e.type === 'overflow'
        ? (e.options ?? []).map((o) => ({ actionId: e.action_id, value: o.value, option: true }))
        : [{ actionId: e.action_id, value: e.value, option: false }],
    );
    const found = controls.find((c) => {
      const payload = c.option ? parseOptionValue(c.value)?.payload : parseButtonValue(c.value)?.payload;
      return payload?.k === 'step' && payload.s === stepId && payload.v === verb;
    });
    if (!found) throw new Error(`no ${verb} control on ${stepId}: ${cardText()}`);
    return found;
  }
  async function press(stepId: string, verb: string, user: string): Promise<Msg | undefined> {
    const control = button(stepId, verb);
    if (!control.option) return click(control.value, control.actionId, user);
    const before = h.fake.calls('response_url').length;
    const body = blockActionsBody({ ...who(user), type: 'overflow', actionId: control.actionId, selectedOption: control.value, responseUrl: h.fake.responseUrl(`r${++urls}`) });
    expect((await postSlack(h.baseUrl, body)).status).toBe(200);
    await h.adapter.settled();
    return h.fake.calls('response_url').length > before ? lastPrivate() : undefined;
  }
  const root = () => h.fake.shown(channel)[0];
  const thread = () => h.fake.thread(channel, root().ts).map((m) => m.text);
  async function post(answers: string, user: string): Promise<string> {
    const summary = (await typed(answers, user))!;
    const postButton = (summary.blocks ?? []).flatMap((b) => b.elements ?? []).find((b) => b.style === 'primary')!;
    await click(postButton.value, postButton.action_id, user);
    const scope: Scope = { platform: 'slack', workspace: 'T1', channel };
    const [rollout] = await store.listRollouts(scope);
    return rollout.id;
  }
  return { typed, click, press, button, cardText, thread, root, post };
}

describe('a Slack channel in English', () => {
  const c = people('C-EN');
  let rolloutId = '';

  it('posts the plan; the window is read on the owner’s time zone and shown with the time left', async () => {
    rolloutId = await c.post('2000 standard sp no adc no ts', 'U1');
    expect((await c.typed('window 22:00-02:00'))!.text).toBe(`Maintenance window of rollout #1: 24 Nov 22:00 – 25 Nov 02:00 CET.`);
    expect(c.cardText()).toContain('Maintenance window 24 Nov 22:00 – 25 Nov 02:00 CET · starts in 1 h');
    expect(c.thread()).toContain('Alice Admin set the maintenance window: 24 Nov 22:00 – 25 Nov 02:00 CET.');
    // Carol, in New York, may not set it: only the owner.
    expect((await c.typed('window 17:00-18:00', 'U3'))!.text).toBe('There is no open rollout of yours in this channel to change. Nothing was changed.');
  });

  it('notify #change-board, assign with a mention and the restriction; a teammate is told who may act', async () => {
    expect((await c.typed('notify <#CBOARD1|change-board>'))!.text).toBe(
      `#change-board will hear when rollout #1 gets under way, when a problem is reported and when it completes.`,
    );
    await c.typed('assign 5 <@U2|bob>');
    expect(c.thread()).toContain('Alice Admin assigned step 5 to Bob Builder: Install the service pack.');
    expect(c.cardText()).toContain('assigned to Bob Builder');
    await c.typed('restrict on');
    for (const n of [1, 3, 4]) await c.typed(`confirm ${n}`);
    await c.typed('skip 2 anyway backed up last night');
    expect(h.fake.shown('CBOARD1').map((m) => m.text)).toEqual([
      expect.stringMatching(new RegExp(`^Rollout ${rolloutId}, Service pack rollout plan for Exchange 2000: under way \\(Alice Admin, 21:00 CET\\)\\.$`)),
    ]);
    const events = (await store.getRollout({ platform: 'slack', workspace: 'T1', channel: 'C-EN' }, rolloutId))!.events.length;
    expect((await c.press('apply-update', 'start', 'U3'))!.text).toBe(
      '*5. Install the service pack*\nStep 5 is assigned to Bob Builder: only Bob Builder or the owner, Alice Admin, can start it. Nothing was recorded.',
    );
    expect((await store.getRollout({ platform: 'slack', workspace: 'T1', channel: 'C-EN' }, rolloutId))!.events).toHaveLength(events);
  });

  it('Start shows who is on it since when; the reminder mentions him once; the confirmation says how long it took', async () => {
    await c.press('apply-update', 'start', 'U2');
    expect(c.thread()).toContain('Bob Builder started step 5: Install the service pack.');
    expect(c.cardText()).toContain('in progress — Bob Builder, since 21:00 CET');
    clock.advanceMinutes(46);
    await h.adapter.settled();
    const reminder = '<@U2>: step 5, Install the service pack, has been in progress for 46 min, longer than the 45 min it usually takes. Confirm it when it is done, or report a problem.';
    expect(c.thread().filter((t) => t.includes(reminder))).toHaveLength(1);
    clock.advanceMinutes(10);
    await h.adapter.settled();
    expect(c.thread().filter((t) => t.includes('has been in progress'))).toHaveLength(1);

    await c.press('apply-update', 'confirm', 'U2');
    expect(c.thread()).toContain('Bob Builder confirmed step 5: Install the service pack (took 56 min)');
    await c.press('apply-update', 'undo', 'U2');
    expect(c.thread()).toContain('Bob Builder undid step 5: Install the service pack. Back to: in progress by Bob Builder.');
    expect(c.cardText()).toContain('in progress — Bob Builder, since 21:00 CET');
  });

  it('App Home: the Home tab lists Bob’s step with a link to the plan, as a valid Home view', async () => {
    const res = await postSlack(h.baseUrl, eventCallbackBody({ type: 'app_home_opened', user: 'U2', channel: 'D0BOB', tab: 'home' }), { json: true });
    expect(res.status).toBe(200);
    await h.fake.waitFor((calls) => calls.some((call) => call.method === 'views.publish'));
    await h.adapter.settled();
    const published = h.fake.calls('views.publish').at(-1)!;
    expect(published.body.user_id).toBe('U2');
    const view = h.fake.homeView('U2');
    expect(view?.type).toBe('home');
    const text = JSON.stringify(view?.blocks);
    expect(text).toContain('Your steps');
    expect(text).toMatch(new RegExp(`<https://example\\.slack\\.com/archives/C-EN/p\\d+\\|Service pack rollout plan for Exchange 2000 · rollout #1 · 4 of 6 steps done \\(1 skipped\\)>`));
    expect(text).toContain('5. Install the service pack · in progress since 21:00 CET');
    // The Messages tab is not ours to draw.
    const before = h.fake.calls('views.publish').length;
    await postSlack(h.baseUrl, eventCallbackBody({ type: 'app_home_opened', user: 'U2', channel: 'D0BOB', tab: 'messages' }), { json: true });
    await h.adapter.settled();
    expect(h.fake.calls('views.publish')).toHaveLength(before);
  });

  it('Take it, the window’s end, and the closing summary with the export uploaded in the thread', async () => {
    await c.press('apply-update', 'confirm', 'U2');
    await c.press('full-backup-after', 'take', 'U3');
    expect(c.thread()).toContain('Carol Clicker took step 6: Make a new full backup of the Exchange databases.');
    // 01:31 in Amsterdam, one step open: the owner is reminded, once.
    clock.advanceMinutes(215);
    await h.adapter.settled();
    expect(c.thread().filter((t) => t.includes('<@U1>: the maintenance window ends in 29 min (02:00 CET) and 1 step(s) are still open.'))).toHaveLength(1);
    await c.press('full-backup-after', 'confirm', 'U3');
    const thread = c.thread();
    const summary = thread.find((t) => t.startsWith('Closing summary of Service pack rollout plan for Exchange 2000'))!;
    expect(summary).toContain('Under way 24 Nov 21:00 CET, complete 25 Nov 01:31 CET: 4 h 31 min in all.');
    expect(summary).toContain('5. Install the service pack: 56 min (Bob Builder)');
    expect(summary).toContain('2. Make a full backup, system state included: backed up last night (Alice Admin)');
    expect(summary).toContain('No problems were reported.');
    const [file] = h.fake.files().filter((f) => f.filename.startsWith(`exchange-sp-${rolloutId}`));
    expect(file).toMatchObject({ channel: 'C-EN', threadTs: c.root().ts, comment: expect.stringMatching(new RegExp(`^The full record of rollout ${rolloutId}: \\d+ events\\.$`)) });
    expect(file.content.split('\r\n')[0]).toContain('assignee,startedAt,doneAt,durationSeconds');
    expect(h.fake.shown('CBOARD1').at(-1)?.text).toMatch(/: complete at 01:31 CET, 5 step\(s\) done and 1 skipped, 4 h 31 min in all\.$/);
  });
});

describe('een Slack-kanaal in het Nederlands', () => {
  const c = people('C-NL');

  it('venster, toewijzen, beperken, starten, een herinnering en "mijn stappen", in het Nederlands', async () => {
    const id = await c.post('2000 standaard servicepack geen adc geen ts', 'U5');
    expect((await c.typed('venster 23:00-03:00', 'U5'))!.text).toMatch(new RegExp(`^Onderhoudsvenster van uitrol #1: \\d+ nov 23:00 – \\d+ nov 03:00 CET\\.$`));
    await c.typed('toewijzen 1 <@U6|dirk>', 'U5');
    expect(c.thread()).toContain('Anna Beheer heeft stap 1 toegewezen aan Dirk Diender: Lees de releasenotes van het servicepack.');
    await c.typed('beperk aan', 'U5');
    expect((await c.typed('start 1', 'U2'))!.text).toBe(
      'Step 1 is assigned to Dirk Diender: only Dirk Diender or the owner, Anna Beheer, can start it. Nothing was recorded.',
    );
    const startedAt = clock.date();
    await c.press('release-notes', 'start', 'U6');
    const since = new Intl.DateTimeFormat('nl-NL', { timeZone: AMS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startedAt);
    expect(c.cardText()).toContain(`bezig — Dirk Diender, sinds ${since} CET`);
    expect((await c.typed('mijn stappen', 'U6'))!.blocks?.map((b) => b.text?.text ?? '').join('\n')).toContain(
      `1. Lees de releasenotes van het servicepack · bezig sinds ${since} CET`,
    );
    clock.advanceMinutes(31);
    await h.adapter.settled();
    expect(c.thread().filter((t) => t.startsWith('<@U6>: stap 1, Lees de releasenotes van het servicepack, is al 31 min bezig, langer dan de 30 min'))).toHaveLength(1);
    await c.press('release-notes', 'confirm', 'U6');
    expect(c.thread()).toContain('Dirk Diender heeft stap 1 bevestigd: Lees de releasenotes van het servicepack (duurde 31 min)');
  });
});
