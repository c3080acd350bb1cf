/**
 * The same rollout as a person sees it: the Playground's own web client in a headless
 * Debian chromium, inside the loopback-only namespace (the web client asks the Office
 * CDN for its fonts; those requests are refused and listed in the output folder).
 * Alex types in the channel and answers the questions in his personal chat with the
 * bot, in the browser; the channel shows one line and then the plan. Megan, whom the
 * browser cannot be, clicks through the Playground's HTTP API. Screenshots of the
 * personal chat and the posted plan are written to test-output/playground/ for a
 * person to look at (issue 15).
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
    let planParts: SeenMessage[];
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
      await page.getByText(`Posting the plan in the channel: ${PLAN_TITLE}`).waitFor();
      await page.locator('span', { hasText: `Posted in the channel: ${PLAN_TITLE}` }).waitFor();
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'personal-chat.png') });
      planParts = await playground.waitFor('two plan messages in the thread', () => {
        const parts = playground.inConversation(thread).filter((m) => cardSays(m.card, PLAN_TITLE));
        return parts.length === 2 ? parts : undefined;
      });
      await page.getByRole('treeitem', { name: `${team.teamName} - General` }).click();
    });

    it("Megan confirms step 1 from her own client; Alex's browser shows it on both parts of the plan", async () => {
      const [first] = planParts;
      await playground.click(MEGAN, first, findButton(first.card, 'Confirm', '1. Read the release notes'));
      const partOne = page.locator('.ac-adaptiveCard').filter({ hasText: '1. Read the release notes of the service pack' });
      const partTwo = page.locator('.ac-adaptiveCard').filter({ hasText: `${PLAN_TITLE} (2/2)` });
      await partOne.getByText('Done by Megan Bowen').first().waitFor();
      await partTwo.getByText('1 of 8 steps done').waitFor();
      await page.getByText('Megan Bowen confirmed step 1: Read the release notes of the service pack').waitFor();

      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'channel.png') });
      // What the channel's thread holds: the line, the plan, the record; no question or answer of Alex's.
      expect(playground.inConversation(thread).map((m) => m.text ?? (cardSays(m.card, PLAN_TITLE) ? 'plan' : 'other card'))).toEqual([
        ANNOUNCED,
        'plan',
        'plan',
        'Megan Bowen confirmed step 1: Read the release notes of the service pack',
      ]);
      // Tall enough that the message list needs no scrolling: each card is shot whole.
      await page.setViewportSize({ width: 1280, height: 6000 });
      await partOne.screenshot({ path: path.join(OUTPUT, 'plan-part-1.png') });
      await partTwo.screenshot({ path: path.join(OUTPUT, 'plan-part-2.png') });
    });
  },
  { browser: true },
);
