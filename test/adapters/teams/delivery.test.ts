/**
 * The plan in a Teams conversation, delivered by the publisher from a real SQLite
 * store to a fake Bot Connector as strict as the service: posted and updated in place
 * with the latest state after a burst, every thread line once, 429 (Retry-After) and
 * 5xx on an update retried, a message someone deleted posted again, and a first post
 * that failed with a 5xx never sent twice. What is checked is what the conversation
 * shows (connector.shown / connector.replies).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { conversationOf } from '../../../adapters/teams/conversation';
import { activitySchema } from '../../../adapters/teams/activity';
import { createBot } from '../../../src/bot';
import type { Rollout, Scope, UserRef } from '../../../src/rollout/model';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import { widePlan, clusterAnswers } from '../../src/rollout/fixtures';
import { CHANNEL, messageActivity, TENANT } from '../../kit/teams-activities';
import { startHarness, type Harness } from './helpers/harness';
import { allTexts } from './helpers/validate-card';

const conversationId = `${CHANNEL};messageid=1711000000001`;
const scope: Scope = { platform: 'teams', workspace: TENANT, channel: CHANNEL };
const alice: UserRef = { id: 'aad-alice', name: 'Alice Jansen' };
const bob: UserRef = { id: 'aad-bob', name: 'Bob de Vries' };

let dir: string;
let store: Store;
let h: Harness;
let keys = 0;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'xsp-teams-delivery-'));
  store = createSqliteStore({ file: path.join(dir, 't.sqlite'), deliveryDelayMs: 50 });
  await store.migrate();
  h = await startHarness(createBot({ store }), {}, { store });
});
afterEach(async () => {
  expect(h.connector.refused).toEqual([]);
  await h.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function newRollout(steps = 3): Promise<Rollout> {
  const post = conversationOf(activitySchema.parse(messageActivity({ serviceUrl: h.connector.serviceUrl, conversationId }, 'exchange-sp')), TENANT);
  const { rollout } = await store.createRollout({
    scope, owner: alice, locale: 'en', answers: clusterAnswers, plan: widePlan(steps), operators: [], actionKey: `post-${++keys}`, address: { post },
  });
  return rollout;
}
const confirm = (rollout: Rollout, stepId: string) =>
  store.applyAction(scope, rollout.id, { verb: 'confirm', stepId, actor: bob, actionKey: `k-${++keys}` }, new Date());
const lines = (id: string) => h.connector.replies(conversationId, id).flatMap((a) => String(a.body.text).split('\n'));
const shownTexts = () => h.connector.shown(conversationId).flatMap((a) => h.connector.cardsIn({ method: 'PUT', conversationId, body: a.body }).flatMap(allTexts));

it('posts the plan in the thread it was asked for, then shows a burst of clicks and every line once', async () => {
  const rollout = await newRollout(8);
  await h.adapter.flush();
  const [plan] = h.connector.shown(conversationId);
  expect(plan).toBeDefined();
  expect((await store.getRollout(scope, rollout.id))!.rollout.messages.map((m) => m.id)).toEqual([plan.id]);
  await Promise.all(Array.from({ length: 8 }, (_, i) => confirm(rollout, `step-${i + 1}`)));
  await h.adapter.flush();
  expect(shownTexts().filter((t) => t.startsWith('Done by Bob de Vries'))).toHaveLength(8);
  expect(plan.updates).toBeLessThanOrEqual(3);
  // The events' lines once each; then, complete, the closing summary and its export, once each.
  const replies = h.connector.replies(conversationId, plan.id).map((a) => String(a.body.text));
  const closing = replies.filter((text) => text.startsWith('Closing summary of') || text.startsWith(`The full record of rollout ${rollout.id}`));
  expect(closing).toHaveLength(2);
  expect(replies.slice(-2)).toEqual(closing);
  const thread = replies.filter((text) => !closing.includes(text)).flatMap((text) => text.split('\n'));
  expect(thread.filter((l) => l.startsWith('Bob de Vries confirmed step'))).toHaveLength(8);
  expect(new Set(thread).size).toBe(thread.length);
  expect(thread.at(-1)).toBe('Rollout complete. Every step is done or skipped.');
});

it('a 429 (Retry-After) and a 503 on an update are waited out, and the card ends right', async () => {
  const rollout = await newRollout();
  await h.adapter.flush();
  h.connector.failNext('PUT', 429, 1);
  h.connector.failNext('PUT', 503);
  await confirm(rollout, 'step-1');
  await h.publisher!.idle({ horizonMs: 5000, timeoutMs: 10_000 });
  expect(h.connector.attempts.filter((m) => m === 'PUT')).toHaveLength(3);
  expect(shownTexts().filter((t) => t.startsWith('Done by Bob de Vries'))).toHaveLength(1);
});

it('a plan message someone deleted is posted again', async () => {
  const rollout = await newRollout();
  await h.adapter.flush();
  const [first] = h.connector.shown(conversationId);
  h.connector.deleteByUser(first.id);
  await confirm(rollout, 'step-1');
  await h.adapter.flush();
  const [again] = h.connector.shown(conversationId);
  expect(again.id).not.toBe(first.id);
  expect(lines(again.id)).toEqual([expect.stringMatching(/^Bob de Vries confirmed step 1/)]);
});

it('a first post answered with a 5xx is not sent again (it may be there); the owner hears why', async () => {
  h.connector.failNext('POST', 502);
  await newRollout();
  await h.adapter.flush();
  expect(h.connector.attempts.filter((m) => m === 'POST')).toHaveLength(2);
  const [notice] = h.connector.shown(conversationId);
  expect(String(notice.body.text)).toMatch(/^The plan did not get through just now \(http_502\)/);
});
