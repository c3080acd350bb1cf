/**
 * The end of a campaign in Slack, through the real Bolt adapter, the real core and
 * publisher, a SQLite file and the strict fake Slack, on a clock the test controls: once
 * the shared steps and every server are complete, the campaign card's thread gets ONE
 * closing summary of the whole campaign (no server posts its own, nor does the campaign
 * card when its shared steps settle) and ONE export with every server's events, uploaded
 * in that thread; in English and in Dutch.
 */
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { blockActionsBody, postSlack, slashCommandBody } from '../../kit/slack-requests';
import { PROBLEM_NOTE, RELEASE_NOTE, runCampaign, SKIP_NOTE } from '../../support/campaign-run';
import { createTestClock } from '../../support/test-clock';
import { useSlackBot, type Harness } from './harness';

interface Btn { action_id: string; value: string; style?: string }
interface Msg { blocks?: { type: string; elements?: Btn[] }[] }

const AMS = 'Europe/Amsterdam';
const clock = createTestClock('2030-11-24T20:00:00.000Z');
let store: Store;
let h: Harness;
let urls = 0;

useSlackBot('exchange-sp-slack-campaign-closing-', (s) => {
  ({ store, h } = s);
  h.fake.users.set('U1', { name: 'Alice Admin', locale: 'en-US', tz: AMS });
  h.fake.users.set('U2', { name: 'Bob Builder', locale: 'en-GB', tz: AMS });
  h.fake.users.set('U5', { name: 'Anna Beheer', locale: 'nl-NL', tz: AMS });
  h.fake.users.set('U6', { name: 'Dirk Diender', locale: 'nl-NL', tz: AMS });
}, { now: () => clock.date(), harness: () => ({ clock }) });

/** Posts a campaign of two servers in `channel` for `user`; answers the campaign's scope and its hub's id. */
async function postCampaign(channel: string, user: string): Promise<{ scope: Scope; hubId: string; cardTs: string }> {
  await postSlack(h.baseUrl, slashCommandBody('EXCH1 2000 standard sp no adc no ts; CLUS1 2000 enterprise active/passive N1 N2 evs MAIL1 no adc', h.fake.responseUrl(`c${++urls}`), { user, channel }));
  await h.adapter.settled();
  const summary = h.fake.calls('response_url').at(-1)?.body as unknown as Msg;
  const post = (summary.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements ?? [] : [])).find((b) => b.style === 'primary')!;
  await postSlack(h.baseUrl, blockActionsBody({ responseUrl: h.fake.responseUrl(`k${++urls}`), value: post.value, actionId: post.action_id, ephemeral: true, user, channel }));
  await h.adapter.settled();
  const scope: Scope = { platform: 'slack', workspace: 'T1', channel };
  const rollouts = await store.listRollouts(scope, { limit: 10 });
  const hubId = rollouts.find((r) => r.ref === Math.min(...rollouts.map((x) => x.ref)))!.id;
  const [card] = h.fake.shown(channel);
  return { scope, hubId, cardTs: card.ts };
}

/** The thread's text messages (not the servers' cards), oldest first. */
const threadTexts = (channel: string, ts: string): string[] => h.fake.thread(channel, ts).filter((m) => m.blocks.length === 0).map((m) => m.text);

describe('the end of a campaign in Slack', () => {
  it('one closing summary of the whole campaign, then one export of every server, in the campaign card’s thread', async () => {
    const { scope, hubId, cardTs } = await postCampaign('C-CLOSE', 'U1');
    const members = (await store.campaignOf(scope, hubId))!.members;
    await runCampaign(store, scope, hubId, clock, { owner: { id: 'U1', name: 'Alice Admin' }, member: { id: 'U2', name: 'Bob Builder' }, settle: h.adapter.settled });
    await h.adapter.settled();

    const texts = threadTexts('C-CLOSE', cardTs);
    // Not one summary per server, nor one when the shared steps settled: one, for the campaign, last in the thread.
    expect(texts.filter((t) => t.startsWith('Closing summary of'))).toHaveLength(1);
    const summary = texts.at(-1)!;
    expect(summary.split('\n')[0]).toBe('Closing summary of campaign #1: Campaign: one change on 2 Exchange servers');
    expect(summary).toMatch(/^Under way 24 Nov 21:\d\d CET, complete 2[45] Nov \d\d:\d\d CET: \d+ h \d+ min in all, 2 servers\.$/m);
    expect(summary).toMatch(/^EXCH1 · wave 1 · 24 Nov \d\d:\d\d CET – 2[45] Nov \d\d:\d\d CET · apply steps 25 min · confirmed by Bob Builder, Alice Admin$/m);
    expect(summary).toMatch(/^CLUS1 · wave 2 · .* · apply steps 1 h 15 min · confirmed by Alice Admin, Bob Builder$/m);
    expect(summary).toMatch(new RegExp(`^CLUS1 \\(wave 2\\): released by Alice Admin at 24 Nov \\d\\d:\\d\\d CET\\. Reason: ${RELEASE_NOTE}$`, 'm'));
    expect(summary).toMatch(new RegExp(`^CLUS1 · \\d+\\. .*: ${SKIP_NOTE} \\(Alice Admin\\)$`, 'm'));
    expect(summary).toMatch(new RegExp(`^EXCH1 · 1\\. .*: "${PROBLEM_NOTE}" \\(Bob Builder, 24 Nov \\d\\d:\\d\\d CET\\); then done by Bob Builder$`, 'm'));
    expect(summary).not.toContain('No problems were reported.');

    // One export, in the campaign card's thread: the shared steps' events and every server's.
    const files = h.fake.files().filter((f) => f.channel === 'C-CLOSE');
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file.filename).toMatch(new RegExp(`^exchange-sp-campaign-${hubId}-\\d{4}-\\d\\d-\\d\\d\\.csv$`));
    expect(file).toMatchObject({ threadTs: cardTs, comment: expect.stringMatching(/^The full record of campaign #1: the shared steps and 2 servers, \d+ events\.$/) });
    const rolloutColumn = new Set(file.content.trim().split('\r\n').slice(1).map((row) => row.split(',')[0]));
    expect(rolloutColumn).toEqual(new Set([hubId, ...members.map((m) => m.rolloutId)]));

    // Another round changes nothing: the summary and the export are there once.
    clock.advanceMinutes(60);
    await h.adapter.settled();
    expect(threadTexts('C-CLOSE', cardTs)).toEqual(texts);
    expect(h.fake.files().filter((f) => f.channel === 'C-CLOSE')).toHaveLength(1);
  });

  it('in Dutch, for a campaign posted in Dutch', async () => {
    const { scope, hubId, cardTs } = await postCampaign('C-SLUIT', 'U5');
    await runCampaign(store, scope, hubId, clock, { owner: { id: 'U5', name: 'Anna Beheer' }, member: { id: 'U6', name: 'Dirk Diender' }, settle: h.adapter.settled });
    await h.adapter.settled();
    const texts = threadTexts('C-SLUIT', cardTs);
    expect(texts.filter((t) => t.startsWith('Afsluitend overzicht'))).toHaveLength(1);
    const summary = texts.at(-1)!;
    expect(summary.split('\n')[0]).toMatch(/^Afsluitend overzicht van campagne #1: /);
    expect(summary).toMatch(/^Begonnen \d+ nov \d\d:\d\d CET, afgerond \d+ nov \d\d:\d\d CET: in totaal .*, 2 servers\.$/m);
    expect(summary).toMatch(/^EXCH1 · golf 1 · .* · installatiestappen 25 min · bevestigd door Dirk Diender, Anna Beheer$/m);
    expect(summary).toMatch(new RegExp(`^CLUS1 \\(golf 2\\): vrijgegeven door Anna Beheer om .*\\. Reden: ${RELEASE_NOTE}$`, 'm'));
    expect(summary).toContain('Eerder vrijgegeven:');
    expect(summary).toContain('Problemen:');
    const files = h.fake.files().filter((f) => f.channel === 'C-SLUIT');
    expect(files).toHaveLength(1);
    expect(files[0].comment).toMatch(/^Het volledige verslag van campagne #1: de gedeelde stappen en 2 servers, \d+ gebeurtenissen\.$/);
  });
});
