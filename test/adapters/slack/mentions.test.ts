/**
 * Mentions in a slash command are looked up with users.info: at most 50 per command
 * (MAX_OPERATORS), 8 at a time, within one time budget. Signed commands through the
 * real Bolt app, the real core and a SQLite file; the fake Slack Web API counts the
 * users.info calls and how many were open at once. One command used to name 640 people
 * and make 641 calls one after another (20 mentions against a slow Slack took 31 s).
 */
import path from 'node:path';
import { buildPlan } from '../../../conversations/plan';
import { MAX_MENTIONS_RESOLVED, MENTION_LOOKUP_CONCURRENCY } from '../../../src/runtime/mention-lookup';
import { MAX_OPERATORS } from '../../../conversations/limits';
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { path as answersOf } from '../../conversations/plan/fixtures';
import { useSlackBot, type Harness } from './harness';
import { postSlack, slashCommandBody, type Who } from '../../kit/slack-requests';

const scope: Scope = { platform: 'slack', workspace: 'T1', channel: 'C1' };
/** Short user ids (U00, U01, ...), so 640 mentions fit in Slack's 4,000-character command. */
const userId = (i: number) => `U${i.toString(36).toUpperCase().padStart(2, '0')}`;
const mentionsOf = (ids: string[], separator = ' ') => ids.map((id) => `<@${id}>`).join(separator);

let store: Store;
let h: Harness;
let rolloutId = '';
let urls = 0;

useSlackBot('exchange-sp-mentions-', async (s) => {
  ({ store, h } = s);
  h.fake.users.set('UALICE', { name: 'Alice Admin', locale: 'en-US' });
  h.fake.users.set('UJAN', { name: 'Jan Jansen', locale: 'nl-NL' });
  for (let i = 0; i < 1000; i++) h.fake.users.set(userId(i), { name: `Person ${i}` });
  const plan = buildPlan(answersOf(1));
  const { rollout } = await store.createRollout({ scope, owner: { id: 'UALICE', name: 'Alice Admin' }, locale: 'en', answers: answersOf(1), plan, operators: [], actionKey: 'k1' });
  await store.setMessages(scope, rollout.id, [{ id: '1700000000.000100', meta: { channel: 'C1' } }]);
  rolloutId = rollout.id;
});

/** Sends a signed command; answers with the text of the private reply and the users.info calls it made. */
async function command(text: string, who: Who): Promise<{ answer: string; lookups: string[] }> {
  expect(text.length).toBeLessThanOrEqual(4000);
  const before = h.fake.calls('users.info').length;
  h.fake.resetPeaks();
  const url = h.fake.responseUrl(`m${++urls}`);
  expect((await postSlack(h.baseUrl, slashCommandBody(text, url, who))).status).toBe(200);
  await h.adapter.settled();
  const answer = h.fake.calls('response_url').filter((c) => c.path.endsWith(`/m${urls}`)).map((c) => JSON.stringify(c.body)).join('\n');
  return { answer, lookups: h.fake.calls('users.info').slice(before).map((c) => String(c.body.user)) };
}

const operatorsNow = async () => {
  const rollout = await store.getRollout(scope, rolloutId);
  return rollout?.events.filter((e) => e.type === 'operators-set').length;
};

it('the cap is the most operators a rollout may have, defined once', () => {
  expect(MAX_MENTIONS_RESOLVED).toBe(MAX_OPERATORS);
  expect(MAX_OPERATORS).toBe(50);
});

it('640 mentions: at most 50 looked up, 8 at a time, and the owner is told the list is too long', async () => {
  h.fake.delayMs = 20;
  const ids = Array.from({ length: 640 }, (_, i) => userId(i));
  const { answer, lookups } = await command(`operators ${mentionsOf(ids, '')}`, { user: 'UALICE' });
  h.fake.delayMs = 0;
  expect(answer).toContain('That names 640 people, but a rollout can have at most 50 operators. Nothing was changed.');
  const looked = lookups.filter((id) => id !== 'UALICE');
  expect(new Set(looked).size).toBe(looked.length);
  expect(looked.length).toBeLessThanOrEqual(MAX_MENTIONS_RESOLVED);
  expect(looked.length).toBeGreaterThan(0);
  // Only the first 50 people named, never one past the cap.
  expect(looked.filter((id) => !ids.slice(0, MAX_MENTIONS_RESOLVED).includes(id))).toEqual([]);
  expect(h.fake.peakInFlight('users.info')).toBeLessThanOrEqual(MENTION_LOOKUP_CONCURRENCY);
  expect(await operatorsNow()).toBe(0);
});

it('20 mentions against a slow Slack are looked up side by side and all become operators', async () => {
  h.fake.delayMs = 300;
  const ids = Array.from({ length: 20 }, (_, i) => userId(700 + i));
  const { answer, lookups } = await command(`operators ${mentionsOf(ids)}`, { user: 'UALICE' });
  h.fake.delayMs = 0;
  expect(lookups.filter((id) => id !== 'UALICE').sort()).toEqual([...ids].sort());
  // Several calls were open at once, never more than the bound.
  expect(h.fake.peakInFlight('users.info')).toBeGreaterThan(1);
  expect(h.fake.peakInFlight('users.info')).toBeLessThanOrEqual(MENTION_LOOKUP_CONCURRENCY);
  expect(answer).toMatch(/Person 700.*Person 719/);
  const rollout = await store.getRollout(scope, rolloutId);
  const set = rollout?.events.filter((e) => e.type === 'operators-set').at(-1);
  expect(set && 'operators' in set ? set.operators?.map((o) => o.id) : []).toEqual(ids);
});

it('51 people are one too many, and a Dutch owner is told so in Dutch during the interview', async () => {
  const start = await command('', { user: 'UJAN' });
  expect(start.answer).toMatch(/Exchange/);
  const ids = Array.from({ length: 51 }, (_, i) => userId(800 + i));
  const { answer, lookups } = await command(`uitvoerders ${mentionsOf(ids)}`, { user: 'UJAN' });
  expect(answer).toContain('Dat zijn 51 personen, maar een uitrol kan hoogstens 50 uitvoerders hebben. Er is niets gewijzigd.');
  expect(lookups.filter((id) => id !== 'UJAN').length).toBeLessThanOrEqual(MAX_MENTIONS_RESOLVED);
});
