/**
 * The live change record through the real Teams adapter (CloudAdapter, signed tokens,
 * the strict fake Bot Connector), the real core and a SQLite file, on a clock the test
 * moves (issue 12): a window read on the activity's localTimezone, a stakeholder
 * channel named by a channel mention, Assign with a mention and the restriction,
 * Start and Take it as Action.Execute clicks, reminders as Teams mentions (text and
 * entities), "my steps" in the personal chat with a deep link to the plan, and the
 * closing summary with the export in the plan's thread; in English and in Dutch.
 */
import { activitySchema } from '../../../adapters/teams/activity';
import { conversationOf } from '../../../adapters/teams/conversation';
import { buildPlan } from '../../../conversations/plan';
import type { CompleteAnswers } from '../../../conversations/types';
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { createTestClock } from '../../support/test-clock';
import { ALICE, BOB, CHANNEL, TENANT, invokeActivity, messageActivity, type Where } from '../../kit/teams-activities';
import { useTeamsBot, type Harness } from './helpers/harness';
import { guardNetwork } from '../../kit/guard-network';
import { allTexts, cardProblems, executeActions } from './helpers/validate-card';

const CAROL = { id: '29:1carol-mri', name: 'Carol Smit', aadObjectId: 'aad-carol' };
const BOARD = { id: '19:change-board-0001@thread.tacv2', name: 'change-board' };
const AMS = 'Europe/Amsterdam';
const answers: CompleteAnswers = { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: false, terminalServices: false };

let store: Store;
let h: Harness;
let clock: ReturnType<typeof createTestClock>;

guardNetwork();
beforeEach(() => {
  clock = createTestClock('2030-11-24T20:00:00.000Z');
});
useTeamsBot('xsp-teams-live-', (s) => {
  ({ store, h } = s);
  h.connector.members.push(
    { id: ALICE.id, name: ALICE.name, aadObjectId: ALICE.aadObjectId },
    { id: BOB.id, name: BOB.name, aadObjectId: BOB.aadObjectId },
    { id: CAROL.id, name: CAROL.name, aadObjectId: CAROL.aadObjectId },
  );
}, { now: () => clock.date(), harness: () => ({ clock }) });

const thread = `${CHANNEL};messageid=1711000000001`;
const scope: Scope = { platform: 'teams', workspace: TENANT, channel: CHANNEL };

function team(locale: 'en-US' | 'nl-NL') {
  const where: Where = { serviceUrl: h.connector.serviceUrl, conversationId: thread, locale };
  const personal = (who: typeof ALICE): Where => ({ serviceUrl: h.connector.serviceUrl, conversationType: 'personal', conversationId: h.connector.personalChatOf(who.id)!, locale });
  async function say(text: string, from: typeof ALICE, options: { mentions?: (typeof ALICE)[]; at?: Where; extra?: Record<string, unknown> } = {}) {
    const activity = { ...messageActivity(options.at ?? where, text, { from, ...(options.mentions ? { mentions: options.mentions } : {}) }), localTimezone: AMS, ...options.extra };
    expect((await h.post(activity)).status).toBe(200);
    await h.adapter.flush();
  }
  async function click(data: unknown, from: typeof ALICE) {
    const res = await h.post(invokeActivity(where, data, { from }));
    expect(res.status).toBe(200);
    await h.adapter.flush();
    return res.json() as { type: string; value: unknown };
  }
  async function postPlan(): Promise<{ id: string; planId: string }> {
    const post = conversationOf(activitySchema.parse(messageActivity({ serviceUrl: h.connector.serviceUrl, conversationId: thread }, 'exchange-sp')), TENANT);
    const { rollout } = await store.createRollout({
      scope, owner: { id: ALICE.aadObjectId, name: ALICE.name }, locale: locale === 'en-US' ? 'en' : 'nl', answers, plan: buildPlan(answers),
      operators: [], actionKey: 'post-1', address: { post }, timeZone: AMS,
    });
    await h.adapter.flush();
    return { id: rollout.id, planId: h.connector.shown(thread)[0].id };
  }
  const plan = () => h.connector.shown(thread)[0];
  const card = () => h.connector.cardsIn({ method: 'PUT', conversationId: thread, body: plan().body })[0];
  const replies = () => h.connector.replies(thread, plan().id);
  const replyTexts = () => replies().map((a) => String(a.body.text));
  /** The texts sent to a person's personal chat. */
  const privately = (who: typeof ALICE) => h.connector.shown(h.connector.personalChatOf(who.id) ?? '-').map((a) => a);
  const action = (stepId: string, verb: string) => executeActions(card()).find((a) => JSON.stringify(a.data).includes(`"s":"${stepId}","v":"${verb}"`))!.data;
  return { where, personal, say, click, postPlan, plan, card, replies, replyTexts, privately, action };
}

describe('a Teams channel in English', () => {
  it('records the night: window, notify, assign, restriction, Start, reminders with mentions, my steps, closing summary', async () => {
    const t = team('en-US');
    const { id, planId } = await t.postPlan();

    await t.say('window 22:00-02:00', ALICE);
    const privateTexts = () => t.privately(ALICE).flatMap((a) => [String(a.body.text ?? ''), ...h.connector.cardsIn({ method: 'POST', conversationId: '', body: a.body }).flatMap(allTexts)]);
    expect(privateTexts()).toContain(`Maintenance window of rollout #1: 24 Nov 22:00 – 25 Nov 02:00 CET.`);
    expect(allTexts(t.card())).toContain('Maintenance window 24 Nov 22:00 – 25 Nov 02:00 CET · starts in 1 h');

    // "notify @change-board": a channel mention.
    const channelMention = { type: 'mention', text: `<at>${BOARD.name}</at>`, mentioned: { id: BOARD.id, name: BOARD.name, conversationIdentityType: 'channel' } };
    const notify = messageActivity(t.where, 'notify', { from: ALICE });
    await t.say('notify', ALICE, { extra: { text: `${String(notify.text)} <at>${BOARD.name}</at>`, entities: [...(notify.entities as unknown[]), channelMention] } });
    expect(privateTexts()).toContain(`#change-board will hear when rollout #1 gets under way, when a problem is reported and when it completes.`);

    await t.say('assign 1', ALICE, { mentions: [BOB] });
    expect(t.replyTexts()).toContain('Alice Jansen assigned step 1 to Bob de Vries: Read the release notes of the service pack.');
    await t.say('restrict on', ALICE);
    // The refusal is drawn under the step in Carol's copy of the card, and nothing is recorded.
    const before = (await store.getRollout(scope, id))!.events.length;
    const refusal = await t.click(t.action('release-notes', 'start'), CAROL);
    expect(refusal.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(allTexts(refusal.value)).toContain('✖ Step 1 is assigned to Bob de Vries: only Bob de Vries or the owner, Alice Jansen, can start it. Nothing was recorded.');
    expect((await store.getRollout(scope, id))!.events).toHaveLength(before);

    const started = await t.click(t.action('release-notes', 'start'), BOB);
    expect(started.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(t.card())).toEqual([]);
    expect(allTexts(t.card())).toContain('in progress — Bob de Vries, since 21:00 CET');
    const board = () => h.connector.shown(BOARD.id).map((a) => String(a.body.text));
    expect(board()).toEqual([`Rollout ${id}, Service pack rollout plan for Exchange 2000: under way (Bob de Vries, 21:00 CET).`]);

    // 31 minutes: the reminder mentions Bob, as Teams mentions him (text and entity), once.
    clock.advanceMinutes(31);
    await h.adapter.flush();
    const reminders = t.replies().filter((a) => String(a.body.text).includes('has been in progress'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].body).toMatchObject({
      text: '<at>Bob de Vries</at>: step 1, Read the release notes of the service pack, has been in progress for 31 min, longer than the 30 min it usually takes. Confirm it when it is done, or report a problem.',
      entities: [{ type: 'mention', text: '<at>Bob de Vries</at>', mentioned: { id: 'aad-bob', name: 'Bob de Vries' } }],
    });

    // A problem: the change board hears it; unanswered for 30 minutes, the owner and Bob are reminded.
    await t.say('problem 1 the link to the notes is dead', BOB);
    expect(board().at(-1)).toBe(`Rollout ${id}, Service pack rollout plan for Exchange 2000: problem at step 1 reported by Bob de Vries: the link to the notes is dead`);
    clock.advanceMinutes(30);
    await h.adapter.flush();
    const problem = t.replies().filter((a) => String(a.body.text).includes('was reported 30 min ago'));
    expect(problem).toHaveLength(1);
    expect(problem[0].body.text).toBe(
      '<at>Alice Jansen</at>, <at>Bob de Vries</at>: the problem with step 1, Read the release notes of the service pack, was reported 30 min ago and nothing has happened since: the link to the notes is dead',
    );
    expect((problem[0].body.entities as { mentioned: { id: string } }[]).map((e) => e.mentioned.id)).toEqual(['aad-alice', 'aad-bob']);

    // "my steps" in Bob's personal chat: the step, and a deep link that opens the plan in its thread.
    await t.say('my steps', BOB, { at: { serviceUrl: h.connector.serviceUrl, conversationType: 'personal', conversationId: 'a:bob-personal', locale: 'en-US' } });
    const mine = h.connector.cardsIn(h.connector.calls.filter((c) => c.conversationId === 'a:bob-personal').at(-1)!)[0];
    expect(cardProblems(mine)).toEqual([]);
    expect(allTexts(mine)).toContain('1. Read the release notes of the service pack · problem reported by Bob de Vries: the link to the notes is dead');
    const link = JSON.stringify(mine).match(/"url":"([^"]+)"/)?.[1];
    expect(link).toBe(
      `https://teams.microsoft.com/l/message/${encodeURIComponent(CHANNEL)}/${planId}?parentMessageId=1711000000001&tenantId=${TENANT}`,
    );

    // Bob confirms; the rest goes quickly; the thread closes with the summary and the export.
    await t.click(t.action('release-notes', 'confirm'), BOB);
    expect(t.replyTexts()).toContain('Bob de Vries confirmed step 1: Read the release notes of the service pack (took 1 h 1 min)');
    await t.say('skip 2 anyway backup ran at 20:00', ALICE);
    for (const n of [3, 4, 5, 6]) await t.say(`confirm ${n}`, ALICE);
    const texts = t.replyTexts();
    const summary = texts.find((x) => x.startsWith('Closing summary of Service pack rollout plan for Exchange 2000'))!;
    expect(summary).toContain('1. Read the release notes of the service pack: "the link to the notes is dead" (Bob de Vries, 24 Nov 21:31 CET); then done by Bob de Vries');
    const exported = texts.find((x) => x.startsWith(`The full record of rollout ${id}`))!;
    expect(exported).toContain('assignee,startedAt,doneAt,durationSeconds');
    expect(board().at(-1)).toMatch(/: complete at 22:01 CET, 5 step\(s\) done and 1 skipped, 1 h 1 min in all\.$/);
  });
});

describe('een Teams-kanaal in het Nederlands', () => {
  it('venster op de eigen klok, Op mij nemen, een herinnering met vermelding', async () => {
    const t = team('nl-NL');
    const { id } = await t.postPlan();
    await t.say('venster 22:00-02:00', ALICE);
    expect(allTexts(t.card())).toContain('Onderhoudsvenster 24 nov 22:00 – 25 nov 02:00 CET · begint over 1 uur');
    expect(t.replyTexts()).toContain('Alice Jansen heeft het onderhoudsvenster ingesteld: 24 nov 22:00 – 25 nov 02:00 CET.');
    await t.click(t.action('release-notes', 'take'), BOB);
    expect(t.replyTexts()).toContain('Bob de Vries heeft stap 1 op zich genomen: Lees de releasenotes van het servicepack.');
    await t.click(t.action('release-notes', 'start'), BOB);
    expect(allTexts(t.card())).toContain('bezig — Bob de Vries, sinds 21:00 CET');
    clock.advanceMinutes(31);
    await h.adapter.flush();
    expect(t.replyTexts().filter((x) => x.startsWith('<at>Bob de Vries</at>: stap 1, Lees de releasenotes van het servicepack, is al 31 min bezig'))).toHaveLength(1);
    expect((await store.getRollout(scope, id))!.events.filter((e) => e.type === 'reminded')).toHaveLength(1);
  });
});
