/**
 * "Release wave 2…" on the campaign card in Teams, through the real CloudAdapter, the
 * real core and a SQLite file, against the strict fake Bot Connector: the button shows
 * a form in the card (Action.ShowCard with the reason's Input.Text and an
 * Action.Execute); only the owner's reason releases the wave, recorded as the typed
 * command records it (the thread line); Bob's click, a blank reason and a tampered
 * value record nothing. The card passes the adaptivecards validation. English and Dutch.
 */
import { activitySchema } from '../../../adapters/teams/activity';
import { conversationOf } from '../../../adapters/teams/conversation';
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { newCampaign } from '../../src/store/campaign-contract';
import { ALICE, BOB, CHANNEL, TENANT, invokeActivity, messageActivity, type Where } from '../../kit/teams-activities';
import { guardNetwork } from '../../kit/guard-network';
import { useTeamsBot, type Harness } from './helpers/harness';
import { allTexts, cardProblems, executeActions } from './helpers/validate-card';

type Json = Record<string, unknown>;
let store: Store;
let h: Harness;

guardNetwork();
useTeamsBot('xsp-teams-campaign-release-', (s) => {
  ({ store, h } = s);
});

const scope: Scope = { platform: 'teams', workspace: TENANT, channel: CHANNEL };
const alice = { id: ALICE.aadObjectId, name: ALICE.name };

describe.each([
  ['en' as const, '1711000000021', 'Release wave 2…', 'Why may wave 2 (CLUS1, OLD55) start before wave 1 is complete?', 'Only Alice Jansen, who posted this campaign, can release CLUS1.', 'Released early, may start now: CLUS1, OLD55.'],
  ['nl' as const, '1711000000022', 'Golf 2 vrijgeven…', 'Waarom mag golf 2 (CLUS1, OLD55) beginnen voordat golf 1 klaar is?', 'Alleen Alice Jansen, die deze campagne plaatste, kan CLUS1 vrijgeven.', 'Eerder vrijgegeven, mag nu beginnen: CLUS1, OLD55.'],
])('Release wave 2… in Teams (%s)', (locale, messageId, label, question, ownerOnly, released) => {
  it('a form in the card; only the owner’s reason releases the wave', async () => {
    const where: Where = { serviceUrl: h.connector.serviceUrl, conversationId: `${CHANNEL};messageid=${messageId}`, locale: locale === 'nl' ? 'nl-NL' : 'en-US' };
    const post = conversationOf(activitySchema.parse(messageActivity(where, 'exchange-sp')), TENANT);
    // Two servers in wave 2 behind the pilot.
    const input = newCampaign({ scope, owner: alice, locale, address: { post } });
    input.members[2] = { ...input.members[2], wave: 2 };
    const { view } = await store.createCampaign(input);
    await h.adapter.flush();
    const card = h.connector.cardsIn(h.connector.calls.find((c) => c.method === 'POST' && c.conversationId === where.conversationId)!)[0];
    expect(cardProblems(card)).toEqual([]);

    // The button opens a form in the card: the reason, then the release.
    const show = findShowCard(card, label);
    expect(show).toBeDefined();
    expect(allTexts(show)).toContain(question);
    const [submit] = executeActions(show);
    const data = submit.data as Json;
    const inputId = String(data.xspInput);
    const click = async (from: typeof ALICE, values: Json) => {
      const res = await h.post(invokeActivity(where, { ...data, ...values }, { from }));
      expect(res.status).toBe(200);
      await h.adapter.flush();
      return JSON.stringify(await res.json());
    };
    const releases = async () =>
      (await Promise.all(view.members.map((m) => store.getRollout(scope, m.rolloutId)))).flatMap((s) => s!.events.filter((e) => e.type === 'released').map((e) => e.note));

    expect(await click(BOB, { [inputId]: 'looks fine' })).toContain(ownerOnly);
    expect(await click(ALICE, { [inputId]: '   ' })).toMatch(/reason|reden/);
    expect(await click(ALICE, { [inputId]: 'x', xsp: { k: 'release', r: view.members[1].rolloutId, w: 2 } })).toMatch(/rollout|uitrol/);
    expect(await releases()).toEqual([]);

    const answer = await click(ALICE, { [inputId]: 'the pilot ran clean in the lab' });
    // Told privately, as the typed command is: in Alice's personal chat.
    expect(answer).toMatch(/personal chat|persoonlijke chat/);
    expect(JSON.stringify(h.connector.shown(h.connector.personalChatOf(ALICE.id)!).at(-1)?.body)).toContain(released);
    expect(await releases()).toEqual(['the pilot ran clean in the lab', 'the pilot ran clean in the lab']);
    const lines = h.connector.replies(where.conversationId!, h.connector.shown(where.conversationId!)[0].id).filter((r) => typeof r.body.text === 'string').map((r) => String(r.body.text));
    expect(lines.filter((l) => l.includes('the pilot ran clean in the lab'))).toHaveLength(2);
  });
});

/** The Action.ShowCard titled `title`, anywhere in the card. */
function findShowCard(node: unknown, title: string): Json | undefined {
  if (Array.isArray(node)) return node.map((n) => findShowCard(n, title)).find(Boolean);
  if (typeof node !== 'object' || node === null) return undefined;
  const json = node as Json;
  if (json.type === 'Action.ShowCard' && json.title === title) return json;
  return Object.values(json).map((v) => findShowCard(v, title)).find(Boolean);
}
