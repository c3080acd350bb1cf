/**
 * POST /api/messages through the real CloudAdapter: only a token signed by the Bot
 * Connector's key (here: a local JWKS), for our app id and this serviceUrl, gets
 * through; everything else is 401 (never 500) and reaches neither the core nor Teams.
 * A signed activity from another channel than Teams is 403. Without an app id
 * (TEAMS_ALLOW_UNAUTHENTICATED, a local emulator) the bot answers loopback serviceUrls only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBot } from '../../../src/bot';
import { createSqliteStore } from '../../../src/store/sqlite';
import { ANSWER_SETS, rolloutOf } from './fixtures';
import { ALICE, CHANNEL, invokeActivity, messageActivity, TENANT } from '../../kit/teams-activities';
import { createRecordingBot, type RecordingBot } from './helpers/fake-bot';
import { OUTBOUND_TOKEN, startHarness, type Harness } from './helpers/harness';
import { installNetGuard, type NetGuard } from '../../kit/net-guard';

let guard: NetGuard;
let bot: RecordingBot;
let h: Harness;

beforeAll(() => {
  guard = installNetGuard();
  // botbuilder prints rejected tokens with console.error; the tests assert on status instead.
  jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(() => {
  guard.restore();
  expect(guard.blocked).toEqual([]);
});

beforeEach(async () => {
  bot = createRecordingBot();
  h = await startHarness(bot);
});
afterEach(() => h.close());

const where = () => ({ serviceUrl: h.connector.serviceUrl });

describe('token validation', () => {
  it('accepts a valid Bot Connector token and answers through the connector with the bot token', async () => {
    const res = await h.post(messageActivity(where(), 'help'));
    expect(res.status).toBe(200);
    expect(bot.messages).toHaveLength(1);
    expect(h.connector.calls).toHaveLength(1);
    expect(h.connector.calls[0].authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
    expect(h.openid.hits.length).toBeGreaterThan(0);
  });

  const refused: [string, string | null | Parameters<Harness['post']>[1]][] = [
    ['an expired token', { expiresIn: -3600 }],
    ['a token for another app', { audience: 'someone-elses-app' }],
    ['a token signed with another key', { foreignKey: true }],
    ['a token from another issuer', { issuer: 'https://evil.example' }],
    ['a token for another serviceUrl', { serviceUrl: 'https://smba.example/evil/' }],
    ['no token', null],
    ['a token that is not a JWT', 'not-a-jwt'],
  ];
  it.each(refused)('refuses %s with 401 and changes nothing', async (_name, token) => {
    const res = await h.post(messageActivity(where(), 'exchange-sp'), token);
    expect(res.status).toBe(401);
    expect(bot.messages).toHaveLength(0);
    expect(h.connector.calls).toHaveLength(0);
  });
});

describe('what the log says about tokens', () => {
  it('logs every refusal at debug with its reason, and never a token', async () => {
    const tokens: string[] = [];
    for (const options of [{ expiresIn: -3600 }, { audience: 'someone-elses-app' }, { foreignKey: true }, { issuer: 'https://evil.example' }]) {
      const token = await h.openid.sign(options);
      tokens.push(token);
      expect((await h.post(messageActivity(where(), 'help'), token)).status).toBe(401);
    }
    const good = await h.openid.sign({});
    expect((await h.post(messageActivity(where(), 'help'), good)).status).toBe(200);
    expect(h.logs.filter((l) => l.includes('request refused'))).toHaveLength(4);
    const leaks = h.logs.filter((line) => [...tokens, good, OUTBOUND_TOKEN].some((t) => line.includes(t) || line.includes(t.split('.')[2] ?? t)));
    expect(leaks).toEqual([]);
  });
});

describe('request shape', () => {
  it('answers malformed JSON with 400', async () => {
    const res = await h.post('{"type": "message",');
    expect(res.status).toBe(400);
  });
  it('answers a JSON body that is not an activity with 400', async () => {
    expect((await h.post({ hello: 'world' })).status).toBe(400);
  });
  it('answers a body over 256 KB with 413', async () => {
    const big = messageActivity(where(), 'x'.repeat(300 * 1024));
    expect((await h.post(big)).status).toBe(413);
    expect(bot.messages).toHaveLength(0);
  });
  it('leaves other methods to the server (405)', async () => {
    const res = await fetch(`${h.url}/api/messages`);
    expect(res.status).toBe(405);
  });
});

describe('tenants and unauthenticated mode', () => {
  it('refuses a tenant that is not allowed with 403, after the token, and changes nothing', async () => {
    await h.close();
    h = await startHarness(bot, { allowedTenants: ['some-other-tenant'] });
    const res = await h.post(messageActivity(where(), 'exchange-sp'));
    expect(res.status).toBe(403);
    expect(bot.messages).toHaveLength(0);
    expect(h.connector.calls).toHaveLength(0);
    // A bad token is still 401, whatever the tenant says.
    expect((await h.post(messageActivity(where(), 'x'), null)).status).toBe(401);
  });

  it('lets an allowed tenant in', async () => {
    await h.close();
    h = await startHarness(bot, { allowedTenants: ['some-other-tenant', TENANT] });
    expect((await h.post(messageActivity(where(), 'help'))).status).toBe(200);
    expect(bot.messages).toHaveLength(1);
  });

  it('refuses everything without MicrosoftAppId, even a signed request', async () => {
    await h.close();
    h = await startHarness(bot, { appId: undefined, appPassword: undefined });
    expect((await h.post(messageActivity(where(), 'help'))).status).toBe(401);
    expect((await h.post(messageActivity(where(), 'help'), null)).status).toBe(401);
    expect(bot.messages).toHaveLength(0);
  });

  it('accepts requests without a token only with TEAMS_ALLOW_UNAUTHENTICATED, and says so at start', async () => {
    await h.close();
    h = await startHarness(bot, { appId: undefined, appPassword: undefined, allowUnauthenticated: true });
    expect(h.logs.some((l) => l.includes('WARN') && l.includes('TEAMS_ALLOW_UNAUTHENTICATED'))).toBe(true);
    const res = await h.post(messageActivity({ ...where(), conversationType: 'personal' }, 'help'), null);
    expect(res.status).toBe(200);
    expect(bot.messages[0].inbound.user).toEqual({ id: ALICE.aadObjectId, name: ALICE.name });
    // Without an app id there is no bot token to send.
    expect(h.connector.calls[0].authorization).toBeUndefined();
  });
});

describe('only Teams activities, and without a token only this machine', () => {
  const unauthenticated = { appId: undefined, appPassword: undefined, allowUnauthenticated: true };
  const personal = (serviceUrl: string) => ({ serviceUrl, conversationType: 'personal' as const });

  it.each(['webchat', 'directline', 'emulator', 'slack'])('refuses a validly signed %s activity with 403 and changes nothing', async (channelId) => {
    const res = await h.post({ ...messageActivity(where(), 'exchange-sp'), channelId });
    expect(res.status).toBe(403);
    expect(bot.messages).toHaveLength(0);
    expect(h.connector.calls).toHaveLength(0);
  });

  it.each([
    'https://smba.trafficmanager.net/amer/',
    'http://10.0.0.1:3978/',
    'http://169.254.169.254/latest/',
    'http://127.0.0.1.nip.io/',
    'http://localhost.evil.example/',
  ])('without a token, refuses serviceUrl %s with 403 before the turn, and sends nothing there', async (serviceUrl) => {
    await h.close();
    h = await startHarness(bot, unauthenticated);
    const res = await h.post(messageActivity(personal(serviceUrl), 'help'), null);
    expect(res.status).toBe(403);
    expect(bot.messages).toHaveLength(0);
    expect(h.connector.calls).toHaveLength(0);
    expect(guard.blocked).toEqual([]);
    expect(h.logs.some((l) => l.includes('request refused') && l.includes('loopback'))).toBe(true);
  });

  it('without a token, answers a loopback serviceUrl (the emulator on this machine), by localhost too', async () => {
    await h.close();
    h = await startHarness(bot, unauthenticated);
    const byName = h.connector.serviceUrl.replace('127.0.0.1', 'localhost');
    expect((await h.post(messageActivity(personal(byName), 'help'), null)).status).toBe(200);
    expect(bot.messages).toHaveLength(1);
    expect(h.connector.calls).toHaveLength(1);
  });

  it("without a token, lets the Bot Framework Emulator's channel in, but no other", async () => {
    await h.close();
    h = await startHarness(bot, unauthenticated);
    const emulator = { ...messageActivity(personal(h.connector.serviceUrl), 'help'), channelId: 'emulator' };
    expect((await h.post(emulator, null)).status).toBe(200);
    expect(bot.messages).toHaveLength(1);
    expect(h.connector.calls[0].body).toMatchObject({ channelId: 'emulator' });
    const webchat = { ...messageActivity(personal(h.connector.serviceUrl), 'help'), channelId: 'webchat' };
    expect((await h.post(webchat, null)).status).toBe(403);
    expect(bot.messages).toHaveLength(1);
  });

  it('without a token, never redraws a stored plan at a serviceUrl beyond this machine', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xsp-teams-far-'));
    const store = createSqliteStore({ file: path.join(dir, 'far.sqlite'), deliveryDelayMs: 10 });
    try {
      await store.migrate();
      const conversationId = `${CHANNEL};messageid=1711000000001`;
      const scope = { platform: 'teams' as const, workspace: TENANT, channel: CHANNEL };
      // Stored by a deployment with an app id, say, that shares this database.
      const far = { serviceUrl: 'https://smba.trafficmanager.net/amer/', channelId: 'msteams', conversationId, bot: { id: '28:bot' } };
      const base = rolloutOf(ANSWER_SETS['single Exchange 2000 server, service pack']);
      const { rollout } = await store.createRollout({
        scope, owner: base.owner, locale: 'en', answers: base.answers, plan: base.plan, operators: [], actionKey: 'far-1', address: { post: far },
      });
      await h.close();
      h = await startHarness(createBot({ store }), unauthenticated, { store });
      const click = invokeActivity({ serviceUrl: h.connector.serviceUrl, conversationId }, { xsp: { k: 'step', r: rollout.id, s: base.plan.steps[0].id, v: 'confirm' } });
      expect((await h.post(click, null)).status).toBe(200);
      await h.adapter.flush();
      // Recorded, but nothing was sent anywhere: the far serviceUrl is refused before any request.
      expect((await store.getRollout(scope, rollout.id))!.events.map((e) => e.type)).toEqual(['created', 'confirmed']);
      expect(h.connector.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
      expect(guard.blocked).toEqual([]);
      expect(await store.getDelivery(scope, rollout.id)).toMatchObject({ lastError: 'not_loopback', dueAt: null });
      expect(h.logs.some((l) => l.includes('the plan could not be posted') && l.includes('not_loopback'))).toBe(true);
    } finally {
      await h.close();
      h = await startHarness(bot, unauthenticated);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with an app id, a loopback serviceUrl is nothing special: the token decides', async () => {
    // The harness's own connector is on 127.0.0.1; a token for another serviceUrl is refused.
    const res = await h.post(messageActivity(where(), 'help'), { serviceUrl: 'http://127.0.0.1:1/' });
    expect(res.status).toBe(401);
    expect(bot.messages).toHaveLength(0);
  });
});
