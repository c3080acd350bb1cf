/**
 * exchange-sp in Microsoft's own Teams client emulator, the M365 Agents Playground,
 * offline: the built app and the Playground run in a network namespace with loopback
 * alone (namespace.ts), and the test drives the Playground over its HTTP API as its
 * web client does. Three people of the Playground's team (m365agentsplayground.yml):
 * Alex plans the rollout, Megan confirms a step, Adele clicks too early.
 *
 * The interview is Alex's, not the channel's: the bot opens his personal chat with
 * createConversation (the Playground answers with the personal chat its web client
 * shows for its current user), asks there, and the thread holds one line and later
 * the plan. Megan's click on Alex's card is told whose it is.
 *
 * What the Playground checks that our fake connector may not: it refuses an activity it
 * finds invalid with 400 BadArgument, so "every connector call was accepted" below is
 * what would have caught issue 11's envelope.
 */
import { cardButtons, cardSays, cardTexts, findButton, findInput } from './card-reader';
import { describePlayground, PLAYGROUND_CONFIG, startPlaygroundNamespace, type PlaygroundNamespace } from './namespace';
import { connectPlayground, type PlaygroundClient, type SeenMessage } from './playground-client';
import { loadPlaygroundTeam } from './playground-team';

jest.setTimeout(60_000);

const team = loadPlaygroundTeam(PLAYGROUND_CONFIG);
const ALEX = team.currentUser;
const MEGAN = team.person('Megan Bowen');
const ADELE = team.person('Adele Vance');
const CARD = 'application/vnd.microsoft.card.adaptive';
const TEXT = 'application/vnd.microsoft.activity.message';
const PLAN_TITLE = 'Service pack rollout plan for Exchange 2000';
const ANNOUNCED = 'Alex Wilber is preparing an Exchange 2000 plan — I have sent you the questions in our personal chat.';
/** Words only Alex may see: the interview's, and his answers'. */
const INTERVIEW_WORDS = ['Understood', 'What is the name of the Exchange virtual server?', 'Is the Active Directory Connector (ADC) installed?', 'Your answers', 'Posting the plan'];

describePlayground('a channel rollout in the M365 Agents Playground (offline, over its HTTP API)', () => {
  let namespace: PlaygroundNamespace;
  let playground: PlaygroundClient;
  let thread: string;
  let question: SeenMessage;
  let plan: SeenMessage;
  /** The thread line of Megan's confirmation. */
  let lineId = '';
  const chat = team.personalChatId;

  const latest = (message: SeenMessage) => playground.messages().find((m) => m.id === message.id)!;
  /** What the thread shows: each bot message's text, or its card's texts. */
  const threadShows = () => playground.inConversation(thread).map((m) => m.text ?? cardTexts(m.card).join('\n'));
  const expectNothingPrivateInThread = () => {
    for (const shown of threadShows()) for (const words of INTERVIEW_WORDS) expect(shown).not.toContain(words);
  };

  beforeAll(async () => {
    namespace = await startPlaygroundNamespace({ browser: false });
    playground = await connectPlayground(namespace.playgroundUrl, team);
  }, 120_000);
  afterAll(async () => {
    playground?.close();
    await namespace?.stop();
  });
  it('runs where only loopback exists', () => {
    expect(namespace.ready.interfaces).toEqual(['lo']);
  });

  it('Alex @mentions the bot in the Exchange channel; the thread gets one line, the questions go to his personal chat', async () => {
    ({ threadId: thread } = await playground.say(team.channelId('Exchange'), 'exchange-sp 2000 enterprise active/passive EXCH1 EXCH2 service pack', {
      mentionBot: true,
    }));
    expect(thread).toMatch(/^channel-exchange;messageid=/);
    question = await playground.waitFor('the first question in his personal chat', () => playground.inConversation(chat).find((m) => m.card));
    expect(cardSays(question.card, 'Understood: Exchange 2000, Enterprise Edition, active/passive cluster, active node EXCH1, passive node EXCH2, service pack.')).toBe(true);
    expect(cardSays(question.card, 'What is the name of the Exchange virtual server?')).toBe(true);
    await playground.waitFor('the line in the thread', () => playground.inConversation(thread).length > 0);
    expect(threadShows()).toEqual([ANNOUNCED]);
    // The Playground opened the chat its web client shows for its current user, Alex.
    const opened = await playground.waitFor('the log of the personal chat being opened', () =>
      playground.connectorCalls().find((c) => c.activityName === 'createConversation'),
    );
    expect(opened).toMatchObject({
      status: 201,
      request: { isGroup: false, members: [{ id: ALEX.id }], tenantId: team.tenantId, channelData: { tenant: { id: team.tenantId } } },
      response: { id: chat },
    });
  });

  it("Megan's click on Alex's card, were it to reach her, is answered to her alone: it is Alex's interview", async () => {
    // The Playground lets only a chat's members click in it (Megan in Alex's personal chat
    // is "UserNotFound"), so his card's button is clicked where she is: the thread.
    const line = playground.inConversation(thread)[0];
    // The log stream runs beside the message stream: start from a log that has caught up.
    await playground.waitFor('the Playground to log the question and the line', () =>
      [question.id, line.id].every((id) => playground.connectorCalls().some((c) => c.messageId === id)),
    );
    const callsBefore = playground.connectorCalls().length;
    const answer = await playground.click(MEGAN, line, findButton(question.card, 'Save'), { [findInput(question.card, 'Virtual server')]: 'EVS9' });
    expect(answer).toEqual({
      type: TEXT,
      value:
        "This is Alex Wilber's interview: only they can answer its questions, so nothing was changed. To plan a rollout of your own: type @ and my name, then exchange-sp (in our personal chat, exchange-sp alone will do).",
    });
    expect(playground.connectorCalls().slice(callsBefore)).toEqual([]);
    expect(latest(question).version).toBe(1);
    expect(threadShows()).toEqual([ANNOUNCED]);
  });

  it('Alex answers on the card in his personal chat; each answer redraws his card with the next question, then the summary', async () => {
    const virtualServer = findInput(question.card, 'Virtual server');
    const adc = await playground.click(ALEX, question, findButton(question.card, 'Save'), { [virtualServer]: 'EVS1' });
    expect(adc.type).toBe(CARD);
    expect(cardSays(adc.value, 'Understood: virtual server EVS1.')).toBe(true);
    expect(cardSays(adc.value, 'Is the Active Directory Connector (ADC) installed?')).toBe(true);

    const summary = await playground.click(ALEX, question, findButton(adc.value, 'No'));
    expect(summary.type).toBe(CARD);
    expect(cardSays(summary.value, 'Your answers')).toBe(true);
    expect(cardButtons(summary.value)).toContain('Post plan');

    // His card becomes a receipt without buttons, so the plan cannot be posted twice.
    const posted = await playground.click(ALEX, question, findButton(summary.value, 'Post plan'));
    expect(posted.type).toBe(CARD);
    // "Posting", never "posted" before the plan is there: the outbox posts it next.
    expect(cardSays(posted.value, `Posting the plan in the channel: ${PLAN_TITLE} (#1)…`)).toBe(true);
    expect(cardButtons(posted.value)).toEqual([]);
    expect(threadShows()).toEqual([ANNOUNCED]);
  });

  it('the plan is posted in the thread the interview began in, in one message, what to do now first; Alex hears so in his personal chat', async () => {
    plan = await playground.waitFor('the plan in the thread', () => playground.inConversation(thread).find((m) => cardSays(m.card, PLAN_TITLE)));
    expect(cardSays(plan.card, '#1 · started by Alex Wilber')).toBe(true);
    expect(cardSays(plan.card, '0 of 8 steps done · next: steps 1–4')).toBe(true);
    expect(cardSays(plan.card, 'Next up')).toBe(true);
    expect(cardSays(plan.card, '▶ 1. Read the release notes of the service pack')).toBe(true);
    expect(cardSays(plan.card, '◷ 5. Install the service pack on EXCH2')).toBe(true);
    expect(cardSays(plan.card, 'waits for steps 1–4')).toBe(true);
    expect(cardSays(plan.card, '8. Make a new full backup of the Exchange databases')).toBe(true);
    expect(cardSays(plan.card, 'Exchange virtual server: EVS1')).toBe(true);
    expect(cardSays(plan.card, 'Anyone in this channel can confirm steps.')).toBe(true);
    // A person's citation on the card; no second message.
    expect(cardSays(plan.card, 'KB 328839 · read KB 301378')).toBe(true);
    await playground.waitFor('the delivery to settle', () => playground.connectorCalls().some((c) => c.messageId === plan.id));
    await playground.waitFor('the word to Alex in his personal chat', () =>
      playground.inConversation(chat).find((m) => m.text?.startsWith(`Posted in the channel: ${PLAN_TITLE} (#1)`)),
    );
    // The thread: the line that an interview began, then the plan; nothing of the interview.
    expect(playground.inConversation(thread).map((m) => m.id)).toEqual([playground.inConversation(thread)[0].id, plan.id]);
    expect(threadShows()[0]).toBe(ANNOUNCED);
    expectNothingPrivateInThread();
  });

  it('Megan confirms step 1: her card shows it done at once, the plan is redrawn for everyone, the thread says who', async () => {
    const answer = await playground.click(MEGAN, plan, findButton(plan.card, 'Confirm', '▶ 1. Read the release notes'));
    expect(answer.type).toBe(CARD);
    expect(cardSays(answer.value, 'Done by Megan Bowen')).toBe(true);

    await playground.waitFor('the plan redrawn for everyone', () => cardSays(latest(plan).card, 'Done by Megan Bowen') && cardSays(latest(plan).card, '1 of 8 steps done'));
    const note = await playground.waitFor('the line in the thread', () =>
      playground.inConversation(thread).find((m) => m.text === 'Megan Bowen confirmed step 1: Read the release notes of the service pack'),
    );
    expect(note.conversationId).toBe(thread);
    lineId = note.id;
  });

  it("Adele's click on step 5, which must wait, is answered on her own card, under step 5; nothing is posted, redrawn or recorded", async () => {
    // The log stream runs beside the message stream: start from a log that has caught up
    // with everything Megan's click caused (the redraw and the thread line).
    await playground.waitFor('the Playground to log the redraw and the line', () =>
      [plan.id, lineId].every((id) => playground.connectorCalls().some((c) => c.messageId === id && c.status < 300)),
    );
    const before = new Map(playground.messages().map((m) => [m.id, m.version]));
    const callsBefore = playground.connectorCalls().length;

    // A waiting step has no Confirm on the card; Adele sends one anyway (an old card, a hand-made click).
    const card = latest(plan).card;
    expect(() => findButton(card, 'Confirm', '◷ 5. Install the service pack on EXCH2')).toThrow();
    const problem = findButton(card, 'Problem…', '◷ 5. Install the service pack on EXCH2');
    const { xsp } = problem.data as { xsp: Record<string, unknown> };
    const confirm = { ...problem, title: 'Confirm', data: { xsp: { ...xsp, v: 'confirm' } } };
    const answer = await playground.click(ADELE, latest(plan), confirm);
    expect(answer.type).toBe(CARD);
    expect(cardSays(answer.value, '✖ Step 5 must wait for steps 2–4: confirm or skip those first.')).toBe(true);

    // Alex asks for the status in the thread: its answer, his alone, comes to his personal
    // chat after anything the click caused.
    await playground.say(thread, 'status', { mentionBot: true });
    const status = await playground.waitFor('the status answer', () =>
      playground.messages().find((m) => !before.has(m.id) && cardSays(m.card, 'Open rollouts in the channel')),
    );
    await playground.waitFor('the Playground to log the status answer', () => playground.connectorCalls().some((c) => c.messageId === status.id));
    expect(cardSays(status.card, `${PLAN_TITLE} · 1 of 8 steps done · #1, started by Alex Wilber`)).toBe(true);
    expect(status.conversationId).toBe(chat);
    expect(playground.messages().filter((m) => !before.has(m.id))).toEqual([status]);
    expect(playground.messages().filter((m) => before.get(m.id) !== undefined && before.get(m.id) !== m.version)).toEqual([]);
    expect(playground.connectorCalls().slice(callsBefore).map((c) => c.messageId)).toEqual([status.id]);
  });

  it('the thread holds the line, the plan and the team\'s record, nothing meant for one person', () => {
    expect(threadShows()).toEqual([
      ANNOUNCED,
      expect.stringContaining(PLAN_TITLE),
      'Megan Bowen confirmed step 1: Read the release notes of the service pack',
    ]);
    expectNothingPrivateInThread();
  });

  it('in his personal chat Alex asks in Dutch, with no @mention; the bot answers there in Dutch', async () => {
    const before = new Set(playground.inConversation(chat).map((m) => m.id));
    await playground.say(chat, 'exchange-sp nl');
    const question = await playground.waitFor('a question in the personal chat', () =>
      playground.inConversation(chat).find((m) => !before.has(m.id) && m.card),
    );
    expect(cardSays(question.card, 'Welke versie van Exchange is het?')).toBe(true);
    const answer = await playground.click(ALEX, question, findButton(question.card, '2000'));
    expect(answer.type).toBe(CARD);
    expect(cardSays(answer.value, 'Begrepen: Exchange 2000.')).toBe(true);
  });

  it('the Playground accepted every call the bot made to its Bot Connector', () => {
    const calls = playground.connectorCalls();
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.filter((c) => c.status < 200 || c.status > 299)).toEqual([]);
  });
});
