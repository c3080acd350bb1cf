/**
 * "@Exchange SP operators @a @b ..." in Teams: each mentioned person is looked up with
 * the Bot Connector's getMember (the 29: id becomes an AAD object id), at most 50 per
 * message (MAX_OPERATORS), 8 at a time, within one time budget. Through the real
 * CloudAdapter, the real core and a SQLite file, against the fake Bot Connector that
 * counts the look-ups and how many were open at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPlan } from '../../../conversations/plan';
import { createBot } from '../../../src/bot';
import { MAX_MENTIONS_RESOLVED, MENTION_LOOKUP_CONCURRENCY } from '../../../src/runtime/mention-lookup';
import type { Scope } from '../../../src/rollout/model';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import { path as answersOf } from '../../conversations/plan/fixtures';
import { ALICE, CHANNEL, messageActivity, TENANT, type Where } from '../../kit/teams-activities';
import { startHarness, type Harness } from './helpers/harness';
import { installNetGuard, type NetGuard } from '../../kit/net-guard';

const scope: Scope = { platform: 'teams', workspace: TENANT, channel: CHANNEL };
const person = (i: number) => ({ id: `29:1person-${i}`, name: `Person ${i}`, aadObjectId: `aad-person-${i}` });

let guard: NetGuard;
let dir: string;
let store: Store;
let h: Harness;
let where: Where;
let rolloutId = '';

beforeAll(async () => {
  guard = installNetGuard();
  dir = mkdtempSync(path.join(tmpdir(), 'xsp-teams-mentions-'));
  store = createSqliteStore({ file: path.join(dir, 'test.sqlite') });
  await store.migrate();
  h = await startHarness(createBot({ store }));
  where = { serviceUrl: h.connector.serviceUrl, conversationId: `${CHANNEL};messageid=1711000000001` };
  for (let i = 0; i < 120; i++) h.connector.members.push(person(i));
  const plan = buildPlan(answersOf(1));
  const owner = { id: ALICE.aadObjectId, name: ALICE.name };
  const { rollout } = await store.createRollout({ scope, owner, locale: 'en', answers: answersOf(1), plan, operators: [], actionKey: 'k1' });
  rolloutId = rollout.id;
  const conversation = { serviceUrl: h.connector.serviceUrl, channelId: 'msteams', conversationId: `${CHANNEL};messageid=1711000000001`, bot: { id: '28:bot' } };
  await store.setMessages(scope, rollout.id, [{ id: 'plan-1', meta: { teams: conversation, part: 0 } }]);
});
afterAll(async () => {
  expect(h.connector.refused).toEqual([]);
  await h.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  guard.restore();
  expect(guard.blocked).toEqual([]);
});

/** Alice's message; answers with the text the bot sent back and the member ids it looked up. */
async function say(text: string, mentions: ReturnType<typeof person>[]): Promise<{ answer: string; lookups: string[] }> {
  const before = { calls: h.connector.calls.length, lookups: h.connector.memberLookups.length };
  h.connector.peakMemberLookups = 0;
  expect((await h.post(messageActivity(where, text, { mentions }))).status).toBe(200);
  await h.adapter.flush();
  const answer = h.connector.calls.slice(before.calls).map((c) => String(c.body.text ?? '')).join('\n');
  return { answer, lookups: h.connector.memberLookups.slice(before.lookups) };
}

const operatorEvents = async () => (await store.getRollout(scope, rolloutId))?.events.filter((e) => e.type === 'operators-set') ?? [];

it('98 people named (a message holds at most 100 entities): at most 50 looked up, 8 at a time, and Alice is told the list is too long', async () => {
  h.connector.memberDelayMs = 20;
  const named = Array.from({ length: 98 }, (_, i) => person(i));
  const { answer, lookups } = await say('operators', named);
  expect(answer).toContain('That names 98 people, but a rollout can have at most 50 operators. Nothing was changed.');
  expect(lookups.length).toBeGreaterThan(0);
  expect(lookups.length).toBeLessThanOrEqual(MAX_MENTIONS_RESOLVED);
  expect(lookups.filter((id) => !named.slice(0, MAX_MENTIONS_RESOLVED).some((p) => p.id === id))).toEqual([]);
  expect(h.connector.peakMemberLookups).toBeLessThanOrEqual(MENTION_LOOKUP_CONCURRENCY);
  expect(await operatorEvents()).toEqual([]);
});

it('20 people against a slow connector are looked up side by side and become the operators by their AAD ids', async () => {
  h.connector.memberDelayMs = 200;
  const named = Array.from({ length: 20 }, (_, i) => person(100 + i));
  const { lookups } = await say('operators', named);
  expect([...lookups].sort()).toEqual(named.map((p) => p.id).sort());
  expect(h.connector.peakMemberLookups).toBeGreaterThan(1);
  expect(h.connector.peakMemberLookups).toBeLessThanOrEqual(MENTION_LOOKUP_CONCURRENCY);
  const [set] = await operatorEvents();
  expect(set && 'operators' in set ? set.operators?.map((o) => o.id) : undefined).toEqual(named.map((p) => p.aadObjectId));
});
