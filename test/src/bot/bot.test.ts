/**
 * The core as adapters see it: replies to messages and clicks, on a real SQLite file.
 */
import type { Bot, Inbound, Reply } from '../../../src/bot/types';
import { renderCardAsText } from '../../../src/cards/text';
import type { Store } from '../../../src/store/store';
import { useBot } from '../../support/bot-suite';

const ops: Inbound = { scope: { platform: 'slack', workspace: 'T-ACME', channel: 'C-OPS' }, user: { id: 'U-ALICE', name: 'Alice' } };
const bob: Inbound = { ...ops, user: { id: 'U-BOB', name: 'Bob' } };
const otherChannel: Inbound = { ...ops, scope: { ...ops.scope, channel: 'C-ELSEWHERE' } };

const textOf = (replies: Reply[]) =>
  replies
    .map((r) => (r.type === 'private' ? renderCardAsText(r.card).text : r.type === 'refused' ? r.text : `<${r.type}>`))
    .join('\n');

describe('the bot core', () => {
  let store: Store;
  let bot: Bot;
  useBot('exsp-bot-', (s) => {
    ({ store, bot } = s);
  }, { now: () => new Date('2026-11-24T09:00:00Z') });

  /** Alice posts a plan; the publisher would then record where it went (markPosted). */
  async function postPlan(who: Inbound = ops, actionKey = 'post-1') {
    await bot.handleMessage(who, { text: '2000 standard sp no adc no ts', isCommand: true });
    const replies = await bot.handleAction(who, { payload: { k: 'dialog', c: 'confirm' }, actionKey });
    const [rollout] = await store.listRollouts(who.scope, { limit: 1 });
    if (!rollout || rollout.owner.id !== who.user.id) throw new Error(`no plan posted: ${textOf(replies)}`);
    return { replies, rollout, markPosted: () => store.setMessages(who.scope, rollout.id, [{ id: 'ts-1' }]) };
  }

  it('posting replaces the summary with a note, records the delivery, and a second click on "Post plan" posts nothing more', async () => {
    const { replies, rollout, markPosted } = await postPlan({ ...ops, address: { teamId: 'T-ACME' } });
    // "Posting", not "posted": the publisher posts it, and only then says so.
    expect(replies.map((r) => r.type)).toEqual(['private']);
    expect(textOf(replies)).toContain('Posting the plan in this channel: Service pack rollout plan for Exchange 2000 (#1)…');
    expect(rollout).toMatchObject({ ref: 1, place: 'channel' });
    expect(await store.getDelivery(ops.scope, rollout.id)).toMatchObject({ postState: 'pending', address: { teamId: 'T-ACME' } });
    await markPosted();
    const again = await bot.handleAction(ops, { payload: { k: 'dialog', c: 'confirm' }, actionKey: 'post-2' });
    expect(again.map((r) => r.type)).toEqual(['private']);
    expect(textOf(again)).toContain('This interview has already ended');
    expect(await bot.openRollouts(ops.scope)).toHaveLength(1);
  });

  it('a plan the platform could not post: the answers wait at the summary, and the orphan stays out of status', async () => {
    // A plan that did reach the channel first: status must list it, so an empty status cannot pass for the orphan's absence.
    const { rollout: shown, markPosted } = await postPlan(bob, 'post-bob');
    await markPosted();
    const { rollout } = await postPlan();
    await bot.planNotPosted(ops.scope, rollout.id);
    const status = textOf(await bot.handleMessage(ops, { text: 'status' }));
    expect(status).toContain(`Service pack rollout plan for Exchange 2000 · 0 of 6 steps done · #${shown.ref}, started by Bob`);
    expect(status).not.toContain(`#${rollout.ref},`);
    const resumed = await bot.handleMessage(ops, { text: '', isCommand: true });
    expect(textOf(resumed)).toContain('Post plan');
    await bot.handleAction(ops, { payload: { k: 'dialog', c: 'confirm' }, actionKey: 'post-again' });
    const [second] = await store.listRollouts(ops.scope, { limit: 1 });
    expect(second.id).not.toBe(rollout.id);
    expect(second.answers).toEqual(rollout.answers);
  });

  it('the same click delivered twice records one event, and its delivery once', async () => {
    const { rollout } = await postPlan();
    const click = { payload: { k: 'step' as const, r: rollout.id, s: 'release-notes', v: 'confirm' as const }, actionKey: 'click-1' };
    const first = await bot.handleAction(bob, click);
    const second = await bot.handleAction(bob, click);
    // The clicker's own answer is the redrawn card; the channel's copy and the thread line come from the outbox.
    expect(first.map((r) => r.type)).toEqual(['update-plan']);
    expect(second.map((r) => r.type)).toEqual(['update-plan']);
    const snapshot = await store.getRollout(ops.scope, rollout.id);
    expect(snapshot!.events.map((e) => e.type)).toEqual(['created', 'confirmed']);
    expect(await store.getDelivery(ops.scope, rollout.id)).toMatchObject({ wantedVersion: 2 });
  });

  it("a button pointing at another channel's rollout is refused and changes nothing", async () => {
    const { rollout } = await postPlan();
    const replies = await bot.handleAction(otherChannel, {
      payload: { k: 'step', r: rollout.id, s: 'release-notes', v: 'confirm' },
      actionKey: 'forged-1',
    });
    expect(replies).toEqual([{ type: 'refused', text: 'I do not know that rollout in this channel. Nothing was changed.' }]);
    expect((await store.getRollout(ops.scope, rollout.id))!.events).toHaveLength(1);
  });

  it('status lists the open rollouts of this channel only, with progress', async () => {
    const { rollout, markPosted } = await postPlan();
    await markPosted();
    expect(textOf(await bot.handleMessage(ops, { text: 'status' }))).toContain(
      `Service pack rollout plan for Exchange 2000 · 0 of 6 steps done · #${rollout.ref}, started by Alice`,
    );
    expect(textOf(await bot.handleMessage(otherChannel, { text: 'status' }))).toContain('There are no open rollouts in this channel.');
  });

  it('when the database fails, the user is told to try again and no stack trace escapes', async () => {
    const { rollout } = await postPlan();
    await store.close();
    const replies = await bot.handleAction(bob, { payload: { k: 'step', r: rollout.id, s: 'release-notes', v: 'confirm' }, actionKey: 'c-2' });
    expect(replies).toEqual([
      { type: 'refused', text: 'I cannot reach my database right now, so nothing was recorded. Please try again in a moment.' },
    ]);
    expect(await bot.healthy()).toBe(false);
  });

  it('the chosen language sticks to the person, and the plan is drawn in it', async () => {
    await bot.handleMessage(ops, { text: 'nl', isCommand: true });
    await bot.handleMessage(ops, { text: '5.5 standaard servicepack geen mbm geen interorg' });
    const replies = await bot.handleAction(ops, { payload: { k: 'dialog', c: 'confirm' }, actionKey: 'post-nl' });
    expect(textOf(replies)).toContain('Het plan wordt in dit kanaal geplaatst: Uitrolplan servicepack voor Exchange 5.5 (#1)…');
    const [posted] = await store.listRollouts(ops.scope, { limit: 1 });
    await store.setMessages(ops.scope, posted.id, [{ id: 'ts-nl' }]);
    const status = await bot.handleMessage(ops, { text: 'status' });
    expect(textOf(status)).toContain('Lopende uitrollen in dit kanaal');
  });
});
