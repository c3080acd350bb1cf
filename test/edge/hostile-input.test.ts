/**
 * Hostile input at the HTTP edge: one running app in-process (our server, the real
 * Slack and Teams adapters, the real core on a SQLite file) gets thousands of
 * generated requests: malformed and huge bodies, wrong content types, forged or
 * missing signatures and Bot Framework tokens, stale timestamps, replays, unknown
 * buttons, values naming a rollout of another channel, workspace or tenant, and
 * tampered JSON. Whatever arrives, the app keeps answering, says 4xx (or 200 with a
 * private "nothing changed" for a validly signed request it cannot use), shows no
 * stack trace, reaches nothing beyond loopback, and records nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack';
import { createTeamsAdapter, type TeamsAdapter } from '../../adapters/teams';
import { createBot } from '../../src/bot';
import { silentLogger } from '../../src/runtime/log';
import { createHttpServer } from '../../src/runtime/server';
import { createSqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/store';
import { startFakeSlack, type FakeSlack } from '../kit/fake-slack';
import { blockActionsBody, postSlack, sign, SIGNING_SECRET } from '../kit/slack-requests';
import { APP_ID, CHANNEL } from '../kit/teams-activities';
import { startFakeConnector, type FakeConnector } from '../kit/fake-connector';
import { installNetGuard, type NetGuard } from '../kit/net-guard';
import { startOpenIdServer, type OpenIdServer } from '../kit/openid';
import { hostileRequest, type EdgeContext, type HostileRequest } from '../support/hostile-requests';
import { seedLocalRollouts } from '../support/edge-seed';

jest.setTimeout(120_000);

let dir: string;
let store: Store;
let fake: FakeSlack;
let connector: FakeConnector;
let openid: OpenIdServer;
let slack: SlackAdapter;
let teams: TeamsAdapter;
let server: http.Server;
let guard: NetGuard;
let base = '';
let ctx: EdgeContext;
const eventCount = () => {
  const db = new Database(path.join(dir, 'edge.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM rollout_events').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  guard = installNetGuard();
  dir = mkdtempSync(path.join(tmpdir(), 'exchange-sp-edge-'));
  store = createSqliteStore({ file: path.join(dir, 'edge.sqlite') });
  await store.migrate();
  const bot = createBot({ store, logger: silentLogger });
  fake = await startFakeSlack();
  connector = await startFakeConnector();
  openid = await startOpenIdServer({ appId: APP_ID, serviceUrl: connector.serviceUrl });
  slack = createSlackAdapter({
    bot,
    settings: store,
    logger: silentLogger,
    config: { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
    tuning: { localeTimeoutMs: 500, retryPolicy: { attempts: 2, baseDelayMs: 5, maxRetryAfterMs: 50, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) } },
  });
  teams = createTeamsAdapter({
    bot,
    logger: silentLogger,
    config: { appId: APP_ID, appPassword: 'never-used', appType: 'MultiTenant', allowedTenants: [], allowUnauthenticated: false },
    auth: { openIdMetadataUrl: openid.metadataUrl, emulatorOpenIdMetadataUrl: openid.metadataUrl, loginUrl: 'https://login.microsoftonline.com/botframework.com', botToken: async () => 'outbound-test-token' },
    retry: { baseMs: 5, maxMs: 50 },
  });
  server = createHttpServer({ routes: [...slack.routes, ...teams.routes], healthy: () => bot.healthy(), logger: silentLogger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const seeded = await seedLocalRollouts(store, CHANNEL);
  const sendValidClick: EdgeContext['sendValidClick'] = ({ rolloutId, responseId, stepId = 'release-notes' }) =>
    postSlack(base, blockActionsBody({ value: JSON.stringify({ k: 'step', r: rolloutId, s: stepId, v: 'confirm' }), responseUrl: fake.responseUrl(responseId) }));
  // One real confirmation at home, kept byte for byte so it can be replayed later.
  const body = blockActionsBody({ value: JSON.stringify({ k: 'step', r: seeded.home, s: 'release-notes', v: 'confirm' }), responseUrl: fake.responseUrl('home') });
  const timestamp = Math.floor(Date.now() / 1000);
  const replay = { body, timestamp, signature: sign(body, timestamp) };
  expect((await postSlack(base, body, { timestamp, signature: replay.signature })).status).toBe(200);
  await slack.settled();
  expect(eventCount()).toBe(5); // three 'created' and the confirmation
  ctx = { base, fake, openid, serviceUrl: connector.serviceUrl, ...seeded, sendValidClick, replay };
});

afterAll(async () => {
  await slack?.stop();
  await teams?.stop();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await fake?.close();
  await connector?.close();
  await openid?.close();
  await store?.close();
  guard?.restore();
  rmSync(dir, { recursive: true, force: true });
});

const STACK = /\n\s+at |node_modules|\.ts:\d+|\.js:\d+|TypeError|ReferenceError|SyntaxError: /;
const NOTHING_CHANGED = /Nothing was changed|not one I know|do not know that rollout|no longer|cannot reach my database/i;

async function health(): Promise<number> {
  const res = await fetch(`${base}/healthz`);
  await res.arrayBuffer();
  return res.status;
}

describe('hostile input at the HTTP edge', () => {
  it('a validly signed click naming a rollout of another channel or workspace gets a private "nothing changed"', async () => {
    const before = eventCount();
    const res = await ctx.sendValidClick({ rolloutId: ctx.foreignSlack[0], responseId: 'foreign-1' });
    expect(res.status).toBe(200);
    await slack.settled();
    const answer = fake.calls('response_url').filter((c) => c.path === '/response/foreign-1');
    expect(answer).toEqual([expect.objectContaining({ body: expect.objectContaining({ response_type: 'ephemeral', text: expect.stringMatching(/do not know that rollout.*Nothing was changed/) }) })]);
    expect(eventCount()).toBe(before);
  });

  it('thousands of generated requests: never a crash, a 5xx or a stack trace, and nothing recorded', async () => {
    const before = eventCount();
    const seen = new Map<string, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(hostileRequest(), async (request: HostileRequest) => {
        const { status, body } = await request.send(ctx);
        seen.set(`${request.kind} ${status}`, (seen.get(`${request.kind} ${status}`) ?? 0) + 1);
        expect(request.allowed).toContain(status);
        expect(body).not.toMatch(STACK);
      }),
      { numRuns: 1500, interruptAfterTimeLimit: 60_000, seed: 7, endOnFailure: true },
    );
    await slack.settled();
    await teams.flush();
    expect(await health()).toBe(200);
    expect(eventCount()).toBe(before);
    // Nothing reached the channel; every private answer says nothing changed.
    expect(fake.calls('chat.postMessage')).toEqual([]);
    expect(fake.calls('chat.update')).toEqual([]);
    for (const c of fake.calls('response_url')) expect(String(c.body.text)).toMatch(NOTHING_CHANGED);
    expect(guard.blocked).toEqual([]);
    const total = [...seen.values()].reduce((a, b) => a + b, 0);
    console.info(`edge: ${total} requests in ${Date.now() - started} ms; ${[...seen.entries()].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    expect(total).toBeGreaterThan(500);
  });
});
