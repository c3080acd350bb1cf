/**
 * Redrawing posted plans: clicks are coalesced per rollout into one update that draws
 * the latest state, and throttling (429 with Retry-After, 5xx) is retried.
 */
import type { Card } from '../../../src/cards/model';
import type { Reply } from '../../../src/bot/types';
import type { Rollout } from '../../../src/plan/rollout-model';
import { ALICE, BOB, CHANNEL, invokeActivity, messageActivity, TENANT } from './helpers/activities';
import { createRecordingBot, type RecordingBot } from './helpers/fake-bot';
import { startHarness, type Harness } from './helpers/harness';
import { installNetGuard, type NetGuard } from './helpers/net-guard';
import { rolloutOf, ANSWER_SETS } from './fixtures';

let guard: NetGuard;
beforeAll(() => {
  guard = installNetGuard();
});
afterAll(() => {
  guard.restore();
  expect(guard.blocked).toEqual([]);
});

const conversationId = `${CHANNEL};messageid=1711000000001`;
let h: Harness;
let bot: RecordingBot;
let drawCount = 0;

function planCard(text: string): Card {
  return { fallback: text, blocks: [{ type: 'text', text }] };
}

async function setup(updateDelayMs = 20): Promise<Rollout> {
  const rollout: Rollout = { ...rolloutOf(ANSWER_SETS['single Exchange 2000 server, service pack']), id: 'r-upd' };
  const update: Reply = { type: 'update-plan', rollout, cards: [planCard('state after click')] };
  bot = createRecordingBot([update]);
  drawCount = 0;
  bot.drawRollout = async () => {
    drawCount++;
    return { rollout, cards: [planCard(`latest drawing ${drawCount}`)] };
  };
  h = await startHarness(bot, {}, updateDelayMs);
  rollout.scope = { platform: 'teams', workspace: TENANT, channel: CHANNEL };
  rollout.messages = [
    { id: 'plan-1', meta: { teams: { serviceUrl: h.connector.serviceUrl, channelId: 'msteams', conversationId, bot: { id: '28:bot' } }, part: 0 } },
  ];
  return rollout;
}
afterEach(() => h.close());

const click = (from = ALICE) =>
  h.post(invokeActivity({ serviceUrl: h.connector.serviceUrl, conversationId }, { xsp: { k: 'step', r: 'r-upd', s: 'full-backup', v: 'confirm' } }, { from, replyToId: 'plan-1' }));

it('coalesces a burst of clicks into one update drawn at flush time', async () => {
  await setup(1500);
  const answers = await Promise.all([click(ALICE), click(BOB), click(ALICE)]);
  for (const a of answers) expect(a.json()).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  await h.connector.waitFor((calls) => calls.some((c) => c.method === 'PUT'));
  await h.adapter.flush();
  const puts = h.connector.calls.filter((c) => c.method === 'PUT');
  expect(puts).toHaveLength(1);
  expect(puts[0].conversationId).toBe(conversationId);
  expect(puts[0].activityId).toBe('plan-1');
  expect(JSON.stringify(puts[0].body)).toContain('latest drawing 1');
  expect(bot.actions).toHaveLength(3);
});

it('retries an update refused with 429, honouring Retry-After, and a 503', async () => {
  await setup();
  h.connector.failNext('PUT', 429, 0);
  h.connector.failNext('PUT', 503);
  await click();
  await h.connector.waitFor((calls) => calls.some((c) => c.method === 'PUT'), 5000);
  await h.adapter.flush();
  expect(h.connector.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  expect(h.connector.attempts.filter((m) => m === 'PUT')).toHaveLength(3);
});

it('resolves mentioned people to their AAD ids through the Bot Connector', async () => {
  await setup();
  h.connector.members.push({ id: BOB.id, name: BOB.name, aadObjectId: BOB.aadObjectId });
  await h.post(messageActivity({ serviceUrl: h.connector.serviceUrl, conversationId }, 'operators', { mentions: [BOB] }));
  expect(bot.messages[0].input.mentions).toEqual([{ id: BOB.aadObjectId, name: BOB.name }]);
});
