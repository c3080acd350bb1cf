/**
 * The whole Slack story with the real core and a SQLite file: Alice types
 * /exchange-sp, answers the questions in her private message, posts the plan; Alice
 * and Bob confirm steps and the channel sees both names on the card and in the
 * thread. Then every refusal the team can run into, each recording nothing.
 */
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { parseButtonValue } from '../../../adapters/slack/button-value';
import type { FakeCall } from '../../kit/fake-slack';
import { useSlackBot, type Harness } from './harness';
import { slackMessageViolations } from '../../kit/slack-limits-check';
import { blockActionsBody, postSlack, slashCommandBody, type ClickOptions } from '../../kit/slack-requests';

interface Btn { type?: string; action_id: string; value: string; style?: string; text: { text: string }; options?: { text: { text: string }; value: string }[] }
interface Blk { type: string; block_id?: string; text?: { text: string }; elements?: Btn[]; accessory?: Btn; element?: { action_id: string } }
interface Msg { text: string; blocks?: Blk[] }

const scope: Scope = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const NAMES: Record<string, string> = { nodeA: 'EXCH1', nodeB: 'EXCH2', evsA: 'MAIL1', evsB: 'MAIL2' };

let store: Store;
let h: Harness;
let urls = 0;

useSlackBot('exchange-sp-slack-', (s) => {
  ({ store, h } = s);
  h.fake.users.set('U1', { name: 'Alice Admin', locale: 'en-US' });
  h.fake.users.set('U2', { name: 'Bob Builder', locale: 'en-GB' });
  h.fake.users.set('U3', { name: 'Carol Clicker', locale: 'en-US' });
});

const buttonsOf = (blocks: Blk[]): Btn[] =>
  blocks.flatMap((b) => [...(b.type === 'actions' ? b.elements ?? [] : []), ...(b.accessory ? [b.accessory] : [])]);
const lastPrivate = (): Msg => h.fake.calls('response_url').at(-1)?.body as unknown as Msg;
const planPosts = (): FakeCall[] => h.fake.calls('chat.postMessage').filter((c) => c.body.thread_ts === undefined);
const threadNotes = (): string[] => (planTs[0] ? h.fake.thread('C1', planTs[0]).flatMap((m) => m.text.split('\n')) : []);
const responseUrl = () => h.fake.responseUrl(`r${++urls}`);

async function click(options: Omit<ClickOptions, 'responseUrl'>): Promise<Msg | undefined> {
  const before = h.fake.calls('response_url').length;
  const res = await postSlack(h.baseUrl, blockActionsBody({ responseUrl: responseUrl(), ...options }));
  expect(res.status).toBe(200);
  await h.adapter.settled();
  return h.fake.calls('response_url').length > before ? lastPrivate() : undefined;
}

/** The step's section text and its buttons on the latest drawing of the plan. */
function stepOnCard(messages: Msg[], predicate: (text: string) => boolean): { text: string; confirm?: Btn } | undefined {
  for (const m of messages) {
    const blocks = m.blocks ?? [];
    for (const [i, b] of blocks.entries()) {
      const text = b.text?.text ?? '';
      if (b.type !== 'section' || !/^:[a-z_]+: \*\d+\./.test(text) || !predicate(text)) continue;
      const buttons = [...(b.accessory ? [b.accessory] : []), ...(blocks[i + 1]?.type === 'actions' ? blocks[i + 1].elements ?? [] : [])];
      return { text, confirm: buttons.find((x) => parseButtonValue(x.value)?.payload.k === 'step' && x.value.includes('"v":"confirm"')) };
    }
  }
  return undefined;
}

/** The ts Slack gave each posted part, in order. */
let planTs: string[] = [];
/** What the channel shows now: the plan's parts as the fake Slack holds them (latest update applied). */
function currentPlan(): Msg[] {
  return h.fake.shown('C1').map((m) => ({ text: m.text, blocks: m.blocks as Blk[] }));
}

let rolloutId = '';
const eventCount = async () => (await store.getRollout(scope, rolloutId))?.events.length ?? -1;

describe('a team rolls out a service pack through Slack', () => {
  it('Alice answers the questions privately and posts the plan', async () => {
    const res = await postSlack(h.baseUrl, slashCommandBody('Exchange 2000 enterprise active/passive service pack', responseUrl()));
    expect(res.status).toBe(200);
    await h.adapter.settled();
    for (let turn = 0; turn < 25 && planPosts().length === 0; turn++) {
      const card = lastPrivate();
      expect(slackMessageViolations(card)).toEqual([]);
      const blocks = card.blocks ?? [];
      const input = blocks.find((b) => b.type === 'input');
      const buttons = buttonsOf(blocks);
      if (input?.element && input.block_id) {
        const id = input.element.action_id.slice(3);
        const save = buttons.find((b) => parseButtonValue(b.value)?.payload.k === 'answer' && b.value.includes(`"i":"${id}"`));
        expect(save).toBeDefined();
        await click({ value: save?.value, actionId: save?.action_id, ephemeral: true, state: { [input.block_id]: { [input.element.action_id]: { type: 'plain_text_input', value: NAMES[id] ?? 'X' } } } });
      } else {
        const next = buttons.find((b) => b.style === 'primary') ?? buttons[0];
        await click({ value: next.value, actionId: next.action_id, ephemeral: true });
      }
      // Every interview turn replaces the private message in place.
if (planPosts().length === 0) expect(lastPrivate()).toMatchObject({ replace_original: true });
    }
    expect(planPosts().length).toBeGreaterThan(0);
    const [rollout] = await store.listRollouts(scope);
    rolloutId = rollout.id;
    expect(rollout.messages.length).toBe(planPosts().length);
    planTs = rollout.messages.map((m) => m.id);
    // The channel shows the plan; Alice's summary became the note that it is there.
    expect(h.fake.shown('C1').map((m) => m.ts)).toEqual(planTs);
    expect(lastPrivate()).toMatchObject({ replace_original: true, text: expect.stringMatching(/^Posted in this channel: Service pack rollout plan .*\(#1\)\.$/) });
  });

  it('Alice and Bob confirm steps; the card and the thread show who did what', async () => {
    const first = stepOnCard(currentPlan(), (t) => t.includes('*1.'));
    const second = stepOnCard(currentPlan(), (t) => t.includes('*2.'));
    expect(first?.confirm && second?.confirm).toBeTruthy();
    await click({ value: first?.confirm?.value, actionId: first?.confirm?.action_id, user: 'U1', messageTs: planTs[0] });
    await click({ value: second?.confirm?.value, actionId: second?.confirm?.action_id, user: 'U2', userName: 'bob', messageTs: planTs[0] });
    const plan = currentPlan();
    expect(stepOnCard(plan, (t) => t.includes('*1.'))?.text).toMatch(/:white_check_mark:[\s\S]*Alice Admin/);
    expect(stepOnCard(plan, (t) => t.includes('*2.'))?.text).toMatch(/:white_check_mark:[\s\S]*Bob Builder/);
    expect(threadNotes()).toEqual([expect.stringContaining('Alice Admin'), expect.stringContaining('Bob Builder')]);
    for (const c of h.fake.calls()) if (Array.isArray(c.body.blocks)) expect(slackMessageViolations(c.body)).toEqual([]);
  });

  it('the same click delivered twice is recorded once', async () => {
    const third = stepOnCard(currentPlan(), (t) => t.includes('*3.') && !t.includes('waits for'));
    const target = third ?? stepOnCard(currentPlan(), (t) => t.startsWith(':arrow_forward:'));
    expect(target?.confirm).toBeDefined();
    const before = await eventCount();
    const notes = threadNotes().length;
    const same = { value: target?.confirm?.value, actionId: target?.confirm?.action_id, actionTs: '1700009999.000001', user: 'U2' };
    await click(same);
    await click(same);
    expect(await eventCount()).toBe(before + 1);
    expect(threadNotes()).toHaveLength(notes + 1);
  });

  it('a step that must wait has no Confirm; one sent anyway is refused to the clicker only, naming the step', async () => {
    const waiting = stepOnCard(currentPlan(), (t) => t.includes('waits for step'));
    expect(waiting?.text).toMatch(/^:hourglass_flowing_sand: \*\d+\. .*\* · waits for steps? /);
    expect(waiting?.confirm).toBeUndefined();
    // An old card or a hand-made request still carries one.
    const { rollout } = (await store.getRollout(scope, rolloutId))!;
    const number = Number(/\*(\d+)\./.exec(waiting!.text)![1]);
    const stepId = rollout.plan.steps[number - 1].id;
    const before = await eventCount();
    const answer = await click({ value: JSON.stringify({ k: 'step', r: rolloutId, s: stepId, v: 'confirm' }), user: 'U2' });
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringMatching(new RegExp(`^\\*${number}\\. .+\\*\\nStep ${number} must wait for steps? [\\d–, ]+: confirm or skip`)) });
    expect(await eventCount()).toBe(before);
  });

  it('"Details" in a step\'s menu shows its whole text and the FACTS ids, to the clicker only', async () => {
    const blocks = currentPlan().flatMap((m) => m.blocks ?? []);
    const line = blocks.find((b) => b.type === 'section' && b.text?.text.startsWith(':white_check_mark: *1.'));
    const details = line?.accessory?.options?.find((o) => o.text.text === 'Details');
    expect(details).toBeDefined();
    const before = h.fake.calls('chat.postMessage').length;
    const answer = await click({ type: 'overflow', actionId: line!.accessory!.action_id, selectedOption: details!.value, user: 'U3', userName: 'carol' });
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = JSON.stringify(answer?.blocks);
    expect(text).toContain('*1. Read the release notes of the service pack*');
    expect(text).toContain('Sources (fact ids from KB 328839): E2K-2, K1');
    expect(h.fake.calls('chat.postMessage')).toHaveLength(before);
    for (const c of h.fake.calls('response_url')) expect(slackMessageViolations(c.body)).toEqual([]);
  });

  it('a value pointing at this rollout from another channel changes nothing', async () => {
    const open = stepOnCard(currentPlan(), (t) => t.startsWith(':arrow_forward:'));
    const before = await eventCount();
    const answer = await click({ value: open?.confirm?.value, actionId: 'x', channel: 'C2', user: 'U2' });
    expect(answer?.text).toMatch(/do not know that rollout/);
    expect(await eventCount()).toBe(before);
  });

  it('once Alice names the operators, Carol may not act', async () => {
    await postSlack(h.baseUrl, slashCommandBody('operators <@U2|bob>', responseUrl()));
    await h.adapter.settled();
    const open = stepOnCard(currentPlan(), (t) => t.startsWith(':arrow_forward:'));
    const before = await eventCount();
    const answer = await click({ value: open?.confirm?.value, actionId: 'y', user: 'U3', userName: 'carol' });
    expect(answer?.text).toMatch(/Only the operators/);
    expect(await eventCount()).toBe(before);
  });

  it('an operators command that names nobody is refused and never opens the plan to everyone', async () => {
    h.fake.users.set('U4', { name: 'anyone', locale: 'en-US' });
    const before = await eventCount();
    const refusals: [string, RegExp][] = [
      // Typed as plain text: Slack leaves "@bob" unescaped when it links no user.
      ['operators @bob', /could not tell who "@bob" is.*Nothing was changed/],
      ['operators carol', /could not tell who "carol" is/],
      ['operators nobody', /could not tell who "nobody" is/],
      ['operators <@U1|alice>', /As the owner you can always act/],
      ['operators', /Name the people who may act/],
    ];
    for (const [text, expected] of refusals) {
      await postSlack(h.baseUrl, slashCommandBody(text, responseUrl()));
      await h.adapter.settled();
      expect({ text, answer: lastPrivate().text }).toEqual({ text, answer: expect.stringMatching(expected) });
    }
    expect(await eventCount()).toBe(before);
    expect(threadNotes().filter((n) => /anyone/.test(n))).toEqual([]);
    // A person whose display name is "anyone" becomes the one operator, not everyone.
    await postSlack(h.baseUrl, slashCommandBody('operators <@U4>', responseUrl()));
    await h.adapter.settled();
    expect(lastPrivate().text).toMatch(/only anyone and you can act/);
    expect(threadNotes().at(-1)).toBe('Alice Admin set who may act on this plan: anyone');
    const open = stepOnCard(currentPlan(), (t) => t.startsWith(':arrow_forward:'));
    const refused = await click({ value: open?.confirm?.value, actionId: 'op-2', user: 'U3', userName: 'carol' });
    expect(refused?.text).toMatch(/Only the operators/);
    // Bob, the operator until now, no longer may act either.
    const bobRefused = await click({ value: open?.confirm?.value, actionId: 'op-3', user: 'U2' });
    expect(bobRefused?.text).toMatch(/Only the operators/);
    await postSlack(h.baseUrl, slashCommandBody('operators <@U2|bob>', responseUrl()));
    await h.adapter.settled();
  });

  it("the plan's people picker: Carol's change is refused privately; Alice's is recorded for all", async () => {
    const picker = () => currentPlan().flatMap((m) => m.blocks ?? []).find((b) => b.type === 'actions' && b.block_id?.startsWith('pick:'));
    const before = await eventCount();
    // Slack shows who may act now in the picker (Bob, since the command above).
    expect(picker()?.elements?.[0]).toMatchObject({ type: 'multi_users_select', initial_users: ['U2'], max_selected_items: 50 });
    const carol = await click({ type: 'multi_users_select', blockId: picker()!.block_id, selectedUsers: ['U3'], user: 'U3', userName: 'carol' });
    expect(carol?.text).toBe('Only Alice Admin, who posted this plan, can choose its operators.');
    expect(await eventCount()).toBe(before);
    await click({ type: 'multi_users_select', blockId: picker()!.block_id, selectedUsers: ['U2', 'U3'], user: 'U1' });
    expect(await eventCount()).toBe(before + 1);
    expect(threadNotes().at(-1)).toBe('Alice Admin set who may act on this plan: Bob Builder, Carol Clicker');
    expect(picker()?.elements?.[0]).toMatchObject({ initial_users: ['U2', 'U3'] });
    const plan = JSON.stringify(currentPlan());
    expect(plan).toContain('Only Bob Builder, Carol Clicker and Alice Admin (owner) can act on this plan.');
    // Emptying the picker opens nothing: only "Anyone in this channel" does.
    const empty = await click({ type: 'multi_users_select', blockId: picker()!.block_id, selectedUsers: [], user: 'U1' });
    expect(empty?.text).toMatch(/^Name the people who may act/);
    expect(await eventCount()).toBe(before + 1);
  });

  it('/exchange-sp status lists the open rollout with a link to its plan', async () => {
    await postSlack(h.baseUrl, slashCommandBody('status', responseUrl(), { user: 'U2' }));
    await h.adapter.settled();
    const text = JSON.stringify(lastPrivate().blocks);
    expect(h.fake.calls('chat.getPermalink').at(-1)?.body).toMatchObject({ channel: 'C1', message_ts: planTs[0] });
    expect(text).toContain(`<https://example.slack.com/archives/C1/p${planTs[0].replace('.', '')}|`);
    expect(text).toContain(' · #1, started by Alice Admin');
  });

  it('a finished rollout refuses any further click', async () => {
    const snapshot = await store.getRollout(scope, rolloutId);
    const bob = { id: 'U2', name: 'Bob Builder' };
    for (const step of snapshot?.rollout.plan.steps ?? []) {
      const action = { verb: 'skip' as const, stepId: step.id, actor: bob, note: 'done by hand', actionKey: `finish-${step.id}`, riskAccepted: true };
      await store.applyAction(scope, rolloutId, action, new Date());
    }
    expect((await store.getRollout(scope, rolloutId))?.rollout.status).toBe('completed');
    const step = snapshot?.rollout.plan.steps[0].id ?? '';
    const before = await eventCount();
    const answer = await click({ value: JSON.stringify({ k: 'step', r: rolloutId, s: step, v: 'undo' }), actionId: 'z', user: 'U2' });
    expect(answer?.text).toMatch(/finished/);
    expect(await eventCount()).toBe(before);
  });
});
