/**
 * "Who may act" from the plan card in Teams, through the real CloudAdapter, the real
 * core, a SQLite file and the strict fake Bot Connector: the people picker's dynamic
 * typeahead is answered with the conversation's members (`application/search`), the
 * owner's choice is named through the connector and recorded for everyone, and
 * anyone else's is refused under the picker, on their own card only.
 */
import { conversationOf } from '../../../adapters/teams/conversation';
import { activitySchema } from '../../../adapters/teams/activity';
import { deriveRolloutState } from '../../../src/rollout/status';
import type { Rollout } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { buildPlan } from '../../../conversations/plan';
import { ALICE, BOB, BOT, CHANNEL, TENANT, invokeActivity, messageActivity, searchActivity, type Where } from '../../kit/teams-activities';
import { useTeamsBot, type Harness } from './helpers/harness';
import { guardNetwork } from '../../kit/guard-network';
import { cardProblems, executeActions, textsIn } from './helpers/validate-card';

const CAROL = { id: '29:1carol-mri', name: 'Carol Smit', aadObjectId: 'aad-carol' };
const RENE = { id: '29:1rene-mri', name: 'René Dijkstra', aadObjectId: 'aad-rene', userPrincipalName: 'rene@example.com' };
const scope = { platform: 'teams' as const, workspace: TENANT, channel: CHANNEL };

let store: Store;
let h: Harness;
let where: Where;
let rollout: Rollout;

guardNetwork();
useTeamsBot('xsp-teams-people-', async (s) => {
  ({ store, h } = s);
  where = { serviceUrl: h.connector.serviceUrl, conversationId: `${CHANNEL};messageid=1711000000001` };
  // The team's roster, the bot included (Teams lists it too); more than one page of it.
  h.connector.members.push(ALICE, BOB, CAROL, RENE, { ...BOT, aadObjectId: 'aad-bot' });
  for (let i = 0; i < 120; i++) h.connector.members.push({ id: `29:1member-${i}`, name: `Member ${i}`, aadObjectId: `aad-member-${i}` });
  const post = conversationOf(activitySchema.parse(messageActivity(where, 'exchange-sp')), TENANT);
  const answers = { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: false, terminalServices: false } as const;
  ({ rollout } = await store.createRollout({
    scope, owner: { id: ALICE.aadObjectId, name: ALICE.name }, locale: 'en', answers, plan: buildPlan(answers), operators: [], actionKey: 'post-1', address: { post },
  }));
  await h.adapter.flush();
});

const search = async (queryText: string, extra: Record<string, unknown> = {}) => {
  const res = await h.post(searchActivity(where, { queryText, queryOptions: { skip: 0, top: 15 }, dataset: 'members', ...extra }));
  expect(res.status).toBe(200);
  return res.json() as { type: string; value: { results: { title: string; value: string }[] } };
};
const pickerId = () => `people-${rollout.id}`;
async function save(who: typeof ALICE, ids: string[]) {
  const res = await h.post(invokeActivity(where, { xsp: { k: 'operators', r: rollout.id, v: 'pick' }, xspInput: pickerId(), [pickerId()]: ids.join(',') }, { from: who }));
  expect(res.status).toBe(200);
  await h.adapter.flush();
  return res.json() as { type: string; value: unknown };
}
const operators = async () => {
  const { rollout: r, events } = (await store.getRollout(scope, rollout.id))!;
  return deriveRolloutState(r.plan, events).operators;
};

it('the picker on the posted plan asks the bot for the members as the owner types', async () => {
  const [plan] = h.connector.shown(where.conversationId!);
  const [card] = h.connector.cardsIn({ method: 'POST', conversationId: where.conversationId!, body: plan.body });
  expect(cardProblems(card)).toEqual([]);
  expect(JSON.stringify(card)).toContain(`"id":"${pickerId()}","isMultiSelect":true,"style":"filtered"`);

  const found = await search('rene');
  expect(found).toEqual({ type: 'application/vnd.microsoft.search.searchResponse', value: { results: [{ title: 'René Dijkstra', value: RENE.id }] } });
  // By address too; never the bot itself; at most 15, read a page at a time.
  expect((await search('rene@example')).value.results).toEqual([{ title: 'René Dijkstra', value: RENE.id }]);
  expect((await search('exchange sp')).value.results).toEqual([]);
  const everyone = (await search('')).value.results;
  expect(everyone).toHaveLength(15);
  expect(everyone.map((r) => r.value)).not.toContain(BOT.id);
  expect((await search('member 11')).value.results.map((r) => r.title)).toEqual(['Member 11', 'Member 110', 'Member 111', 'Member 112', 'Member 113', 'Member 114', 'Member 115', 'Member 116', 'Member 117', 'Member 118', 'Member 119']);
  expect(h.connector.rosterPages.some((p) => p.token !== undefined)).toBe(true);
  // Another dataset, or a value Teams would not send: an empty answer, never an error.
  expect((await search('rene', { dataset: 'npm' })).value.results).toEqual([]);
  const odd = await h.post(searchActivity(where, 'not an object'));
  expect(odd.json()).toEqual({ type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } });
});

it("the owner's choice is named through the connector, recorded, and shown to everyone", async () => {
  const answer = await save(ALICE, [BOB.id, CAROL.id]);
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(textsIn(answer.value, 'people')).toContain('Only Bob de Vries, Carol Smit and Alice Jansen (owner) can act on this plan.');
  expect(await operators()).toEqual([
    { id: BOB.aadObjectId, name: BOB.name },
    { id: CAROL.aadObjectId, name: CAROL.name },
  ]);
  const [plan] = h.connector.shown(where.conversationId!);
  expect(h.connector.replies(where.conversationId!, plan.id).map((r) => r.body.text)).toEqual(['Alice Jansen set who may act on this plan: Bob de Vries, Carol Smit']);
  // Preselected people come back by the AAD id the rollout keeps; the connector names those too.
  await save(ALICE, [BOB.aadObjectId, RENE.id]);
  expect((await operators()).map((o) => o.name)).toEqual([BOB.name, RENE.name]);
  // "Anyone in this channel" opens it again.
  const anyone = executeActions(answer.value).find((a) => a.title === 'Anyone in this channel')!;
  await h.post(invokeActivity(where, anyone.data, { from: ALICE }));
  await h.adapter.flush();
  expect(await operators()).toEqual([]);
});

it("anyone else's choice is refused under the picker, on their own card only, and changes nothing", async () => {
  const before = h.connector.calls.length;
  const answer = await save(BOB, [BOB.id]);
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(textsIn(answer.value, 'refused-people')).toEqual(['✖ Only Alice Jansen, who posted this plan, can choose its operators.']);
  expect(await operators()).toEqual([]);
  expect(h.connector.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([]);
});

it('someone the connector does not know is not let in: refused like an unlinked name, nothing changes', async () => {
  const answer = await save(ALICE, [BOB.id, '29:1nobody']);
  expect(textsIn(answer.value, 'refused-people')).toEqual([expect.stringMatching(/^✖ I could not tell who "@29:1nobody" is/)]);
  expect(await operators()).toEqual([]);
});

it('more people than a rollout may have is refused as too many, whatever the length of their ids', async () => {
  const ids = Array.from({ length: 51 }, (_, i) => `29:1member-${i}`.padEnd(90, 'x'));
  for (const id of ids) h.connector.members.push({ id, name: `Long ${id.slice(-4)}`, aadObjectId: `aad-${id}` });
  const answer = await save(ALICE, ids);
  expect(textsIn(answer.value, 'refused-people')).toEqual([expect.stringMatching(/^✖ That names 51 people, but a rollout can have at most 50 operators\./)]);
  expect(await operators()).toEqual([]);
});
