/**
 * The interview is its author's, not the channel's (issue 11). Teams has no private
 * messages in a channel, so when someone starts an interview there the bot opens
 * their personal chat (createConversation at the strict fake Bot Connector), asks
 * there, and the channel sees one line and later the plan. After every step of a
 * whole interview, in English and Dutch, the test looks at everything the channel
 * shows (all threads): no question, answer, refusal or status meant for one person
 * is ever there. A teammate's click on the author's card is told whose it is; where
 * the personal chat cannot be opened (the app is not installed for that person) the
 * channel gets one line saying how to fix it, never the interview. Through the real
 * CloudAdapter, the real core and a SQLite file.
 */
import type { Store } from '../../../src/store/store';
import { ALICE, BOB, BOT, invokeActivity, messageActivity, TENANT, type Where } from '../../kit/teams-activities';
import type { ShownActivity } from '../../kit/fake-connector';
import { useTeamsBot, type Harness } from './helpers/harness';
import { guardNetwork } from '../../kit/guard-network';
import { allTexts, executeActions, textsIn as textsInElement } from './helpers/validate-card';

const CASES = [
  {
    lang: 'en',
    locale: 'en-US',
    author: ALICE,
    teammate: BOB,
    channel: '19:en-ops@thread.tacv2',
    start: 'exchange-sp 2000 enterprise active/passive NODE1 NODE2 service pack',
    personalStart: 'exchange-sp 2000 standard sp no adc no ts',
    announced: 'Alice Jansen is preparing an Exchange 2000 plan — I have sent you the questions in our personal chat.',
    understood: 'Understood: Exchange 2000, Enterprise Edition, active/passive cluster, active node NODE1, passive node NODE2, service pack.',
    virtualServer: 'What is the name of the Exchange virtual server?',
    adc: 'Is the Active Directory Connector (ADC) installed?',
    no: 'No',
    postPlan: 'Post plan',
    posting: /^Posting the plan in the channel: Service pack rollout plan for Exchange 2000 \(#\d+\)…$/,
    posted: /^Posted in the channel: Service pack rollout plan for Exchange 2000 \(#\d+\)\.$/,
    planTitle: 'Service pack rollout plan for Exchange 2000',
    theirs:
      "This is Alice Jansen's interview: only they can answer its questions, so nothing was changed. To plan a rollout of your own: type @ and my name, then exchange-sp (in our personal chat, exchange-sp alone will do).",
    status: 'status',
    noneOpen: 'There are no open rollouts in the channel. To plan one: type @ and my name, then exchange-sp (in our personal chat, exchange-sp alone will do).',
    confirm12: 'confirm 12',
    noStep: /^There is no step 12: /,
    waiting: /^waits for steps? /,
    mustWait: 'Step 5 must wait for steps 1–4: confirm or skip those first.',
    sent: 'I have sent you my answer in our personal chat.',
    unreachable:
      'Alice Jansen, my answer is for you alone, but I could not open our personal chat. Add me for yourself once (in Teams: Apps, search for my name, Add), then ask me again here: what you already answered is kept.',
  },
  {
    lang: 'nl',
    locale: 'nl-NL',
    author: BOB,
    teammate: ALICE,
    channel: '19:nl-beheer@thread.tacv2',
    start: 'exchange-sp 2000 enterprise actief/passief NODE1 NODE2 servicepack',
    personalStart: 'exchange-sp 2000 standaard servicepack geen adc geen ts',
    announced: 'Bob de Vries maakt een plan voor Exchange 2000 — ik heb u de vragen gestuurd in onze persoonlijke chat.',
    understood: 'Begrepen: Exchange 2000, Enterprise Edition, actief/passief cluster, actief knooppunt NODE1, passief knooppunt NODE2, servicepack.',
    virtualServer: 'Hoe heet de virtuele Exchange-server?',
    adc: 'Is de Active Directory Connector (ADC) geïnstalleerd?',
    no: 'Nee',
    postPlan: 'Plan plaatsen',
    posting: /^Het plan wordt in het kanaal geplaatst: Uitrolplan servicepack voor Exchange 2000 \(#\d+\)…$/,
    posted: /^Geplaatst in het kanaal: Uitrolplan servicepack voor Exchange 2000 \(#\d+\)\.$/,
    planTitle: 'Uitrolplan servicepack voor Exchange 2000',
    theirs:
      'Dit is het gesprek van Bob de Vries: alleen die kan de vragen beantwoorden, dus er is niets veranderd. Om zelf een uitrol te plannen: typ @ en mijn naam, daarna exchange-sp (in onze persoonlijke chat is exchange-sp genoeg).',
    status: 'stand',
    noneOpen: 'Er lopen geen uitrollen in het kanaal. Om er een te plannen: typ @ en mijn naam, daarna exchange-sp (in onze persoonlijke chat is exchange-sp genoeg).',
    confirm12: 'bevestig 12',
    noStep: /^Er is geen stap 12: /,
    waiting: /^wacht op stap(pen)? /,
    mustWait: 'Stap 5 moet wachten op de stappen 1–4: bevestig die eerst of sla ze over.',
    sent: 'Ik heb u mijn antwoord gestuurd in onze persoonlijke chat.',
    unreachable:
      'Bob de Vries, mijn antwoord is alleen voor u, maar ik kon onze persoonlijke chat niet openen. Voeg mij één keer voor uzelf toe (in Teams: Apps, zoek op mijn naam, Toevoegen) en vraag het me daarna hier opnieuw: wat u al hebt beantwoord, blijft bewaard.',
  },
] as const;

type Json = Record<string, unknown>;
let store: Store;
let h: Harness;

guardNetwork();
useTeamsBot('xsp-teams-private-', (s) => {
  ({ store, h } = s);
});

/** A message as a person sees it: its text, or the texts of its card. */
const seen = (a: ShownActivity): string => (typeof a.body.text === 'string' ? a.body.text : h.connector.cardsIn({ method: 'POST', conversationId: '', body: a.body }).flatMap(allTexts).join('\n'));

describe.each(CASES)('in $lang', (c) => {
  const thread = `${c.channel};messageid=1711000000001`;
  const inThread: Where = { serviceUrl: '', conversationId: thread, locale: c.locale };
  const where = (at: Where): Where => ({ ...at, serviceUrl: h.connector.serviceUrl });
  const chatOf = (who: typeof ALICE): Where => ({
    serviceUrl: h.connector.serviceUrl,
    conversationType: 'personal',
    conversationId: h.connector.personalChatOf(who.id)!,
    locale: c.locale,
  });
  /** Everything the channel shows, in any thread. */
  const channel = () => h.connector.everythingIn(c.channel).map(seen);
  /** The latest card in someone's personal chat. */
  const lastCardIn = (who: typeof ALICE): Json => {
    const cards = h.connector.shown(chatOf(who).conversationId!).flatMap((a) => h.connector.cardsIn({ method: 'POST', conversationId: '', body: a.body }));
    return cards.at(-1) as Json;
  };
  const textsIn = (who: typeof ALICE) => h.connector.shown(chatOf(who).conversationId!).map(seen);
  /**
   * A Confirm for the first step that waits for another. The card offers none (a waiting
   * step has no buttons), so it is the ready step's Confirm re-aimed: what a stale or
   * forged click would send.
   */
  const waitingStepConfirm = (card: unknown): Json => {
    const lines = ((card as { body: Json[] }).body ?? []).filter((e) => String(e.id).startsWith('step-'));
    const waiting = lines.find((line) => allTexts(line).some((text) => c.waiting.test(text)));
    if (!waiting) throw new Error(`no step waits for another on the first plan part: ${allTexts(card).join(' | ')}`);
    expect(executeActions(waiting).filter((a) => (a.data as { xsp?: Json } | undefined)?.xsp?.v === 'confirm')).toEqual([]);
    const ready = executeActions(card).map((a) => a.data as { xsp: Json }).find((d) => d?.xsp?.v === 'confirm');
    if (!ready) throw new Error('no Confirm on the first plan part');
    return { ...ready, xsp: { ...ready.xsp, s: String(waiting.id).slice('step-'.length) } };
  };
  const button = (card: unknown, title: string) => {
    const found = executeActions(card).find((a) => a.title === title);
    if (!found) throw new Error(`no "${title}" button; the card says ${allTexts(card).join(' | ')}`);
    return found.data as Json;
  };

  async function say(at: Where, text: string, from: typeof ALICE) {
    expect((await h.post(messageActivity(where(at), text, { from }))).status).toBe(200);
    await h.adapter.flush();
  }
  async function click(at: Where, data: Json, from: typeof ALICE, replyToId?: string) {
    const res = await h.post(invokeActivity(where(at), data, { from, ...(replyToId ? { replyToId } : {}) }));
    expect(res.status).toBe(200);
    await h.adapter.flush();
    return res.json() as { type: string; value: unknown };
  }

  it('a whole interview begun in the channel: the channel sees one line and the plan, nothing meant for one person', async () => {
    // The teammate asks for the status in the channel: the answer is theirs, in their personal chat.
    await say(inThread, c.status, c.teammate);
    expect(channel()).toEqual([]);
    expect(textsIn(c.teammate)).toEqual([c.noneOpen]);

    // The author starts; the bot opens their personal chat, as the service expects it asked.
    await say(inThread, c.start, c.author);
    expect(h.connector.personalChatsOpened.map((o) => o.body)).toContainEqual({
      isGroup: false,
      bot: { id: BOT.id, name: BOT.name },
      members: [{ id: c.author.id, name: c.author.name }],
      tenantId: TENANT,
      channelData: { tenant: { id: TENANT } },
    });
    expect(channel()).toEqual([c.announced]);
    const first = allTexts(lastCardIn(c.author));
    expect(first).toContain(c.understood);
    expect(first).toContain(c.virtualServer);

    // A name typed in the personal chat continues the channel's interview.
    await say(chatOf(c.author), 'EVS1', c.author);
    expect(channel()).toEqual([c.announced]);
    const adcCard = lastCardIn(c.author);
    expect(allTexts(adcCard)).toContain(c.adc);

    // The teammate clicks the author's card: told whose it is, in the click's answer only.
    const postsBefore = h.connector.calls.length;
    const theirs = await click(chatOf(c.author), button(adcCard, c.no), c.teammate);
    expect(theirs).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: c.theirs });
    expect(h.connector.calls.slice(postsBefore)).toEqual([]);

    // The author answers on the card, then posts the plan from the summary.
    const summary = await click(chatOf(c.author), button(adcCard, c.no), c.author);
    expect(summary.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(channel()).toEqual([c.announced]);
    const posting = await click(chatOf(c.author), button(summary.value, c.postPlan), c.author);
    expect(allTexts(posting.value).join('\n')).toMatch(c.posting);

    // The plan is in the thread the interview began in; the author hears it in the personal chat.
    const [line, ...plan] = h.connector.everythingIn(c.channel);
    expect(seen(line)).toBe(c.announced);
    expect(plan.length).toBeGreaterThanOrEqual(1);
    for (const part of plan) {
      expect(part.conversationId).toBe(thread);
      expect(seen(part)).toContain(c.planTitle);
    }
    expect(textsIn(c.author).at(-1)).toMatch(c.posted);
    const planTexts = plan.map(seen).join('\n');
    for (const privately of [c.understood, c.virtualServer, c.adc, c.theirs]) expect(planTexts).not.toContain(privately);

    // A step command the teammate types in the channel is answered in their personal chat.
    const channelBefore = channel();
    await say(inThread, c.confirm12, c.teammate);
    expect(channel()).toEqual(channelBefore);
    expect(textsIn(c.teammate).at(-1)).toMatch(c.noStep);

    // A click that must wait is answered to the clicker alone; nothing is posted anywhere.
    const gated = waitingStepConfirm(h.connector.cardsIn({ method: 'POST', conversationId: '', body: plan[0].body })[0]);
    const callsBefore = h.connector.calls.length;
    const refused = await click(inThread, gated, c.teammate, plan[0].id);
    // The answer is the clicker's own copy of the card, the reason drawn under the step.
    expect(refused.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textsInElement(refused.value, `refused-${String((gated.xsp as Json).s)}`)).toEqual([`✖ ${c.mustWait}`]);
    expect(h.connector.calls.slice(callsBefore)).toEqual([]);
    expect(channel()).toEqual(channelBefore);
  });

  it('help asked in the channel is answered in the personal chat and begins no interview: the channel sees nothing', async () => {
    const [word, heading, question] = c.lang === 'en' ? ['help', 'Commands:', 'Which Exchange version'] : ['hulp', 'Opdrachten:', 'Welke versie van Exchange'];
    await say(inThread, `exchange-sp ${word}`, c.author);
    expect(channel()).toEqual([]);
    const help = textsIn(c.author).join('\n');
    expect(help).toContain(heading);
    expect(help).not.toContain(question);
  });

  it('"exchange-sp" typed in the personal chat itself plans there', async () => {
    await say(inThread, c.start, c.author);
    await say(chatOf(c.author), c.personalStart, c.author);
    const summary = lastCardIn(c.author);
    await click(chatOf(c.author), button(summary, c.postPlan), c.author);
    const plans = h.connector.shown(chatOf(c.author).conversationId!).filter((a) => seen(a).includes(`${c.planTitle}\n`));
    expect(plans).toHaveLength(1);
    expect(executeActions(h.connector.cardsIn({ method: 'POST', conversationId: '', body: plans[0].body })[0]).length).toBeGreaterThan(0);
    // The channel still has only the line of the interview that waits there.
    expect(channel()).toEqual([c.announced]);
  });

  it('when the personal chat cannot be opened, the channel is told how to fix it, never the interview; the answers wait', async () => {
    h.connector.notInstalledFor.add(c.author.id);
    await say(inThread, c.start, c.author);
    expect(channel()).toEqual([c.unreachable]);
    expect(h.connector.personalChatOf(c.author.id)).toBeUndefined();
    // Asked once for the turn, not again for each reply.
    expect(h.connector.attempts.filter((a) => a === 'CREATE')).toHaveLength(1);

    // The author adds the app and asks again: the questions go on where they were.
    h.connector.notInstalledFor.delete(c.author.id);
    await say(inThread, 'exchange-sp', c.author);
    expect(channel()).toEqual([c.unreachable, c.announced]);
    expect(allTexts(lastCardIn(c.author))).toContain(c.virtualServer);
  });

  it('a click on an interview card left in the channel (posted there before) is answered in a word; the card goes to the personal chat', async () => {
    const answer = await click(inThread, { xsp: { k: 'dialog', c: 'help' } }, c.author);
    expect(answer).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: c.sent });
    expect(channel()).toEqual([]);
    expect(executeActions(lastCardIn(c.author)).length).toBeGreaterThan(0);
  });

  it('a personal chat Teams stops accepting (the app was removed) is not claimed: the channel is told how to fix it, and the chat is opened afresh later', async () => {
    await say(inThread, c.start, c.author);
    expect(channel()).toEqual([c.announced]);
    h.connector.notInstalledFor.add(c.author.id);
    await say(inThread, 'exchange-sp', c.author);
    expect(channel()).toEqual([c.announced, c.unreachable]);
    h.connector.notInstalledFor.delete(c.author.id);
    await say(inThread, 'exchange-sp', c.author);
    expect(channel()).toEqual([c.announced, c.unreachable, c.announced]);
    expect(h.connector.personalChatsOpened.filter((o) => o.member === c.author.id)).toHaveLength(2);
    expect(allTexts(lastCardIn(c.author))).toContain(c.virtualServer);
  });

  it('a click on an interview card left in the channel, with no personal chat to be had, is answered to the clicker alone', async () => {
    h.connector.notInstalledFor.add(c.author.id);
    const answer = await click(inThread, { xsp: { k: 'dialog', c: 'help' } }, c.author);
    expect(answer).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: c.unreachable });
    expect(channel()).toEqual([]);
  });
});
