/**
 * A campaign in Slack, through the real Bolt adapter, the real core and a SQLite file,
 * against the strict fake Slack: /exchange-sp with two servers answers privately and
 * posts from one click; the channel shows the campaign card, and each server's card
 * in its thread; an early click in wave 2 is refused to the clicker alone and records
 * nothing; a release typed with a reason is recorded, and the click then goes
 * through; the campaign card follows every server's progress.
 */
import { parseButtonValue } from '../../../adapters/slack/button-value';
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import type { ShownMessage } from '../../kit/fake-slack';
import { useSlackBot, type Harness } from './harness';
import { slackMessageViolations } from '../../kit/slack-limits-check';
import { blockActionsBody, postSlack, slashCommandBody } from '../../kit/slack-requests';

interface Btn { action_id: string; value: string; style?: string; text: { text: string } }
interface Blk { type: string; text?: { text: string }; elements?: Btn[]; accessory?: Btn }
interface Msg { text: string; blocks?: Blk[]; replace_original?: boolean; response_type?: string }

const scope: Scope = { platform: 'slack', workspace: 'T1', channel: 'C1' };
let store: Store;
let h: Harness;
let urls = 0;

useSlackBot('exchange-sp-slack-campaign-', (s) => {
  ({ store, h } = s);
  h.fake.users.set('U1', { name: 'Alice Admin', locale: 'en-US' });
  h.fake.users.set('U2', { name: 'Bob Builder', locale: 'en-GB' });
});

const lastPrivate = (): Msg => h.fake.calls('response_url').at(-1)?.body as unknown as Msg;
const buttonsOf = (blocks: Blk[] = []): Btn[] => blocks.flatMap((b) => [...(b.type === 'actions' ? b.elements ?? [] : []), ...(b.accessory ? [b.accessory] : [])]);
const textOf = (m: ShownMessage): string => (m.blocks as Blk[]).map((b) => b.text?.text ?? '').join('\n');

async function command(text: string, user = 'U1'): Promise<Msg> {
  await postSlack(h.baseUrl, slashCommandBody(text, h.fake.responseUrl(`c${++urls}`), { user, userName: user === 'U1' ? 'alice' : 'bob' }));
  await h.adapter.settled();
  return lastPrivate();
}

async function click(button: Btn, options: { user?: string; messageTs?: string; ephemeral?: boolean } = {}): Promise<Msg | undefined> {
  const before = h.fake.calls('response_url').length;
  const res = await postSlack(h.baseUrl, blockActionsBody({ responseUrl: h.fake.responseUrl(`k${++urls}`), value: button.value, actionId: button.action_id, ...options }));
  expect(res.status).toBe(200);
  await h.adapter.settled();
  return h.fake.calls('response_url').length > before ? lastPrivate() : undefined;
}

/** The campaign card (the channel's one top-level message) and what its thread holds. */
const campaignCard = (): ShownMessage => {
  const top = h.fake.shown('C1');
  expect(top).toHaveLength(1);
  return top[0];
};
const serverCard = (server: string): ShownMessage | undefined =>
  h.fake.thread('C1', campaignCard().ts).find((m) => m.blocks.length > 0 && (m.blocks[0] as Blk).text?.text.startsWith(`${server}:`));
const threadLines = (): string[] => h.fake.thread('C1', campaignCard().ts).filter((m) => m.blocks.length === 0).flatMap((m) => m.text.split('\n'));
const confirmOf = (card: ShownMessage, step: number): Btn | undefined => {
  const blocks = card.blocks as Blk[];
  const at = blocks.findIndex((b) => b.type === 'section' && new RegExp(`^:[a-z_]+: \\*${step}\\. `).test(b.text?.text ?? ''));
  const near = [blocks[at]?.accessory, ...(blocks[at + 1]?.type === 'actions' ? blocks[at + 1].elements ?? [] : [])].filter((b): b is Btn => Boolean(b));
  return near.find((b) => parseButtonValue(b.value)?.payload.k === 'step' && b.value.includes('"v":"confirm"'));
};
const eventsOf = async (server: string) => {
  const rollouts = await store.listRollouts(scope, { limit: 10 });
  const member = rollouts.find((r) => r.plan.title.params?.server === server);
  return (await store.getRollout(scope, member!.id))!.events;
};

describe('a campaign in Slack', () => {
  it('a list of two servers is answered privately and posted with one click: the campaign card, each server in its thread', async () => {
    const summary = await command('EXCH1 2000 standard sp no adc no ts; CLUS1 2000 enterprise active/passive N1 N2 evs MAIL1 no adc');
    expect(slackMessageViolations(summary)).toEqual([]);
    expect(summary.text).toBe('Campaign of 2 servers: type post (or yes), or change the waves.');
    const post = buttonsOf(summary.blocks).find((b) => b.style === 'primary');
    expect(post?.text.text).toBe('Post campaign');
    await click(post!, { ephemeral: true });
    // The campaign card is the one message in the channel; the owner's summary became the note that it is there.
    const card = campaignCard();
    expect(textOf(card)).toContain('Campaign: one change on 2 Exchange servers');
    expect(lastPrivate()).toMatchObject({ replace_original: true, text: "Posted in this channel: Campaign: one change on 2 Exchange servers (#1). Each server's plan follows in its thread." });
    expect(serverCard('EXCH1')?.threadTs).toBe(card.ts);
    expect(serverCard('CLUS1')?.threadTs).toBe(card.ts);
    const thread = h.fake.thread('C1', card.ts).map((m) => (m.blocks[0] as Blk | undefined)?.text?.text ?? '');
    expect(thread.findIndex((t) => t.startsWith('EXCH1:'))).toBeLessThan(thread.findIndex((t) => t.startsWith('CLUS1:')));
    // One shared release-notes step for both servers, and the domain controllers' backup, each once.
    expect(textOf(card).match(/Read the release notes/g)).toHaveLength(1);
    expect(textOf(card)).toContain('Back up the system state of the domain controllers');
    for (const c of [...h.fake.calls('chat.postMessage'), ...h.fake.calls('chat.update')]) {
      if (Array.isArray(c.body.blocks)) expect(slackMessageViolations(c.body)).toEqual([]);
    }
  });

  it('an early click in wave 2 is refused to the clicker only, and records nothing', async () => {
    const clus = serverCard('CLUS1')!;
    expect(textOf(clus)).toContain('wave 2 · Waits until wave 1 is complete (EXCH1)');
    const answer = await click(confirmOf(clus, 1)!, { user: 'U2', messageTs: clus.ts });
    expect(answer).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Step 1 on CLUS1 must wait: CLUS1 is in wave 2, which starts once wave 1 is complete (EXCH1).') });
    expect((await eventsOf('CLUS1')).map((e) => e.type)).toEqual(['created']);
    expect(threadLines()).toEqual([]);
  });

  it('the owner releases wave 2 with a reason; the release is in the thread and the click goes through', async () => {
    expect((await command('release wave 2 looks fine', 'U2')).text).toMatch(/Only Alice Admin, who posted this campaign, can release CLUS1/);
    expect((await command('release wave 2 EXCH1 ran clean in the lab')).text).toBe('Released early, may start now: CLUS1.');
    expect(threadLines()).toEqual(['CLUS1 · Alice Admin let CLUS1 start before its wave. Reason: EXCH1 ran clean in the lab']);
    const clus = serverCard('CLUS1')!;
    expect(textOf(clus)).toContain('Released early by Alice Admin: EXCH1 ran clean in the lab');
    await click(confirmOf(clus, 1)!, { user: 'U2', messageTs: clus.ts });
    expect((await eventsOf('CLUS1')).map((e) => `${e.type}:${e.actor.name}`)).toEqual(['created:Alice Admin', 'released:Alice Admin', 'confirmed:Bob Builder']);
    expect(threadLines().at(-1)).toBe('CLUS1 · Bob Builder confirmed step 1: Make a full backup, system state included');
    // The campaign card follows: CLUS1 is one step further, and released.
    expect(textOf(campaignCard())).toContain('CLUS1 · 1 of 7 steps · released early by Alice Admin: EXCH1 ran clean in the lab');
  });

  it('the shared steps are confirmed on the campaign card itself', async () => {
    const card = campaignCard();
    const shared = buttonsOf(card.blocks as Blk[]).find((b) => parseButtonValue(b.value)?.payload.k === 'step' && b.value.includes('"v":"confirm"'));
    await click(shared!, { messageTs: card.ts });
    expect(threadLines().at(-1)).toBe('Alice Admin confirmed step 1: Read the release notes of the service pack');
    expect(textOf(campaignCard())).toContain(':white_check_mark: *1. Read the release notes of the service pack* · Done by Alice Admin');
    for (const c of [...h.fake.calls('chat.postMessage'), ...h.fake.calls('chat.update')]) {
      if (Array.isArray(c.body.blocks)) expect(slackMessageViolations(c.body)).toEqual([]);
    }
  });
});

describe('a campaign card Slack refuses', () => {
  it('posts none of its servers, tells the owner, and keeps the campaign at its summary: posting again is one click', async () => {
    const c2 = { channel: 'C2' };
    const ask = async (text: string) => {
      await postSlack(h.baseUrl, slashCommandBody(text, h.fake.responseUrl(`c${++urls}`), c2));
      await h.adapter.settled();
      return lastPrivate();
    };
    const summary = await ask('EXCH1 2000 standard sp no adc no ts; EXCH2 2000 standard no adc no ts');
    const post = buttonsOf(summary.blocks).find((b) => b.style === 'primary')!;
    h.fake.errors.set('chat.postMessage', 'not_in_channel');
    try {
      await postSlack(h.baseUrl, blockActionsBody({ responseUrl: h.fake.responseUrl(`k${++urls}`), value: post.value, actionId: post.action_id, ephemeral: true, ...c2 }));
      await h.adapter.settled();
    } finally {
      h.fake.errors.delete('chat.postMessage');
    }
    expect(lastPrivate().text).toMatch(/^I could not post the plan in this channel \(not_in_channel\)/);
    const rollouts = await store.listRollouts({ ...scope, channel: 'C2' });
    expect(rollouts).toHaveLength(3);
    for (const r of rollouts) expect((await store.getDelivery({ ...scope, channel: 'C2' }, r.id))?.postState).toBe('failed');
    expect(h.fake.shown('C2')).toEqual([]);
    // The bot is invited; /exchange-sp brings the campaign back at its summary.
    const again = await ask('');
    expect(again.text).toBe('Campaign of 2 servers: type post (or yes), or change the waves.');
    await click(buttonsOf(again.blocks).find((b) => b.style === 'primary')!, { ephemeral: true, ...c2 } as never);
    const top = h.fake.shown('C2');
    expect(top).toHaveLength(1);
    expect(h.fake.thread('C2', top[0].ts).map((m) => (m.blocks[0] as Blk).text?.text.split(':')[0])).toEqual(['EXCH1', 'EXCH2']);
  });
});
