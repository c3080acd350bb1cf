/**
 * Step commands and notes through the real Teams adapter (CloudAdapter, signed tokens,
 * strict fake Bot Connector), the real core and a SQLite file, in English and Dutch:
 * "confirm 12" typed to the bot in the channel is answered with a text in the person's
 * personal chat and starts no interview; Problem… opens the note's form in the
 * clicker's card, and its field holds no more than the core keeps; a longer note (an
 * old card, a hand-made request) is not cut silently but refused under its step and
 * shown back; skipping the backup asks once more, under the step, with what is at risk.
 */
import { MAX_NOTE_LENGTH } from '../../../conversations/limits';
import type { Store } from '../../../src/store/store';
import { ALICE, BOB, invokeActivity, messageActivity, TENANT, type Where } from '../../kit/teams-activities';
import { useTeamsBot, type Harness } from './helpers/harness';
import { guardNetwork } from '../../kit/guard-network';
import { cardProblems, executeActions, textsIn } from './helpers/validate-card';

const CASES = [
  {
    lang: 'en',
    from: ALICE,
    channel: '19:en-ops@thread.tacv2',
    answers: 'exchange-sp 2000 standard sp no adc no ts',
    confirm12: 'confirm 12',
    noStep: /^There is no step 12: Service pack rollout plan for Exchange 2000 \(#1\) has steps 1 to 6\. Nothing was recorded\.$/,
    tooLong: 'That text is too long: at most 500 characters, please.',
    yours: 'Your text, to copy and use again: ',
    risk: /^✖ Step 2 is your way back: .*Nothing was recorded\.$/,
    problemForm: ['Problem with step 3', 'What went wrong?', 'Report problem'],
    skipped: 'Alice Jansen skipped step 2: Make a full backup, system state included. Reason: no tape drive today',
  },
  {
    lang: 'nl',
    from: BOB,
    channel: '19:nl-beheer@thread.tacv2',
    answers: 'exchange-sp 2000 standaard servicepack geen adc geen ts',
    confirm12: 'bevestig 12',
    noStep: /^Er is geen stap 12: Uitrolplan servicepack voor Exchange 2000 \(#1\) heeft de stappen 1 tot en met 6\. Er is niets vastgelegd\.$/,
    tooLong: 'Die tekst is te lang: hoogstens 500 tekens, graag.',
    yours: 'Uw tekst, om te kopiëren en opnieuw te gebruiken: ',
    risk: /^✖ Stap 2 is uw weg terug: .*Er is niets vastgelegd\.$/,
    problemForm: ['Probleem met stap 3', 'Wat ging er mis?', 'Probleem melden'],
    skipped: 'Bob de Vries heeft stap 2 overgeslagen: Maak een volledige back-up, systeemstatus inbegrepen. Reden: no tape drive today',
  },
] as const;

let store: Store;
let h: Harness;

guardNetwork();
useTeamsBot('xsp-teams-steps-', (s) => {
  ({ store, h } = s);
});

describe.each(CASES)('in $lang', (c) => {
  const where = (): Where => ({ serviceUrl: h.connector.serviceUrl, conversationId: `${c.channel};messageid=1711000000001`, locale: c.lang === 'en' ? 'en-US' : 'nl-NL' });
  const posts = () => h.connector.calls.filter((call) => call.method === 'POST');
  /** Teams rollouts belong to the activity's tenant and the conversation without its thread suffix. */
  const scope = { platform: 'teams' as const, workspace: TENANT, channel: c.channel };

  /** The person's personal chat with the bot, once the bot opened it. */
  const personalChat = (): Where => ({ serviceUrl: h.connector.serviceUrl, conversationType: 'personal', conversationId: h.connector.personalChatOf(c.from.id)!, locale: where().locale });

  async function click(data: unknown, id?: string, at: Where = where()) {
    const res = await h.post(invokeActivity(at, data, { from: c.from, ...(id ? { id } : {}) }));
    expect(res.status).toBe(200);
    await h.adapter.flush();
    return res.json() as { type: string; value: unknown };
  }

  /** Types the answers in the channel, posts the plan from the summary card in the personal chat; the plan card as sent. */
  async function postPlan(): Promise<{ rolloutId: string; planCard: unknown }> {
    expect((await h.post(messageActivity(where(), c.answers, { from: c.from }))).status).toBe(200);
    const inPersonalChat = posts().filter((p) => p.conversationId === personalChat().conversationId);
    const summary = h.connector.cardsIn(inPersonalChat.at(-1)!)[0];
    const post = executeActions(summary).find((a) => JSON.stringify(a.data).includes('"c":"confirm"'));
    expect(post).toBeDefined();
    await click(post!.data, undefined, personalChat());
    const [rollout] = await store.listRollouts(scope);
    await h.adapter.flush();
    const planCard = h.connector.cardsIn(posts().find((p) => JSON.stringify(p.body).includes('"v":"skip"'))!)[0];
    return { rolloutId: rollout.id, planCard };
  }

  it('"confirm 12" gets a text answer, starts no interview and records nothing', async () => {
    const { rolloutId } = await postPlan();
    const before = posts().length;
    expect((await h.post(messageActivity(where(), c.confirm12, { from: c.from }))).status).toBe(200);
    await h.adapter.flush();
    const answers = posts().slice(before);
    expect(answers.map((p) => ({ in: p.conversationId, text: p.body.text, cards: h.connector.cardsIn(p).length }))).toEqual([
      { in: personalChat().conversationId, text: expect.stringMatching(c.noStep), cards: 0 },
    ]);
    expect((await store.getRollout(scope, rolloutId))!.events).toHaveLength(1);
  });

  it("Problem… opens its form in the clicker's card; the field holds what the core keeps; a longer note is refused under its step and shown back whole", async () => {
    const { rolloutId, planCard } = await postPlan();
    // The posted plan carries no forms: they are drawn on demand, for the clicker alone.
    expect(JSON.stringify(planCard)).not.toContain('"type":"Input.Text"');
    const problem = executeActions(planCard).find((a) => JSON.stringify(a.data).includes('"s":"stop-antivirus","v":"problem"'))!;
    const eventsBefore = (await store.getRollout(scope, rolloutId))!.events.length;
    const opened = await click(problem.data);
    expect(opened.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(opened.value)).toEqual([]);
    expect(textsIn(opened.value, 'form-stop-antivirus')).toEqual(c.problemForm);
    expect(JSON.stringify(opened.value)).toContain(`"isMultiline":true,"maxLength":${MAX_NOTE_LENGTH}`);
    expect((await store.getRollout(scope, rolloutId))!.events).toHaveLength(eventsBefore);

    const note = 'the antivirus service hangs while stopping. '.repeat(14).trim();
    expect(note.length).toBeGreaterThan(MAX_NOTE_LENGTH);
    expect(note.length).toBeLessThanOrEqual(2 * MAX_NOTE_LENGTH);
    const submit = executeActions(opened.value).find((a) => (a.data as { xspInput?: string }).xspInput === 'note-stop-antivirus-problem')!;
    const answer = await click({ ...(submit.data as object), 'note-stop-antivirus-problem': note });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textsIn(answer.value, 'refused-stop-antivirus')).toEqual([`✖ ${c.tooLong}`, `${c.yours}${note}`]);
    // The form is gone: the note waits in the refusal, to copy.
    expect(textsIn(answer.value, 'form-stop-antivirus')).toEqual([]);
    expect((await store.getRollout(scope, rolloutId))!.events).toHaveLength(eventsBefore);
  });

  it('skipping the backup asks once more with the risk; the second skip is recorded', async () => {
    const { rolloutId } = await postPlan();
    const id = 'note-full-backup-skip';
    const skip = { xsp: { k: 'step', r: rolloutId, s: 'full-backup', v: 'skip' }, xspInput: id, [id]: 'no tape drive today' };
    const first = await click(skip, 'f:skip-1');
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    const [reason, yours] = textsIn(first.value, 'refused-full-backup');
    expect(reason).toMatch(c.risk);
    expect(yours).toBe(`${c.yours}no tape drive today`);
    const second = await click(skip, 'f:skip-2');
    expect(second.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(posts().map((p) => p.body.text)).toContain(c.skipped);
  });
});
