/**
 * The whole Teams story through the real CloudAdapter, the real core (createBot) and a
 * temp SQLite file: Alice @mentions the bot in a channel, answers the interview on
 * cards in her personal chat with the bot, posts the plan in the channel; Alice and Bob confirm steps on the card. Every click is
 * answered with the redrawn card, the posted plan is updated for everyone with both
 * names, each confirmation gets a line in the plan's thread, refusals go to the
 * clicker only, and a re-delivered invoke records once.
 */
import { createBot } from '../../../src/bot';
import type { Store } from '../../../src/store/store';
import { ALICE, BOB, CHANNEL, invokeActivity, messageActivity, type Where } from '../../kit/teams-activities';
import type { ConnectorCall } from '../../kit/fake-connector';
import { useTeamsBot, type Harness } from './helpers/harness';
import { guardNetwork } from '../../kit/guard-network';
import { allTexts, cardProblems, executeActions, textsIn } from './helpers/validate-card';

type Json = Record<string, unknown>;
let store: Store;
let h: Harness;
let where: Where;

guardNetwork();
useTeamsBot('xsp-teams-', (s) => {
  ({ store, h } = s);
  where = { serviceUrl: h.connector.serviceUrl, conversationId: `${CHANNEL};messageid=1711000000001` };
});

const sentCards = (calls: ConnectorCall[]) => calls.filter((c) => c.method === 'POST').flatMap((c) => h.connector.cardsIn(c));
const texts = (card: unknown) => allTexts(card).join('\n');

/** Where the bot opened a person's personal chat (it does when they write in a channel). */
const personalChat = (who: typeof ALICE): Where => ({ serviceUrl: h.connector.serviceUrl, conversationType: 'personal', conversationId: h.connector.personalChatOf(who.id)! });

async function click(data: unknown, options: { from?: typeof ALICE; replyToId?: string; id?: string; at?: Where } = {}) {
  const { at = where, ...rest } = options;
  const res = await h.post(invokeActivity(at, data, rest));
  expect(res.status).toBe(200);
  return res.json() as { statusCode: number; type: string; value: unknown };
}

/** Answers every question on the cards in Alice's personal chat (names typed, first choice / "yes" clicked) until the summary. */
async function interview(): Promise<Json> {
  expect((await h.post(messageActivity(where, 'exchange-sp'))).status).toBe(200);
  const chat = personalChat(ALICE);
  let card = sentCards(h.connector.calls.filter((c) => c.conversationId === chat.conversationId)).at(-1) as Json;
  for (let turn = 0; turn < 20; turn++) {
    expect(cardProblems(card)).toEqual([]);
    const actions = executeActions(card).map((a) => ({ ...a, data: a.data as Json }));
    const post = actions.find((a) => JSON.stringify(a.data).includes('"c":"confirm"'));
    if (post) return post.data;
    const answer = actions.find((a) => (a.data.xsp as Json).k === 'answer');
    expect(answer).toBeDefined();
    const payload = answer!.data.xsp as Json;
    const typed = payload.i ? { [String(payload.i)]: `NODE-${turn}` } : {};
    const response = await click({ ...answer!.data, ...typed }, { at: chat });
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
    card = response.value as Json;
  }
  throw new Error('the interview did not reach its summary');
}

/** A step's button: steps that can be done now are under "Next up" (next-…), the plan lists every step (step-…). */
function stepButton(card: unknown, verb: string, match: (stepTexts: string) => boolean): Json | undefined {
  const containers = (card as { body: Json[] }).body.filter((e) => e.type === 'Container' && /^(next|step)-/.test(String(e.id)));
  for (const container of containers) {
    if (!match(texts(container))) continue;
    const action = executeActions(container).find((a) => (a.data as { xsp: Json }).xsp.v === verb);
    if (action) return action.data as Json;
  }
  return undefined;
}

it('plans in a channel thread and records two engineers confirming steps, visibly to everyone', async () => {
  const confirmPlan = await interview();
  const posted = await click(confirmPlan, { at: personalChat(ALICE) });
  // The summary card the user clicked becomes a note that the plan is on its way (its buttons go);
  // it never says "posted" before the plan is there.
  expect(posted.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(texts(posted.value)).toMatch(/^Posting the plan in the channel: Service pack rollout plan for Exchange \d.* \(#1\)…$/);
  expect(executeActions(posted.value)).toEqual([]);
  await h.adapter.flush();

  // The plan is posted in the thread where the interview began, as valid cards.
  const planPosts = h.connector.calls.filter((c) => c.method === 'POST' && h.connector.cardsIn(c).some((k) => stepButton(k, 'confirm', () => true)));
  expect(planPosts.length).toBeGreaterThanOrEqual(1);
  expect(planPosts[0].conversationId).toBe(where.conversationId);
  const planId = planPosts[0].createdId!;
  const planCard = h.connector.cardsIn(planPosts[0])[0];
  for (const post of planPosts) for (const card of h.connector.cardsIn(post)) expect(cardProblems(card)).toEqual([]);

  // Alice confirms the first open step: her card is redrawn at once.
  const first = stepButton(planCard, 'confirm', () => true)!;
  const aliceClick = await click(first, { from: ALICE, replyToId: planId, id: 'f:alice-1' });
  expect(aliceClick.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(texts(aliceClick.value)).toContain('Done by Alice Jansen');

  // Bob confirms the next step that is open now.
  const afterAlice = aliceClick.value;
  const second = stepButton(afterAlice, 'confirm', (t) => !t.includes('Done by'))!;
  const bobClick = await click(second, { from: BOB, replyToId: planId, id: 'f:bob-1' });
  expect(texts(bobClick.value)).toContain('Done by Bob de Vries');
  await h.adapter.flush();

  // Everyone's copy is updated in place, and the last update shows both names.
  const updates = h.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === planId);
  expect(updates.length).toBeGreaterThanOrEqual(1);
  const latest = texts(h.connector.cardsIn(updates.at(-1)!)[0]);
  expect(latest).toContain('Done by Alice Jansen');
  expect(latest).toContain('Done by Bob de Vries');

  // One line per confirmation in the plan's thread (lines that arrive together share a message).
  const notes = () => h.connector.replies(where.conversationId!, planId).flatMap((c) => String(c.body.text).split('\n'));
  expect(notes()).toEqual([
    expect.stringContaining('Alice Jansen confirmed step'),
    expect.stringContaining('Bob de Vries confirmed step'),
  ]);

  // Teams delivers Alice's invoke again: answered with the card, recorded once.
  const before = h.connector.calls.length;
  const again = await click(first, { from: ALICE, replyToId: planId, id: 'f:alice-1' });
  expect(again.type).toBe('application/vnd.microsoft.card.adaptive');
  await h.adapter.flush();
  expect(notes()).toHaveLength(2);
  expect(h.connector.calls.slice(before).filter((c) => c.method === 'POST')).toHaveLength(0);

  // A step that waits for another has no Confirm; one sent anyway (an old card, a hand-made
  // request) is refused: Bob's card is redrawn with the reason under that step, for him
  // alone; nothing is posted, redrawn for others or recorded.
  const waiting = (bobClick.value as { body: Json[] }).body.find((e) => String(e.id).startsWith('step-') && texts(e).includes('waits for'))!;
  const waitingId = String(waiting.id).slice('step-'.length);
  expect(stepButton(bobClick.value, 'confirm', (t) => t.includes('waits for'))).toBeUndefined();
  const rollout = (first.xsp as Json).r;
  const beforeRefusal = h.connector.calls.length;
  const refused = await click({ xsp: { k: 'step', r: rollout, s: waitingId, v: 'confirm' } }, { from: BOB, replyToId: planId });
  expect(refused.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(cardProblems(refused.value)).toEqual([]);
  expect(textsIn(refused.value, `refused-${waitingId}`)).toEqual([expect.stringMatching(/^✖ Step \d+ must wait for steps? [\d–, ]+: confirm or skip (that one|those) first\.$/)]);
  // The reason sits inside that step's own box, right under its line.
  expect(textsIn(refused.value, `step-${waitingId}`)).toEqual(expect.arrayContaining(textsIn(refused.value, `refused-${waitingId}`)));
  // A click on a step someone else settled a moment ago: the reason under that step too.
  const stale = await click(first, { from: BOB, replyToId: planId, id: 'f:bob-stale' });
  const firstId = String((first.xsp as Json).s);
  expect(textsIn(stale.value, `refused-${firstId}`)).toEqual([expect.stringMatching(/^✖ Step 1 is already confirmed\./)]);
  await h.adapter.flush();
  expect(h.connector.calls.slice(beforeRefusal).filter((c) => c.method === 'POST' || c.method === 'PUT')).toHaveLength(0);

  // A tampered button: a clear message to the clicker, nothing changes.
  const count = h.connector.calls.length;
  const tampered = await click({ xsp: { k: 'step', r: 'nope', s: 'x', v: 'erase' } }, { from: BOB, replyToId: planId });
  expect(tampered).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('Nothing was changed') });
  await h.adapter.flush();
  expect(h.connector.calls.slice(count)).toHaveLength(0);

  // The audit export for the change record arrives as a message holding the event log.
  const beforeExport = h.connector.calls.length;
  expect((await h.post(messageActivity(where, 'export', { from: ALICE }))).status).toBe(200);
  await h.adapter.flush();
  const exportPosts = h.connector.calls.slice(beforeExport).filter((c) => c.method === 'POST');
  // For Alice alone: in her personal chat, not in the channel.
  expect(exportPosts.map((c) => c.conversationId)).toEqual([personalChat(ALICE).conversationId]);
  const exported = exportPosts.map((c) => String(c.body.text ?? ''));
  expect(exported).toHaveLength(1);
  expect(exported[0]).toContain('Audit log of 1 rollout(s) in the channel, 3 events.');
  expect(exported[0]).toMatch(/,confirmed,.*Alice Jansen/);
  expect(exported[0]).toMatch(/,confirmed,.*Bob de Vries/);
});

it('asks the first question in a personal chat; from a channel, in the personal chat it opens, with one line in the channel', async () => {
  const personal = { ...where, conversationType: 'personal' as const, conversationId: 'a:1personal-chat-id' };
  expect((await h.post(messageActivity(personal, 'exchange-sp', { from: ALICE }))).status).toBe(200);
  expect((await h.post(messageActivity(where, 'exchange-sp', { from: BOB }))).status).toBe(200);
  const bobsChat = h.connector.personalChatOf(BOB.id);
  const posts = h.connector.calls.filter((c) => c.method === 'POST');
  expect(posts.map((c) => c.conversationId)).toEqual(['a:1personal-chat-id', bobsChat, where.conversationId]);
  for (const post of posts) for (const card of h.connector.cardsIn(post)) expect(cardProblems(card)).toEqual([]);
  expect(texts(h.connector.cardsIn(posts[1])[0])).toContain('Which Exchange version is it?');
  expect(posts[2].body.text).toBe('Bob de Vries is preparing an Exchange plan — I have sent you the questions in our personal chat.');
  // Each answer describes its own conversation as Teams did (or as it opened it): never a placeholder.
  expect(posts.map((c) => c.body.conversation)).toEqual([
    { id: 'a:1personal-chat-id', conversationType: 'personal', isGroup: false, tenantId: expect.any(String) },
    { id: bobsChat, conversationType: 'personal', isGroup: false, tenantId: expect.any(String) },
    { id: where.conversationId, conversationType: 'channel', isGroup: true, tenantId: expect.any(String) },
  ]);
});
