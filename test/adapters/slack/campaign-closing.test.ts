/**
 * The end of a campaign in Slack, through the real Bolt adapter, the real core and
 * publisher, a SQLite file and the strict fake Slack, on a clock the test controls: once
 * the shared steps and every server are complete, the campaign card's thread gets ONE
 * closing summary of the whole campaign (no server posts its own, nor does the campaign
 * card when its shared steps settle) and ONE export with every server's events, uploaded
 * in that thread; in English and in Dutch.
 */
import type { Store } from '../../../src/store/store';
import { PROBLEM_NOTE, RELEASE_NOTE, runCampaign, SKIP_NOTE } from '../../support/campaign-run';
import { createTestClock } from '../../support/test-clock';
import { postCampaign } from './campaign-driver';
import { useSlackBot, type Harness } from './harness';

const AMS = 'Europe/Amsterdam';
const clock = createTestClock('2030-11-24T20:00:00.000Z');
let store: Store;
let h: Harness;

useSlackBot('exchange-sp-slack-campaign-closing-', (s) => {
  ({ store, h } = s);
  h.fake.users.set('U1', { name: 'Alice Admin', locale: 'en-US', tz: AMS });
  h.fake.users.set('U2', { name: 'Bob Builder', locale: 'en-GB', tz: AMS });
  h.fake.users.set('U5', { name: 'Anna Beheer', locale: 'nl-NL', tz: AMS });
  h.fake.users.set('U6', { name: 'Dirk Diender', locale: 'nl-NL', tz: AMS });
}, { now: () => clock.date(), harness: () => ({ clock }) });

/** The thread's text messages (not the servers' cards), oldest first. */
const threadTexts = (channel: string, ts: string): string[] => h.fake.thread(channel, ts).filter((m) => m.blocks.length === 0).map((m) => m.text);

describe('the end of a campaign in Slack', () => {
  it('one closing summary of the whole campaign, then one export of every server, in the campaign card’s thread', async () => {
    const { scope, hubId, cardTs } = await postCampaign(h, store, 'C-CLOSE', 'U1');
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
    // (An id starting with "-" is kept from being read as a formula: "'-abc".)
    const rolloutColumn = new Set(file.content.trim().split('\r\n').slice(1).map((row) => row.split(',')[0].replace(/^'/, '')));
    expect(rolloutColumn).toEqual(new Set([hubId, ...members.map((m) => m.rolloutId)]));

    // Another round changes nothing: the summary and the export are there once.
    clock.advanceMinutes(60);
    await h.adapter.settled();
    expect(threadTexts('C-CLOSE', cardTs)).toEqual(texts);
    expect(h.fake.files().filter((f) => f.channel === 'C-CLOSE')).toHaveLength(1);
  });

  it('in Dutch, for a campaign posted in Dutch', async () => {
    const { scope, hubId, cardTs } = await postCampaign(h, store, 'C-SLUIT', 'U5');
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
