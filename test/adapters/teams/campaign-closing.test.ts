/**
 * The end of a campaign in Teams, through the real adapter's delivery, the real core
 * and publisher, a SQLite file and the strict fake Bot Connector, on a clock the test
 * moves: once the shared steps and every server are complete, the campaign card's
 * thread gets one closing summary of the whole campaign, then the export of every
 * server's events as a message; no server posts its own. In English and in Dutch.
 */
import { activitySchema } from '../../../adapters/teams/activity';
import { conversationOf } from '../../../adapters/teams/conversation';
import { newCampaign } from '../../src/store/campaign-contract';
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { PROBLEM_NOTE, runCampaign } from '../../support/campaign-run';
import { createTestClock } from '../../support/test-clock';
import { ALICE, BOB, CHANNEL, TENANT, messageActivity } from '../../kit/teams-activities';
import { useTeamsBot, type Harness } from './helpers/harness';
import { guardNetwork } from '../../kit/guard-network';

const AMS = 'Europe/Amsterdam';
const clock = createTestClock('2030-11-24T20:00:00.000Z');
let store: Store;
let h: Harness;

guardNetwork();
useTeamsBot('xsp-teams-campaign-closing-', (s) => {
  ({ store, h } = s);
}, { now: () => clock.date(), harness: () => ({ clock }) });

const scope: Scope = { platform: 'teams', workspace: TENANT, channel: CHANNEL };
const alice = { id: ALICE.aadObjectId, name: ALICE.name };
const bob = { id: BOB.aadObjectId, name: BOB.name };

describe.each([
  ['en' as const, '1711000000011', /^Closing summary of campaign #\d+: Campaign: one change on 3 Exchange servers/, /^The full record of campaign #\d+: the shared steps and 3 servers, \d+ events\./, 'then done by Bob de Vries'],
  ['nl' as const, '1711000000012', /^Afsluitend overzicht van campagne #\d+: Campagne: één wijziging op 3 Exchange-servers/, /^Het volledige verslag van campagne #\d+: de gedeelde stappen en 3 servers, \d+ gebeurtenissen\./, 'daarna klaar, door Bob de Vries'],
])('the end of a campaign in Teams (%s)', (locale, messageId, title, exported, followedUp) => {
  it('one summary of the whole campaign, then its export, in the campaign card’s thread', async () => {
    const thread = `${CHANNEL};messageid=${messageId}`;
    const post = conversationOf(activitySchema.parse(messageActivity({ serviceUrl: h.connector.serviceUrl, conversationId: thread }, 'exchange-sp')), TENANT);
    const created = await store.createCampaign(newCampaign({ scope, owner: alice, locale, address: { post }, timeZone: AMS }));
    await h.adapter.flush();
    const hubCard = h.connector.shown(thread)[0];
    const replies = () => h.connector.replies(thread, hubCard.id).filter((a) => typeof a.body.text === 'string' && !a.body.attachments).map((a) => String(a.body.text));

    await runCampaign(store, scope, created.view.id, clock, { owner: alice, member: bob, settle: () => h.adapter.flush() });
    const texts = replies();
    expect(texts.filter((t) => title.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /^(Closing summary of|Afsluitend overzicht van)/.test(t))).toHaveLength(1);
    const at = texts.findIndex((t) => title.test(t));
    expect(texts[at]).toContain(`"${PROBLEM_NOTE}"`);
    expect(texts[at]).toContain(followedUp);
    // The export follows the summary, last in the thread, with the hub's and every server's rows.
    const file = texts.at(-1)!;
    expect(file).toMatch(exported);
    // (An id starting with "-" is kept from being read as a formula: "'-abc".)
    for (const id of [created.view.id, ...created.view.members.map((m) => m.rolloutId)]) expect(file.includes(`\n${id},`) || file.includes(`\n'${id},`)).toBe(true);

    clock.advanceMinutes(30);
    await h.adapter.flush();
    expect(replies()).toEqual(texts);
  });
});
