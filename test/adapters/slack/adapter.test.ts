/**
 * The Slack adapter over real signed HTTP, with a scripted core: what reaches the
 * core (scope, user, locale, payload, action key) and how each kind of reply is
 * carried out (ephemeral in place, modal). The plan in the channel is delivered by the
 * publisher from the store: see delivery.test.ts.
 */
import type { Card } from '../../../src/cards/model';
import type { Rollout, Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { startHarness, type Harness } from './harness';
import { scriptedBot, type ScriptedBot } from './scripted-bot';
import { blockActionsBody, postSlack, slashCommandBody, viewSubmissionBody } from '../../kit/slack-requests';
import { slackMessageViolations } from '../../kit/slack-limits-check';

const card = (text: string): Card => ({ fallback: text, blocks: [{ type: 'header', text }, { type: 'text', text: `${text} body` }] });
const scope: Scope = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const rollout = (over: Partial<Rollout> = {}): Rollout =>
  ({ id: 'r1', scope, owner: { id: 'U1', name: 'Alice' }, locale: 'en', messages: [], status: 'active', version: 1, createdAt: '2024-11-24T10:00:00Z', ...over }) as Rollout;
const stepValue = (v: 'confirm' | 'skip' | 'problem' | 'undo', s = 'full-backup') => JSON.stringify({ k: 'step', r: 'r1', s, v });
const noStore = {} as unknown as Store;

let h: Harness;
let bot: ScriptedBot;
beforeEach(async () => {
  bot = scriptedBot();
  h = await startHarness(bot, noStore);
  h.fake.users.set('U1', { name: 'Alice Admin', locale: 'nl-NL' });
  h.fake.users.set('U2', { name: 'Bob Builder', locale: 'en-GB' });
});
afterEach(() => h.close());

describe('requests that are not from Slack get 401 and change nothing', () => {
  const body = () => slashCommandBody('help', h.fake.responseUrl('x'));
  it.each([
    ['a missing signature', { signature: null }],
    ['a wrong signature', { signature: 'v0=' + '0'.repeat(64) }],
    ['a signature made with another secret', { secret: 'not-our-secret' }],
    ['a timestamp 6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['a timestamp 6 minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 360 }],
  ])('%s', async (_name, options) => {
    const res = await postSlack(h.baseUrl, body(), options);
    expect(res.status).toBe(401);
    await h.adapter.settled();
    expect(bot.messages).toHaveLength(0);
    expect(h.fake.calls()).toHaveLength(0);
  });
});

describe('/exchange-sp', () => {
  it('acks at once and hands the text to the core as a command, with scope, name and locale', async () => {
    bot.reply = () => [{ type: 'private', card: card('Which Exchange version?') }];
    const res = await postSlack(h.baseUrl, slashCommandBody('  help ', h.fake.responseUrl('cmd')));
    expect(res.status).toBe(200);
    await h.adapter.settled();
    expect(bot.messages).toEqual([
      {
        inbound: {
          scope,
          user: { id: 'U1', name: 'Alice Admin' },
          place: 'channel',
          locale: 'nl',
          // Kept with a plan this request posts: the installation, and how to answer Alice later.
          address: { teamId: 'T1', userId: 'U1', responseUrl: h.fake.responseUrl('cmd'), at: expect.any(Number) },
        },
        input: { text: 'help', isCommand: true },
      },
    ]);
    const [sent] = h.fake.calls('response_url');
    expect(sent.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'Which Exchange version?' });
    expect(slackMessageViolations(sent.body)).toEqual([]);
  });

  it('turns escaped mentions into users and plain @names', async () => {
    await postSlack(h.baseUrl, slashCommandBody('operators <@U2|bob> <@W77>', h.fake.responseUrl('cmd')));
    await h.adapter.settled();
    expect(bot.messages[0].input).toEqual({
      text: 'operators @Bob Builder @W77',
      isCommand: true,
      mentions: [{ id: 'U2', name: 'Bob Builder' }, { id: 'W77', name: 'W77' }],
    });
  });

  it('uses the Enterprise Grid org as the workspace when there is one', async () => {
    await postSlack(h.baseUrl, slashCommandBody('', h.fake.responseUrl('cmd'), { enterprise: 'E9' }));
    await h.adapter.settled();
    expect(bot.messages[0].inbound.scope).toEqual({ platform: 'slack', workspace: 'E9', channel: 'C1' });
  });

  it('answers before a slow Slack Web API does (the ack never waits for it)', async () => {
    h.fake.delayMs = 2000;
    bot.reply = () => [{ type: 'private', card: card('Which Exchange version?') }];
    const res = await postSlack(h.baseUrl, slashCommandBody('', h.fake.responseUrl('cmd'), { user: 'U2' }));
    expect(res.status).toBe(200);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'users.info'));
    const lookup = h.fake.calls('users.info')[0];
    expect(res.at).toBeLessThan(lookup.answeredAt ?? 0);
    await h.adapter.settled();
    expect(bot.messages[0].inbound.locale).toBe('en');
  });
});

describe('buttons', () => {
  it('a value that is not ours gets a private "not known" line and nothing else', async () => {
    for (const value of ['{"k":"step","r":"r1","s":"x","v":"delete-all"}', 'not json', '']) {
      await postSlack(h.baseUrl, blockActionsBody({ value, responseUrl: h.fake.responseUrl('click') }));
    }
    await h.adapter.settled();
    expect(bot.actions).toHaveLength(0);
    const sent = h.fake.calls('response_url');
    expect(sent).toHaveLength(3);
    for (const c of sent) expect(c.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('knop') });
    expect(h.fake.calls().filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });

  it('a step click reaches the core with an action key made of action_ts, user and action_id', async () => {
    await postSlack(h.baseUrl, blockActionsBody({ value: stepValue('confirm'), actionId: 's1-0', actionTs: '1700000001.000001', user: 'U2', responseUrl: h.fake.responseUrl('c') }));
    await h.adapter.settled();
    expect(bot.actions).toEqual([
      {
        inbound: { scope, user: { id: 'U2', name: 'Bob Builder' }, place: 'channel', locale: 'en' },
        input: { payload: { k: 'step', r: 'r1', s: 'full-backup', v: 'confirm' }, actionKey: '1700000001.000001:U2:s1-0' },
      },
    ]);
  });

  it('a refusal goes to the clicker only', async () => {
    bot.reply = () => [{ type: 'refused', text: 'Step 3 must wait for step 2 <first>.' }];
    await postSlack(h.baseUrl, blockActionsBody({ value: stepValue('confirm'), responseUrl: h.fake.responseUrl('c') }));
    await h.adapter.settled();
    expect(h.fake.calls('response_url').map((c) => c.body)).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: 'Step 3 must wait for step 2 &lt;first&gt;.' },
    ]);
  });

  it('an answer on the interview message replaces that message in place, with the typed text', async () => {
    bot.reply = () => [{ type: 'private', card: card('Which node is passive?') }];
    await postSlack(
      h.baseUrl,
      blockActionsBody({
        value: JSON.stringify({ k: 'answer', q: 'nodeA', i: 'nodeA' }),
        ephemeral: true,
        responseUrl: h.fake.responseUrl('interview'),
        state: { 'input:x': { 'in:nodeA': { type: 'plain_text_input', value: 'EXCH1' } } },
      }),
    );
    await h.adapter.settled();
    expect(bot.actions[0].input).toMatchObject({ payload: { k: 'answer', q: 'nodeA', i: 'nodeA' }, text: 'EXCH1' });
    expect(h.fake.calls('response_url')[0].body).toMatchObject({ replace_original: true, text: 'Which node is passive?' });
  });

  it('Enter in a name field submits the answer its block names', async () => {
    await postSlack(
      h.baseUrl,
      blockActionsBody({ type: 'plain_text_input', actionId: 'in:nodeB', blockId: 'input:{"k":"answer","q":"nodeB","i":"nodeB"}', value: 'EXCH2', ephemeral: true, responseUrl: h.fake.responseUrl('i') }),
    );
    await h.adapter.settled();
    expect(bot.actions[0].input.payload).toEqual({ k: 'answer', q: 'nodeB', i: 'nodeB' });
    expect(bot.actions[0].input.text).toBe('EXCH2');
  });
});

describe('where the request comes from', () => {
  it.each([
    ['a direct message with the bot', { channel: 'D0123' }, 'personal'],
    ['a group DM', { channel: 'G0456', channelName: 'mpdm-alice--bob-1' }, 'group'],
    ['a channel', {}, 'channel'],
  ] as const)('a command in %s says so to the core (its words depend on it)', async (_name, who, place) => {
    await postSlack(h.baseUrl, slashCommandBody('status', h.fake.responseUrl('cmd'), who));
    await h.adapter.settled();
    expect(bot.messages[0].inbound.place).toBe(place);
  });

  it('a click in a direct message is a personal one too', async () => {
    await postSlack(h.baseUrl, blockActionsBody({ value: stepValue('confirm'), channel: 'D0123', responseUrl: h.fake.responseUrl('c') }));
    await h.adapter.settled();
    expect(bot.actions[0].inbound.place).toBe('personal');
  });
});

describe('the "…" menu beside a step, and the people picker', () => {
  const option = (payload: Record<string, unknown>) => JSON.stringify(payload);

  it('a plain option (Undo, Details) reaches the core like a button, with its action key', async () => {
    await postSlack(h.baseUrl, blockActionsBody({ type: 'overflow', actionId: 'o3-4', actionTs: '1700000003.000003', selectedOption: stepValue('undo'), responseUrl: h.fake.responseUrl('c') }));
    await postSlack(h.baseUrl, blockActionsBody({ type: 'overflow', actionId: 'o3-4', selectedOption: option({ k: 'details', r: 'r1', s: 'full-backup' }), responseUrl: h.fake.responseUrl('c') }));
    await h.adapter.settled();
    expect(bot.actions.map((a) => a.input)).toEqual([
      { payload: { k: 'step', r: 'r1', s: 'full-backup', v: 'undo' }, actionKey: '1700000003.000003:U1:o3-4' },
      { payload: { k: 'details', r: 'r1', s: 'full-backup' }, actionKey: expect.stringMatching(/:U1:o3-4$/) },
    ]);
  });

  it("Skip… in the menu opens the modal with the core's words, in the card's language", async () => {
    const value = option({ o: { k: 'step', r: 'r1', s: 'full-backup', v: 'skip' }, l: 'nl', n: 2 });
    await postSlack(h.baseUrl, blockActionsBody({ type: 'overflow', actionId: 'o2-1', selectedOption: value, responseUrl: h.fake.responseUrl('c') }));
    await h.adapter.settled();
    const [open] = h.fake.calls('views.open');
    const view = open.body.view as { title: { text: string }; submit: { text: string }; blocks: { label: { text: string } }[] };
    expect([view.title.text, view.submit.text, view.blocks[0].label.text]).toEqual(['Stap 2 overslaan', 'Stap overslaan', 'Waarom slaat u deze stap over?']);
    expect(bot.actions).toHaveLength(0);
  });

  it('an option that is not ours gets a private "not known" line and nothing else', async () => {
    for (const value of [option({ o: { k: 'step', r: 'r1', s: 'x', v: 'confirm' }, l: 'en', n: 1 }), 'x'.repeat(151), '{']) {
      await postSlack(h.baseUrl, blockActionsBody({ type: 'overflow', selectedOption: value, responseUrl: h.fake.responseUrl('bad') }));
    }
    await h.adapter.settled();
    expect(bot.actions).toHaveLength(0);
    expect(h.fake.calls('response_url')).toHaveLength(3);
  });

  it("the people picker's choice reaches the core named, with the rollout its block names", async () => {
    const blockId = `pick:p-9:${JSON.stringify({ k: 'operators', r: 'r1', v: 'pick' })}`;
    await postSlack(h.baseUrl, blockActionsBody({ type: 'multi_users_select', blockId, selectedUsers: ['U2', 'U2', 'U77'], responseUrl: h.fake.responseUrl('p') }));
    await h.adapter.settled();
    expect(bot.actions[0].input).toEqual({
      payload: { k: 'operators', r: 'r1', v: 'pick' },
      actionKey: expect.any(String),
      people: { found: [{ id: 'U2', name: 'Bob Builder' }, { id: 'U77', name: 'U77' }], unknownIds: [] },
    });
    // A picker whose block was altered is not ours.
    await postSlack(h.baseUrl, blockActionsBody({ type: 'multi_users_select', blockId: 'pick:p-9:{"k":"step"}', selectedUsers: ['U2'], responseUrl: h.fake.responseUrl('p2') }));
    await h.adapter.settled();
    expect(bot.actions).toHaveLength(1);
  });

  it('a refused click names its step in the private answer', async () => {
    bot.reply = () => [
      { type: 'refused', text: 'Step 5 must wait for steps 2–4: confirm or skip those first.', on: { rollout: rollout(), cards: [], step: { number: 5, title: 'Install the service pack on <EXCH2>' } } },
    ];
    await postSlack(h.baseUrl, blockActionsBody({ value: stepValue('confirm'), responseUrl: h.fake.responseUrl('c') }));
    await h.adapter.settled();
    expect(h.fake.calls('response_url').map((c) => c.body)).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: '*5. Install the service pack on &lt;EXCH2&gt;*\nStep 5 must wait for steps 2–4: confirm or skip those first.',
      },
    ]);
  });
});

describe('a button that needs a note opens a modal', () => {
  const skipValue = JSON.stringify({ a: { k: 'step', r: 'r1', s: 'full-backup', v: 'skip' }, n: { t: 'Skip step 1', l: 'Why?', s: 'Skip step' }, s: 1 });

  async function openModal(): Promise<string> {
    await postSlack(h.baseUrl, blockActionsBody({ value: skipValue, actionId: 's1-1', actionTs: '1700000002.000002', responseUrl: h.fake.responseUrl('c') }));
    await h.adapter.settled();
    const [open] = h.fake.calls('views.open');
    expect(open.body.trigger_id).toBe('333.444.def');
    const view = open.body.view as { title: { text: string }; submit: { text: string }; private_metadata: string };
    expect(view.title.text).toBe('Skip step 1');
    expect(view.submit.text).toBe('Skip step');
    expect(bot.actions).toHaveLength(0);
    return view.private_metadata;
  }

  it('a blank note is refused in the modal itself', async () => {
    const metadata = await openModal();
    const res = await postSlack(h.baseUrl, viewSubmissionBody(metadata, '   '));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ response_action: 'errors', errors: { note: expect.stringContaining('1') } });
    await h.adapter.settled();
    expect(bot.actions).toHaveLength(0);
  });

  it('the note goes to the core with the click\'s action key', async () => {
    const metadata = await openModal();
    const res = await postSlack(h.baseUrl, viewSubmissionBody(metadata, ' done last night '));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    await h.adapter.settled();
    expect(bot.actions[0].input).toEqual({
      payload: { k: 'step', r: 'r1', s: 'full-backup', v: 'skip' },
      actionKey: '1700000002.000002:U1:s1-1',
      text: 'done last night',
    });
  });
});
