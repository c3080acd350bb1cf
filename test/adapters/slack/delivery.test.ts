/**
 * The plan in a Slack channel, delivered by the publisher from a real SQLite store to
 * a fake Slack that is as strict as Slack: posted (split when long) and each part
 * recorded, redrawn from the latest state after a burst, every thread line once, a
 * 429 waited out and a 5xx retried without ever resending an old drawing, a deleted
 * part posted again, and a plan Slack will not take explained to its owner.
 * What is checked is what the channel shows (fake.shown / fake.thread).
 */
import path from 'node:path';
import { buildPlan } from '../../../conversations/plan';
import type { CompleteAnswers } from '../../../conversations/types';
import type { Bot } from '../../../src/bot/types';
import type { Rollout, Scope, UserRef } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { widePlan } from '../../src/rollout/fixtures';
import { useSlackBot, type Harness } from './harness';
import { slackMessageViolations } from '../../kit/slack-limits-check';
import { blockActionsBody, postSlack, slashCommandBody } from '../../kit/slack-requests';

const scope: Scope = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const alice: UserRef = { id: 'U1', name: 'Alice Admin' };
const bob: UserRef = { id: 'U2', name: 'Bob Builder' };
const cluster: CompleteAnswers = {
  version: '2000', product: 'enterprise', topology: 'active-active', change: 'service-pack',
  nodeA: 'EXCH1', nodeB: 'EXCH2', evsA: 'EVS1', evsB: 'EVS2', adc: true, adcCustomMaps: true, terminalServices: true,
};

let store: Store;
let bot: Bot;
let h: Harness;
let keys = 0;
useSlackBot('exchange-sp-delivery-', (s) => {
  ({ store, bot, h } = s);
  h.fake.users.set('U1', { name: alice.name, locale: 'en-US' });
  h.fake.users.set('U3', { name: 'Bram', locale: 'nl-NL' });
}, { each: true, deliveryDelayMs: 50 });

async function newRollout(options: { answers?: CompleteAnswers; plan?: Rollout['plan']; owner?: UserRef; locale?: 'en' | 'nl' } = {}): Promise<Rollout> {
  const answers = options.answers ?? cluster;
  const owner = options.owner ?? alice;
  const { rollout } = await store.createRollout({
    scope, owner, locale: options.locale ?? 'en', answers, plan: options.plan ?? buildPlan(answers), operators: [], actionKey: `post-${++keys}`,
    address: { teamId: 'T1', userId: owner.id, responseUrl: h.fake.responseUrl(`owner-${keys}`), at: Date.now() },
  });
  return rollout;
}
const confirm = (rollout: Rollout, stepId: string, who: UserRef = bob) =>
  store.applyAction(scope, rollout.id, { verb: 'confirm', stepId, actor: who, actionKey: `k-${++keys}` }, new Date());
const shownText = () => h.fake.shown('C1').map((m) => JSON.stringify(m.blocks)).join('\n');
const threadLines = (ts: string) => h.fake.thread('C1', ts).flatMap((m) => m.text.split('\n'));

it('posts a long plan in parts within Block Kit limits, records each, and tells the owner in place of the summary', async () => {
  const rollout = await newRollout({ plan: { ...buildPlan(cluster), steps: [...buildPlan(cluster).steps, ...widePlan(30).steps] } });
  await h.adapter.settled();
  const shown = h.fake.shown('C1');
  expect(shown.length).toBeGreaterThan(1);
  for (const part of shown) expect(slackMessageViolations({ text: part.text, blocks: part.blocks })).toEqual([]);
  const stored = (await store.getRollout(scope, rollout.id))!.rollout;
  expect(stored.messages.map((m) => m.id)).toEqual(shown.map((m) => m.ts));
  const notice = h.fake.calls('response_url').at(-1)!;
  expect(notice.path).toBe(`/response/owner-${keys}`);
  expect(notice.body).toMatchObject({ replace_original: true, text: expect.stringMatching(new RegExp(`^Posted in this channel: .*\\(#${rollout.ref}\\)\\.$`)) });
  expect(await store.getDelivery(scope, rollout.id)).toMatchObject({ postState: 'posted', dueAt: null });
});

it('a burst of clicks becomes a redraw of the latest state and every line once, in a few thread messages', async () => {
  const rollout = await newRollout({ plan: widePlan(12) });
  await h.adapter.settled();
  const posts = h.fake.calls('chat.postMessage').length;
  await Promise.all(Array.from({ length: 12 }, (_, i) => confirm(rollout, `step-${i + 1}`)));
  await h.adapter.settled();
  const [root] = h.fake.shown('C1');
  // The card shows all twelve, drawn in one or two redraws (a burst shares one).
  expect(root.updates).toBeGreaterThanOrEqual(1);
  expect(root.updates).toBeLessThanOrEqual(3);
  expect((shownText().match(/white_check_mark/g) ?? []).length).toBe(12);
  // The events' lines, then (once complete) the closing summary in one message of its own.
  const messages = h.fake.thread('C1', root.ts);
  const summaries = messages.filter((m) => m.text.startsWith('Closing summary of'));
  expect(summaries).toHaveLength(1);
  const lines = messages.filter((m) => !summaries.includes(m)).flatMap((m) => m.text.split('\n'));
  expect(lines.filter((l) => l.startsWith('Bob Builder confirmed step'))).toHaveLength(12);
  expect(new Set(lines).size).toBe(lines.length);
  expect(lines.at(-1)).toBe('Rollout complete. Every step is done or skipped.');
  expect(messages.at(-1)).toBe(summaries[0]);
  expect(h.fake.calls('chat.postMessage').length - posts).toBeLessThanOrEqual(4);
  // Its export, once, in the plan's thread.
  expect(h.fake.files().filter((f) => f.filename.startsWith(`exchange-sp-${rollout.id}-`))).toHaveLength(1);
});

it('a 429 on chat.update is waited out (Retry-After), and what goes out then is the latest state', async () => {
  const rollout = await newRollout({ plan: widePlan(3) });
  await h.adapter.settled();
  h.fake.rateLimit('chat.update', 1);
  await confirm(rollout, 'step-1');
  await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update'));
  // Another click while the channel waits: the retry draws both.
  await confirm(rollout, 'step-2');
  await h.publisher!.idle({ horizonMs: 3000, timeoutMs: 8000 });
  const updates = h.fake.calls('chat.update');
  expect(updates).toHaveLength(2);
  expect(updates[1].receivedAt - (updates[0].answeredAt ?? 0)).toBeGreaterThanOrEqual(950);
  expect((shownText().match(/white_check_mark/g) ?? []).length).toBe(2);
  expect(threadLines(h.fake.shown('C1')[0].ts)).toEqual([
    expect.stringMatching(/^Bob Builder confirmed step 1/),
    expect.stringMatching(/^Bob Builder confirmed step 2/),
  ]);
});

it('a 5xx on chat.update is retried with backoff until the card is right', async () => {
  const rollout = await newRollout({ plan: widePlan(2) });
  await h.adapter.settled();
  h.fake.fail('chat.update', 503, 1);
  await confirm(rollout, 'step-1');
  await h.publisher!.idle({ horizonMs: 3000, timeoutMs: 8000 });
  expect(h.fake.calls('chat.update')).toHaveLength(2);
  expect((shownText().match(/white_check_mark/g) ?? []).length).toBe(1);
});

it('a plan part someone deleted is posted again, and the rollout knows where', async () => {
  const rollout = await newRollout({ plan: widePlan(2) });
  await h.adapter.settled();
  const [first] = h.fake.shown('C1');
  // Someone deletes the plan's message in Slack.
  first.deleted = true;
  await confirm(rollout, 'step-1');
  await h.adapter.settled();
  const [again] = h.fake.shown('C1');
  expect(again.ts).not.toBe(first.ts);
  expect((await store.getRollout(scope, rollout.id))!.rollout.messages.map((m) => m.id)).toEqual([again.ts]);
  expect(threadLines(again.ts)).toEqual([expect.stringMatching(/^Bob Builder confirmed step 1/)]);
});

describe('a plan Slack will not take', () => {
  it.each([
    ['not_in_channel', /^I could not post the plan in this channel \(not_in_channel\).*\/invite @exchange-sp/],
    ['channel_not_found', /^I could not post the plan in this channel \(channel_not_found\)/],
  ])('%s: the owner is told in place of the summary, nothing says "posted", and posting again is one click', async (error, expected) => {
    h.fake.errors.set('chat.postMessage', error);
    // Alice answers the interview and clicks "Post plan" on her private summary.
    const post = () => postSlack(h.baseUrl, blockActionsBody({ value: JSON.stringify({ k: 'dialog', c: 'confirm' }), ephemeral: true, responseUrl: h.fake.responseUrl('i2') }));
    await postSlack(h.baseUrl, slashCommandBody('2000 standard sp no adc no ts', h.fake.responseUrl('i1')));
    await h.adapter.settled();
    expect(JSON.stringify(h.fake.calls('response_url').at(-1)?.body)).toMatch(/Your answers/);
    await post();
    await h.adapter.settled();
    const said = h.fake.calls('response_url').filter((c) => c.path === '/response/i2').map((c) => String(c.body.text));
    expect(said).toEqual([expect.stringMatching(/^Posting the plan in this channel/), expect.stringMatching(expected)]);
    expect(said.join('\n')).not.toMatch(/Posted in the channel/);
    expect(h.fake.calls('chat.postMessage')).toHaveLength(1);
    expect(h.fake.shown('C1')).toEqual([]);
    // The interview waits at its summary: once the bot is invited, one "post" does it.
    h.fake.errors.delete('chat.postMessage');
    await postSlack(h.baseUrl, slashCommandBody('', h.fake.responseUrl('i3')));
    await h.adapter.settled();
    expect(JSON.stringify(h.fake.calls('response_url').filter((c) => c.path === '/response/i3').at(-1)?.body)).toMatch(/Your answers/);
    await post();
    await h.adapter.settled();
    expect(h.fake.shown('C1')).toHaveLength(1);
    expect(await bot.openRollouts(scope)).toHaveLength(1);
  });

  it('in the owner\'s own language', async () => {
    h.fake.errors.set('chat.postMessage', 'not_in_channel');
    await newRollout({ owner: { id: 'U3', name: 'Bram' }, locale: 'nl' });
    await h.adapter.settled();
    const notice = h.fake.calls('response_url').at(-1)!;
    expect(notice.body.text).toMatch(/^Ik kon het plan niet in dit kanaal plaatsen \(not_in_channel\)/);
  });

  it('a 5xx on the first post is not repeated blindly (it may be there): the owner is told', async () => {
    h.fake.fail('chat.postMessage', 500, 1);
    await newRollout();
    await h.adapter.settled();
    expect(h.fake.calls('chat.postMessage')).toHaveLength(1);
    expect(h.fake.calls('response_url').at(-1)?.body.text).toMatch(/^The plan did not get through just now \(http_500\)/);
  });
});
