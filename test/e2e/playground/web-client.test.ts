/**
 * The same rollout as a person sees it: the Playground's own web client in a headless
 * Debian chromium, inside the loopback-only namespace (the web client asks the Office
 * CDN for its fonts; those requests are refused and listed in the output folder).
 * Alex types in the channel and answers the questions in his personal chat with the
 * bot, in the browser; the channel shows one line and then the plan. Megan, whom the
 * browser cannot be, clicks through the Playground's HTTP API. Screenshots are written
 * to test-output/playground/ for a person to look at (issue 15): the personal chat, the
 * channel, the plan, a done step opened with "Details", and Alex's own card after a
 * refused skip (the reason under the step he clicked).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { executeValue, findButton, findInput, cardSays } from './card-reader';
import { describePlayground, PLAYGROUND_CONFIG, PLAYGROUND_PORT, startPlaygroundNamespace, type PlaygroundNamespace } from './namespace';
import { connectPlayground, type PlaygroundClient, type SeenMessage } from './playground-client';
import { loadPlaygroundTeam } from './playground-team';

jest.setTimeout(60_000);

const team = loadPlaygroundTeam(PLAYGROUND_CONFIG);
const ALEX = team.currentUser;
const MEGAN = team.person('Megan Bowen');
const PLAN_TITLE = 'Service pack rollout plan for Exchange 2000';
const ANNOUNCED = 'Alex Wilber is preparing an Exchange 2000 plan — I have sent you the questions in our personal chat.';
const OUTPUT = path.resolve(__dirname, '../../../test-output/playground');
/** The web client as the browser inside the namespace reaches it. */
const WEB_CLIENT = `http://127.0.0.1:${PLAYGROUND_PORT}/`;

describePlayground(
  'the plan in the Playground web client, as a person sees it (offline)',
  () => {
    let namespace: PlaygroundNamespace;
    let playground: PlaygroundClient;
    let browser: Browser;
    let page: Page;
    let thread: string;
    let plan: SeenMessage;
    const refusedOutside: string[] = [];

    beforeAll(async () => {
      namespace = await startPlaygroundNamespace({ browser: true });
      playground = await connectPlayground(namespace.playgroundUrl, team);
      browser = await chromium.connect(namespace.browserWsEndpoint!);
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // The namespace already stops them; this names them.
      await page.route('**/*', async (route) => {
        const { hostname, href } = new URL(route.request().url());
        if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
        refusedOutside.push(href);
        return route.abort('internetdisconnected');
      });
      await page.goto(WEB_CLIENT);
      // The log panel repeats every message; the screenshots are of the channel alone.
      await page.getByText('Log Panel', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Toggle Log Panel' }).click();
      await page.getByText('Log Panel', { exact: true }).waitFor({ state: 'hidden' });
    }, 120_000);
    afterAll(async () => {
      mkdirSync(OUTPUT, { recursive: true });
      writeFileSync(path.join(OUTPUT, 'outside-requests-refused.txt'), `${[...new Set(refusedOutside)].join('\n')}\n`);
      await browser?.close();
      playground?.close();
      await namespace?.stop();
    });

    it('Alex @mentions the bot in the General channel; the channel shows one line, his personal chat the first question', async () => {
      await page.getByRole('treeitem', { name: `${team.teamName} - General` }).click();
      await page.getByRole('textbox').first().click();
      await page.keyboard.type(`@${team.bot.name.slice(0, 4)}`);
      await page.getByRole('menuitem', { name: team.bot.name }).click();
      await page.keyboard.type(' exchange-sp 2000 enterprise active/passive EXCH1 EXCH2 service pack');
      const sent = page.waitForResponse((r) => r.url().endsWith(`/_conversation/v1/conversations/${team.channelId('General')}/messages`));
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      thread = ((await (await sent).json()) as { postConversationId: string }).postConversationId;
      await page.getByText(ANNOUNCED).first().waitFor();
      await playground.waitFor('the line in the thread', () => playground.inConversation(thread).length > 0);
      expect(playground.inConversation(thread).map((m) => m.text)).toEqual([ANNOUNCED]);
      await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      await page.getByText('What is the name of the Exchange virtual server?').waitFor();
    });

    it('he answers on the card in his personal chat; the click the web client sends is the one the API suite sends', async () => {
      const chat = team.personalChatId;
      const question = await playground.waitFor('the question', () => playground.inConversation(chat).find((m) => m.card));
      const clicked = page.waitForRequest((r) => r.url().endsWith('/_conversation/v1/invoke'));
      // The web client redraws a chat message when the pointer first moves onto it (its
      // hover toolbar), which empties what was typed into the card; a person's pointer is
      // on the card before they type, so the test's is too.
      await page.getByText('What is the name of the Exchange virtual server?').hover();
      await page.getByLabel('Virtual server').fill('EVS2');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      expect((await clicked).postDataJSON()).toEqual({
        name: 'adaptiveCard/action',
        from: { id: ALEX.id },
        conversation: { id: chat },
        replyToId: question.id,
        value: executeValue(findButton(question.card, 'Save'), { [findInput(question.card, 'Virtual server')]: 'EVS2' }),
      });
      await page.getByRole('button', { name: 'No', exact: true }).click();
      await page.getByRole('button', { name: 'Post plan', exact: true }).click();
      await page.getByText(`Posting the plan in the channel: ${PLAN_TITLE} (#1)…`).waitFor();
      await page.locator('span', { hasText: `Posted in the channel: ${PLAN_TITLE} (#1).` }).waitFor();
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'personal-chat.png') });
      plan = await playground.waitFor('the plan in the thread', () => playground.inConversation(thread).find((m) => cardSays(m.card, PLAN_TITLE)));
      await page.getByRole('treeitem', { name: `${team.teamName} - General` }).click();
    });

    it("Megan confirms step 1 from her own client; Alex's browser shows it done, on one line, at once", async () => {
      await playground.click(MEGAN, plan, findButton(plan.card, 'Confirm', '▶ 1. Read the release notes'));
      const card = planCard();
      await card.getByText('Done by Megan Bowen', { exact: false }).first().waitFor();
      await card.getByText('1 of 8 steps done · next: steps 2–4').waitFor();
      await page.getByText('Megan Bowen confirmed step 1: Read the release notes of the service pack').waitFor();
      // What can be done now comes first, each with its Confirm; a waiting step has none.
      await expect(card.getByText('Next up', { exact: true }).isVisible()).resolves.toBe(true);
      await expect(card.getByRole('button', { name: 'Confirm' }).count()).resolves.toBe(3);
      await expect(card.getByText('waits for steps 2–4').isVisible()).resolves.toBe(true);
      // The FACTS ids are not on the card a person reads; the citation is.
      await expect(card.getByText('KB 328839 · read KB 301378', { exact: true }).isVisible()).resolves.toBe(false);
      await expect(card.getByText(/E2K-\d/).first().isVisible()).resolves.toBe(false);

      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'channel.png') });
      // What the channel's thread holds: the line, the plan, the record; no question or answer of Alex's.
      expect(playground.inConversation(thread).map((m) => m.text ?? (cardSays(m.card, PLAN_TITLE) ? 'plan' : 'other card'))).toEqual([
        ANNOUNCED,
        'plan',
        'Megan Bowen confirmed step 1: Read the release notes of the service pack',
      ]);
      // Tall enough that the message list needs no scrolling: the card is shot whole.
      await page.setViewportSize({ width: 1280, height: 6000 });
      await card.screenshot({ path: path.join(OUTPUT, 'plan.png') });
    });

    it('"Details" opens a done step in place: its text, its citation and the FACTS ids it comes from', async () => {
      const card = planCard();
      // The first "Details" is step 1's: the steps before it in the plan list are none, and Next up has none.
      await card.getByRole('button', { name: 'Details' }).first().click();
      await card.getByText('Sources (fact ids from KB 328839): E2K-2, K1', { exact: false }).waitFor();
      await expect(card.getByRole('button', { name: 'Undo' }).isVisible()).resolves.toBe(true);
      await card.screenshot({ path: path.join(OUTPUT, 'plan-details.png') });
    });

    it("Alex skips the full backup: Skip… opens the form in his card, and the refusal appears under that step, on his card only", async () => {
      const card = planCard();
      const backup = card.locator('.ac-container').filter({ hasText: '▶ 2. Make a full backup, system state included' }).first();
      await backup.getByRole('button', { name: 'More…' }).click();
      const asked = page.waitForResponse((r) => r.url().endsWith('/_conversation/v1/invoke'));
      await backup.getByRole('button', { name: 'Skip…' }).click();
      await asked;
      await card.getByText('Skip step 2', { exact: true }).waitFor();
      await card.getByLabel('Why is this step skipped?').fill('the tape drive is broken');
      await card.screenshot({ path: path.join(OUTPUT, 'plan-skip-form.png') });
      const refused = page.waitForResponse((r) => r.url().endsWith('/_conversation/v1/invoke'));
      await card.getByRole('button', { name: 'Skip step', exact: true }).click();
      await refused;
      const reason = card.getByText(/^✖ Step 2 is your way back/);
      await reason.waitFor();
      // Right under the step it is about: between step 2's heading and step 3's.
      const [stepBox, reasonBox, nextBox] = await Promise.all([
        card.getByText('▶ 2. Make a full backup, system state included').first().boundingBox(),
        reason.boundingBox(),
        card.getByText('3. Close antivirus and stop what need not run now').first().boundingBox(),
      ]);
      expect(reasonBox!.y).toBeGreaterThan(stepBox!.y);
      expect(reasonBox!.y).toBeLessThan(nextBox!.y);
      await card.screenshot({ path: path.join(OUTPUT, 'plan-refusal.png') });
      // Nobody else's copy changed: the plan as the channel holds it has no refusal.
      expect(cardSays(playground.messages().find((m) => m.id === plan.id)!.card, '✖')).toBe(false);
    });

    /** The plan's card in Alex's browser. */
    function planCard() {
      return page.locator('.ac-adaptiveCard').filter({ hasText: '1. Read the release notes of the service pack' }).last();
    }
  },
  { browser: true },
);
