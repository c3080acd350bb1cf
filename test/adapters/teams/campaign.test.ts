/**
 * A campaign in Teams, through the real CloudAdapter, the real core and a SQLite file,
 * against the strict fake Bot Connector: Alice names two servers in a channel and
 * answers in her personal chat; the campaign card is posted in the channel's thread
 * and each server's card as a reply to it; Bob's early click in wave 2 is answered to
 * him alone and records nothing; Alice releases the wave with a reason (told to her
 * privately, recorded in the thread), and Bob's click then goes through. Every card
 * passes the adaptivecards validation.
 */
import type { Store } from '../../../src/store/store';
import { ALICE, BOB, CHANNEL, invokeActivity, messageActivity, type Where } from '../../kit/teams-activities';
import type { ConnectorCall } from '../../kit/fake-connector';
import { useTeamsBot, type Harness } from './helpers/harness';
import { guardNetwork } from '../../kit/guard-network';
import { allTexts, cardProblems, executeActions } from './helpers/validate-card';

type Json = Record<string, unknown>;
let store: Store;
let h: Harness;
let where: Where;

guardNetwork();
useTeamsBot('xsp-teams-campaign-', (s) => {
  ({ store, h } = s);
  where = { serviceUrl: h.connector.serviceUrl, conversationId: `${CHANNEL};messageid=1711000000001` };
});

const texts = (card: unknown) => allTexts(card).join('\n');
const cardsOf = (calls: ConnectorCall[]) => calls.flatMap((c) => h.connector.cardsIn(c));
const personalChat = (): Where => ({ serviceUrl: h.connector.serviceUrl, conversationType: 'personal', conversationId: h.connector.personalChatOf(ALICE.id)! });

async function click(data: unknown, options: { from?: typeof ALICE; replyToId?: string; at?: Where } = {}) {
  const { at = where, ...rest } = options;
  const res = await h.post(invokeActivity(at, data, rest));
  expect(res.status).toBe(200);
  return res.json() as { statusCode: number; type: string; value: unknown };
}

/** The confirm button of step `number` on a server's card. */
function confirmOf(card: unknown, number: number): Json | undefined {
  // A step that can be done now is drawn in full under "Next up", with its Confirm.
  const containers = (card as { body: Json[] }).body.filter((e) => e.type === 'Container' && /^(next|step)-/.test(String(e.id)));
  for (const container of containers.filter((c) => texts(c).includes(`${number}. `))) {
    const confirm = executeActions(container).map((a) => a.data as Json).find((d) => (d.xsp as Json).v === 'confirm');
    if (confirm) return confirm;
  }
  return undefined;
}

it('posts the campaign card, each server in its thread, and keeps wave 2 closed until Alice releases it with a reason', async () => {
  await h.post(messageActivity(where, 'exchange-sp EXCH1 2000 standard sp no adc no ts; CLUS1 2000 enterprise active/passive N1 N2 evs MAIL1 no adc'));
  const chat = personalChat();
  const summary = cardsOf(h.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat.conversationId)).at(-1)!;
  expect(cardProblems(summary)).toEqual([]);
  expect(texts(summary)).toContain('Campaign: 2 servers');
  const post = executeActions(summary).find((a) => a.title === 'Post campaign')!.data;
  const posting = await click(post, { at: chat });
  expect(texts(posting.value)).toMatch(/^Posting the campaign in the channel: Campaign: one change on 2 Exchange servers/);
  await h.adapter.flush();

  // The campaign card in the channel's thread; each server's card a reply to it, EXCH1 first.
  const inChannel = h.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === where.conversationId && h.connector.cardsIn(c).length > 0);
  const hubPost = inChannel.find((c) => texts(h.connector.cardsIn(c)[0]).includes('Campaign: one change on 2 Exchange servers'))!;
  expect(hubPost.activityId).toBeUndefined();
  const serverPosts = inChannel.filter((c) => c.activityId === hubPost.createdId);
  expect(serverPosts.map((c) => texts(h.connector.cardsIn(c)[0]).split('\n')[0])).toEqual([
    'EXCH1: service pack rollout plan for Exchange 2000',
    'CLUS1: service pack rollout plan for Exchange 2000',
  ]);
  for (const card of cardsOf(inChannel)) expect(cardProblems(card)).toEqual([]);
  const clusPost = serverPosts[1];
  const clusCard = h.connector.cardsIn(clusPost)[0];
  expect(texts(clusCard)).toContain('Waits until wave 1 is complete (EXCH1); Alice Jansen may release it early with a reason.');

  // Bob's early click in wave 2: his copy of the card says why, under the step; nothing recorded, nothing posted.
  const before = h.connector.calls.length;
  const refused = await click(confirmOf(clusCard, 1), { from: BOB, replyToId: clusPost.createdId });
  expect(refused.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(cardProblems(refused.value)).toEqual([]);
  expect(texts(refused.value)).toContain('Step 1 on CLUS1 must wait: CLUS1 is in wave 2, which starts once wave 1 is complete (EXCH1).');
  expect(texts(refused.value)).toContain('Waits until wave 1 is complete (EXCH1)');
  await h.adapter.flush();
  expect(h.connector.calls.slice(before).filter((c) => c.method === 'POST')).toHaveLength(0);

  // Alice releases wave 2 with a reason: the answer is hers (her personal chat), the record is the thread's.
  await h.post(messageActivity(where, 'release wave 2 the pilot ran clean in the lab'));
  await h.adapter.flush();
  const toAlice = h.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat.conversationId).at(-1)!;
  expect(JSON.stringify(toAlice.body)).toContain('Released early, may start now: CLUS1.');
  const lines = () => h.connector.replies(where.conversationId!, hubPost.createdId!).filter((r) => typeof r.body.text === 'string').map((r) => String(r.body.text));
  expect(lines()).toEqual(['CLUS1 · Alice Jansen let CLUS1 start before its wave. Reason: the pilot ran clean in the lab']);

  // Now Bob's click goes through; his card is redrawn at once, with the campaign line.
  const accepted = await click(confirmOf(clusCard, 1), { from: BOB, replyToId: clusPost.createdId });
  expect(accepted.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(cardProblems(accepted.value)).toEqual([]);
  expect(texts(accepted.value)).toContain('Released early by Alice Jansen: the pilot ran clean in the lab');
  expect(texts(accepted.value)).toContain('Done by Bob de Vries');
  await h.adapter.flush();
  expect(lines().at(-1)).toBe('CLUS1 · Bob de Vries confirmed step 1: Make a full backup, system state included');
  // The campaign card, updated in place, follows CLUS1.
  const hubUpdate = h.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === hubPost.createdId).at(-1)!;
  expect(texts(h.connector.cardsIn(hubUpdate)[0])).toContain('CLUS1 · 1 of 7 steps · released early by Alice Jansen: the pilot ran clean in the lab');
});
