/**
 * An interview started where the platform cannot reply privately (a Teams channel:
 * Inbound.conversation 'shared') belongs to that channel but is answered in the
 * person's personal chat: the channel is told in one line, what is typed or clicked
 * in the personal chat continues it, and its plan is posted in the channel. `exchange-sp`
 * typed in the personal chat itself still plans there. A teammate's click on someone
 * else's interview card is told whose it is. Core only, on a real SQLite file, in
 * English and Dutch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBot } from '../../../src/bot';
import { personalChatNoteKey } from '../../../src/bot/interview-home';
import type { Bot, Inbound, Reply } from '../../../src/bot/types';
import { renderCardAsText } from '../../../src/cards/text';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import { useBot } from '../../support/bot-suite';

const tenant = { platform: 'teams' as const, workspace: 'tenant-1' };
const alice = { id: 'aad-alice', name: 'Alice Jansen' };
const bob = { id: 'aad-bob', name: 'Bob de Vries' };
const inChannel: Inbound = { scope: { ...tenant, channel: '19:ops' }, user: alice, conversation: 'shared', address: { post: 'ops-thread' } };
const inPersonalChat: Inbound = { scope: { ...tenant, channel: 'a:alice' }, user: alice, conversation: 'personal', address: { post: 'alice-chat' } };

const kinds = (replies: Reply[]) => replies.map((r) => r.type);
const textOf = (replies: Reply[]) =>
  replies.map((r) => (r.type === 'private' ? renderCardAsText(r.card).text : r.type === 'refused' || r.type === 'public' ? r.text : `<${r.type}>`)).join('\n');

const CASES = [
  {
    lang: 'en',
    locale: 'en-US',
    start: 'exchange-sp 2000 standard sp',
    no: 'no',
    post: 'post',
    announced: 'Alice Jansen is preparing an Exchange 2000 plan — I have sent you the questions in our personal chat.',
    firstQuestion: 'Which Exchange version is it?',
    posting: 'Posting the plan in the channel',
    theirs:
      "This is Alice Jansen's interview: only they can answer its questions, so nothing was changed. To plan a rollout of your own: type @ and my name, then exchange-sp (in our personal chat, exchange-sp alone will do).",
  },
  {
    lang: 'nl',
    locale: 'nl-NL',
    start: 'exchange-sp 2000 standaard servicepack',
    no: 'nee',
    post: 'plaatsen',
    announced: 'Alice Jansen maakt een plan voor Exchange 2000 — ik heb u de vragen gestuurd in onze persoonlijke chat.',
    firstQuestion: 'Welke versie van Exchange is het?',
    posting: 'Het plan wordt in het kanaal geplaatst',
    theirs:
      'Dit is het gesprek van Alice Jansen: alleen die kan de vragen beantwoorden, dus er is niets veranderd. Om zelf een uitrol te plannen: typ @ en mijn naam, daarna exchange-sp (in onze persoonlijke chat is exchange-sp genoeg).',
  },
] as const;

describe.each(CASES)('in $lang', (c) => {
  let dir: string;
  let store: Store;
  let bot: Bot;
  const channel: Inbound = { ...inChannel, locale: c.lang };
  const personal: Inbound = { ...inPersonalChat, locale: c.lang };
  const say = (where: Inbound, text: string) => bot.handleMessage(where, { text, isCommand: /^exchange-sp\b/.test(text) });

  useBot('exsp-personal-', (s) => {
    ({ store, bot } = s);
  });

  it('started in the channel: the questions are for Alice alone, the channel gets one line after them', async () => {
    const replies = await say(channel, c.start);
    expect(kinds(replies)).toEqual(['private', 'public']);
    expect(replies[1]).toEqual({ type: 'public', text: c.announced });
    // Answering there again (not a start) says nothing more to the channel.
    expect(kinds(await say(channel, c.no))).toEqual(['private']);
  });

  it('answers typed and clicked in her personal chat continue it; the plan goes to the channel, to the thread it began in', async () => {
    await say(channel, c.start);
    expect(await bot.userContext(personal)).toEqual({ locale: c.lang, interviewing: true });
    expect(kinds(await say(personal, c.no))).toEqual(['private']);
    const summary = await bot.handleAction(personal, { payload: { k: 'answer', q: 'terminalServices', v: 'no' }, actionKey: 'k-1' });
    expect(kinds(summary)).toEqual(['private']);
    const posted = await say(personal, c.post);
    expect(textOf(posted)).toContain(c.posting);
    expect(await store.listRollouts(personal.scope)).toEqual([]);
    const [rollout] = await store.listRollouts(channel.scope);
    expect(rollout.owner).toEqual(alice);
    expect(await store.getDelivery(channel.scope, rollout.id)).toMatchObject({ postState: 'pending', address: { post: 'ops-thread' } });
    // That interview is over: her personal chat is itself again and starts its own.
    expect(await bot.userContext(personal)).toEqual({ locale: c.lang, interviewing: false });
    expect(textOf(await say(personal, "hello")).toLowerCase()).toContain(c.firstQuestion.toLowerCase());
  });

  it('"exchange-sp" typed in the personal chat plans there; the channel interview waits for her', async () => {
    await say(channel, c.start);
    const own = await say(personal, 'exchange-sp');
    expect(kinds(own)).toEqual(['private']);
    expect(textOf(own).toLowerCase()).toContain(c.firstQuestion.toLowerCase());
    await say(personal, c.start);
    await say(personal, c.no);
    await say(personal, c.no);
    await say(personal, c.post);
    expect(await store.listRollouts(personal.scope)).toHaveLength(1);
    expect(await store.listRollouts(channel.scope)).toEqual([]);
    expect(await bot.userContext(channel)).toEqual({ locale: c.lang, interviewing: true });
  });

  it("Bob's click on Alice's interview card is told whose it is, and changes nothing", async () => {
    await say(channel, c.start);
    const before = await bot.userContext(channel);
    const bobClicks: Inbound = { ...personal, user: bob };
    const replies = await bot.handleAction(bobClicks, { payload: { k: 'answer', q: 'adc', v: 'yes' }, actionKey: 'k-bob', cardFor: alice });
    expect(replies).toEqual([{ type: 'refused', text: c.theirs }]);
    expect(await bot.userContext(channel)).toEqual(before);
    expect(await bot.userContext({ ...channel, user: bob })).toMatchObject({ interviewing: false });
    // Her own click on her card goes on as usual.
    const hers = await bot.handleAction(personal, { payload: { k: 'answer', q: 'adc', v: 'no' }, actionKey: 'k-alice', cardFor: alice });
    expect(kinds(hers)).toEqual(['private']);
  });
});

describe('without a shared conversation (Slack, the console)', () => {
  it('says nothing public and keeps no personal-chat note', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-personal-'));
    const store = createSqliteStore({ file: path.join(dir, 'bot.sqlite') });
    await store.migrate();
    const bot = createBot({ store });
    const slack: Inbound = { scope: { platform: 'slack', workspace: 'T1', channel: 'C1' }, user: { id: 'U1', name: 'Ann' } };
    expect(kinds(await bot.handleMessage(slack, { text: '2000 standard sp', isCommand: true }))).toEqual(['private']);
    expect(await store.loadDialog(personalChatNoteKey(slack))).toBeUndefined();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
