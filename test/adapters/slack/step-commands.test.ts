/**
 * Step commands and notes through the real Slack adapter (signed requests, real Bolt
 * receiver, real core, SQLite file), for an English and a Dutch Slack user who each
 * post their own plan: "/exchange-sp confirm 12" and "confirm" are answered privately
 * and start no interview; the note modal takes no more than the core keeps; skipping
 * the backup asks once more with the risk and shows the note back; undo's thread line
 * says what the step went back to; status lists open problems.
 */
import { MAX_NOTE_LENGTH } from '../../../conversations/limits';
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { parseButtonValue } from '../../../adapters/slack/button-value';
import { useSlackBot, type Harness } from './harness';
import { blockActionsBody, postSlack, slashCommandBody, viewSubmissionBody } from '../../kit/slack-requests';

interface Btn { action_id: string; value: string; style?: string }
interface Blk { type: string; text?: { text: string }; elements?: Btn[]; accessory?: Btn }
interface Msg { text: string; blocks?: Blk[] }

const CASES = [
  {
    lang: 'en',
    user: 'U1',
    channel: 'C-EN',
    name: 'Alice Admin',
    locale: 'en-US',
    answers: '2000 standard sp no adc no ts',
    posted: 'Service pack rollout plan for Exchange 2000',
    noStep: /^There is no step 12: Service pack rollout plan for Exchange 2000 \(#1\) has steps 1 to 6\. Nothing was recorded\.$/,
    usage: /^Which step\? Give its number from the plan/,
    // A refused click names its step first: the answer appears away from the card.
    risk: /^\*2\. Make a full backup, system state included\*\nStep 2 is your way back: .*Nothing was recorded\.\n\nYour text, to copy and use again: no tape drive today$/,
    skipped: 'Alice Admin skipped step 2: Make a full backup, system state included. Reason: no tape drive today',
    problem: 'problem 3 the antivirus service hangs',
    openProblem: 'Open problem at step 3, Close antivirus and stop what need not run now: reported by Alice Admin: the antivirus service hangs',
    undo: 'undo 3',
    backTo: 'Alice Admin undid step 3: Close antivirus and stop what need not run now. Back to: to do.',
  },
  {
    lang: 'nl',
    user: 'U5',
    channel: 'C-NL',
    name: 'Anna Beheer',
    locale: 'nl-NL',
    answers: '2000 standaard servicepack geen adc geen ts',
    posted: 'Uitrolplan servicepack voor Exchange 2000',
    noStep: /^Er is geen stap 12: Uitrolplan servicepack voor Exchange 2000 \(#1\) heeft de stappen 1 tot en met 6\. Er is niets vastgelegd\.$/,
    usage: /^Welke stap\? Geef het nummer uit het plan/,
    risk: /^\*2\. Maak een volledige back-up, systeemstatus inbegrepen\*\nStap 2 is uw weg terug: .*Er is niets vastgelegd\.\n\nUw tekst, om te kopiëren en opnieuw te gebruiken: no tape drive today$/,
    skipped: 'Anna Beheer heeft stap 2 overgeslagen: Maak een volledige back-up, systeemstatus inbegrepen. Reden: no tape drive today',
    problem: 'probleem 3 de antivirusservice blijft hangen',
    openProblem: 'Open probleem bij stap 3, Sluit antivirus af en stop wat nu niet hoeft te draaien: gemeld door Anna Beheer: de antivirusservice blijft hangen',
    undo: 'ongedaan 3',
    backTo: 'Anna Beheer heeft stap 3 ongedaan gemaakt: Sluit antivirus af en stop wat nu niet hoeft te draaien. Terug naar: te doen.',
  },
] as const;

let store: Store;
let h: Harness;
let urls = 0;

useSlackBot('exchange-sp-slack-steps-', (s) => {
  ({ store, h } = s);
  for (const c of CASES) h.fake.users.set(c.user, { name: c.name, locale: c.locale });
});

const lastPrivate = (): Msg => h.fake.calls('response_url').at(-1)?.body as unknown as Msg;
const threadNotes = (): string[] => h.fake.calls('chat.postMessage').filter((c) => c.body.thread_ts !== undefined).map((c) => String(c.body.text));
const buttonsOf = (blocks: Blk[]): Btn[] => blocks.flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);

describe.each(CASES)('a Slack user in $lang', (c) => {
  const who = { user: c.user, userName: c.name.split(' ')[0].toLowerCase(), channel: c.channel };
  const scope: Scope = { platform: 'slack', workspace: 'T1', channel: c.channel };
  let rolloutId = '';
  const events = async () => (await store.getRollout(scope, rolloutId))?.events.map((e) => e.type) ?? [];

  /** A slash command; returns the private answer it got, if any. */
  async function typed(text: string): Promise<Msg | undefined> {
    const before = h.fake.calls('response_url').length;
    expect((await postSlack(h.baseUrl, slashCommandBody(text, h.fake.responseUrl(`r${++urls}`), who))).status).toBe(200);
    await h.adapter.settled();
    return h.fake.calls('response_url').length > before ? lastPrivate() : undefined;
  }

  async function command(text: string): Promise<Msg> {
    const answer = await typed(text);
    expect(answer).toBeDefined();
    return answer!;
  }

  async function click(value: string, actionId: string): Promise<void> {
    const body = blockActionsBody({ ...who, value, actionId, responseUrl: h.fake.responseUrl(`r${++urls}`) });
    expect((await postSlack(h.baseUrl, body)).status).toBe(200);
    await h.adapter.settled();
  }

  it('posts a plan from the summary', async () => {
    const summary = await command(c.answers);
    const post = buttonsOf(summary.blocks ?? []).find((b) => b.style === 'primary');
    expect(post).toBeDefined();
    await click(post!.value, post!.action_id);
    const [rollout] = await store.listRollouts(scope);
    rolloutId = rollout.id;
    expect(rollout.messages.length).toBeGreaterThan(0);
    expect(rollout.locale).toBe(c.lang);
  });

  it('"confirm 12" and a verb without a number are answered privately; nothing is recorded and no interview starts', async () => {
    const posts = h.fake.calls('chat.postMessage').length;
    const verb = c.lang === 'en' ? 'confirm' : 'bevestig';
    expect((await command(`${verb} 12`)).text).toMatch(c.noStep);
    expect((await command(verb)).text).toMatch(c.usage);
    expect((await command(`${verb} abc`)).text).toMatch(c.usage);
    expect(lastPrivate().blocks ?? []).toEqual([]);
    expect(h.fake.calls('chat.postMessage')).toHaveLength(posts);
    expect(await events()).toEqual(['created']);
  });

  it('the note modal holds no more than the core keeps; skipping the backup asks once more and shows the note back', async () => {
    const skip = `{"a":{"k":"step","r":"${rolloutId}","s":"full-backup","v":"skip"},"n":{"t":"Skip","l":"Why?","s":"Skip"},"s":2}`;
    expect(parseButtonValue(skip)?.payload).toMatchObject({ s: 'full-backup', v: 'skip' });
    const submit = async (actionId: string) => {
      const opened = h.fake.calls('views.open').length;
      await click(skip, actionId);
      const view = h.fake.calls('views.open')[opened].body.view as { private_metadata: string; blocks: { element: { max_length: number } }[] };
      expect(view.blocks[0].element.max_length).toBe(MAX_NOTE_LENGTH);
      expect((await postSlack(h.baseUrl, viewSubmissionBody(view.private_metadata, 'no tape drive today', who))).status).toBe(200);
      await h.adapter.settled();
    };
    await submit('skip-1');
    expect(lastPrivate()).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(c.risk) });
    expect(await events()).toEqual(['created']);
    await submit('skip-2');
    await h.fake.waitFor(() => threadNotes().includes(c.skipped));
    expect(await events()).toEqual(['created', 'skipped']);
  });

  it("a typed problem shows in status; a typed undo says what the step went back to", async () => {
    await typed(c.problem);
    expect(JSON.stringify((await command(c.lang === 'en' ? 'status' : 'stand')).blocks)).toContain(c.openProblem);
    await typed(c.undo);
    await h.fake.waitFor(() => threadNotes().includes(c.backTo));
    expect(JSON.stringify((await command('status')).blocks)).not.toContain(c.openProblem);
    expect(await events()).toEqual(['created', 'skipped', 'problem', 'undone']);
  });
});
