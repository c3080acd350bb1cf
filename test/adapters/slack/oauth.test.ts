/**
 * Many workspaces: the real Bolt app over HTTP with OAuth on, the real core and
 * SQLite. A workspace installs through /slack/install and /slack/oauth_redirect
 * (the code exchange goes to the fake Web API), its token is stored encrypted, and
 * its requests use its own token. Two workspaces with the same channel id never see
 * or touch each other's rollouts. A workspace that never installed, or uninstalled,
 * is told so and nothing happens.
 */
import path from 'node:path';
import { BOT_SCOPES } from '../../../adapters/slack';
import { buildPlan } from '../../../conversations/plan';
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { path as answersOf } from '../../conversations/plan/fixtures';
import { useSlackBot, type Harness } from './harness';
import { blockActionsBody, eventCallbackBody, postSlack, slashCommandBody, type Who } from '../../kit/slack-requests';

const KEY = '0f'.repeat(32);
const T1 = { token: 'xoxb-team-one-secret', team: 'T1' };
const T2 = { token: 'xoxb-team-two-secret', team: 'T2' };
const ORG = { token: 'xoxb-org-wide-secret', enterprise: 'E1' };

let store: Store;
let h: Harness;
let urls = 0;

useSlackBot('exchange-sp-oauth-', (s) => {
  ({ store, h } = s);
  h.fake.users.set('U1', { name: 'Alice Admin' });
  h.fake.users.set('U2', { name: 'Bob Other' });
}, {
  harness: () => ({
    slack: {
      botToken: undefined,
      oauth: { clientId: '1111.2222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests' },
      tokenEncryptionKey: KEY,
    },
  }),
});

/** GET /slack/install: the authorize URL and the browser's state cookie. */
async function startInstall(): Promise<{ location: URL; cookie: string; state: string }> {
  const res = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { location, cookie, state: location.searchParams.get('state') ?? '' };
}

const redirect = (query: string, cookie?: string) =>
  fetch(`${h.baseUrl}/slack/oauth_redirect?${query}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

/** The whole browser round trip, with Slack's answer to the code exchange. */
async function install(code: string, grant: Record<string, unknown>): Promise<number> {
  h.fake.grants.set(code, { token_type: 'bot', scope: BOT_SCOPES.join(','), bot_user_id: 'UBOT', app_id: 'A1', authed_user: { id: 'U1' }, ...grant });
  const { cookie, state } = await startInstall();
  const res = await redirect(`code=${code}&state=${encodeURIComponent(state)}`, cookie);
  await res.text();
  return res.status;
}

async function command(text: string, who: Who): Promise<string> {
  const url = h.fake.responseUrl(`o${++urls}`);
  expect((await postSlack(h.baseUrl, slashCommandBody(text, url, who))).status).toBe(200);
  await h.adapter.settled();
  return h.fake.calls('response_url').filter((c) => c.path.endsWith(`/o${urls}`)).map((c) => JSON.stringify(c.body)).join('\n');
}

async function click(value: string, who: Who): Promise<string> {
  const url = h.fake.responseUrl(`o${++urls}`);
  expect((await postSlack(h.baseUrl, blockActionsBody({ value, responseUrl: url, ...who }))).status).toBe(200);
  await h.adapter.settled();
  return h.fake.calls('response_url').filter((c) => c.path.endsWith(`/o${urls}`)).map((c) => JSON.stringify(c.body)).join('\n');
}

/** Who made the calls after `from`: the Authorization headers of every Web API call. */
const tokensSince = (from: number) =>
  new Set(h.fake.calls().slice(from).filter((c) => c.path.startsWith('/api/')).map((c) => c.authorization));

describe('installing the app in a workspace', () => {
  it('GET /slack/install redirects to Slack with our client id, the scopes and a state in a cookie', async () => {
    const { location, cookie, state } = await startInstall();
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('1111.2222');
    expect(location.searchParams.get('scope')?.split(',')).toEqual(BOT_SCOPES);
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
  });

  it('the redirect exchanges the code and stores the installation, its token encrypted', async () => {
    expect(await install('code-one', { access_token: T1.token, team: { id: 'T1', name: 'One' }, enterprise: null, is_enterprise_install: false })).toBe(200);
    expect(h.fake.calls('oauth.v2.access').at(-1)?.body).toMatchObject({ code: 'code-one', client_id: '1111.2222', client_secret: 'client-secret' });
    const stored = JSON.stringify(await store.getSetting('slack:installation:team:T1'));
    expect(stored).toContain('"teamId":"T1"');
    expect(stored).not.toContain(T1.token);
    expect(stored).not.toContain('xoxb');
    expect(await install('code-two', { access_token: T2.token, team: { id: 'T2', name: 'Two' }, enterprise: null, is_enterprise_install: false })).toBe(200);
  });

  it.each([
    ['a state that is not ours', (s: string) => `code=code-x&state=${encodeURIComponent(s.slice(0, -4) + 'AAAA')}`, true],
    ['no state', () => 'code=code-x', true],
    ['the right state from another browser (no cookie)', (s: string) => `code=code-x&state=${encodeURIComponent(s)}`, false],
  ])('%s is refused and exchanges nothing', async (_name, query, withCookie) => {
    h.fake.grants.set('code-x', { access_token: 'xoxb-stolen', team: { id: 'T6' }, authed_user: { id: 'U6' } });
    const { cookie, state } = await startInstall();
    const exchanges = h.fake.calls('oauth.v2.access').length;
    const res = await redirect(query(state), withCookie ? cookie : undefined);
    expect(res.status).toBe(400);
    expect(h.fake.calls('oauth.v2.access')).toHaveLength(exchanges);
    expect(await store.getSetting('slack:installation:team:T6')).toBeUndefined();
  });
});

describe('each workspace with its own token, and only its own rollouts', () => {
  const scope1: Scope = { platform: 'slack', workspace: 'T1', channel: 'C1' };
  let rolloutId = '';
  let stepId = '';
  const confirm = () => JSON.stringify({ k: 'step', r: rolloutId, s: stepId, v: 'confirm' });

  beforeAll(async () => {
    const plan = buildPlan(answersOf(1));
    const { rollout } = await store.createRollout({ scope: scope1, owner: { id: 'U1', name: 'Alice Admin' }, locale: 'en', answers: answersOf(1), plan, operators: [], actionKey: 'k1' });
    await store.setMessages(scope1, rollout.id, [{ id: '1700000000.000100', meta: { channel: 'C1' } }]);
    rolloutId = rollout.id;
    stepId = plan.steps[0].id;
  });

  it('a slash command from a workspace uses that workspace\'s token', async () => {
    const from = h.fake.calls().length;
    expect(await command('status', { team: 'T1' })).toContain('#1, started by Alice Admin');
    expect(tokensSince(from)).toEqual(new Set([`Bearer ${T1.token}`]));
  });

  it('the other workspace, same channel id, sees no rollout and cannot touch it', async () => {
    const from = h.fake.calls().length;
    expect(await command('status', { team: 'T2', user: 'U2' })).toMatch(/There are no open rollouts/);
    expect(await click(confirm(), { team: 'T2', user: 'U2' })).toMatch(/do not know that rollout/);
    expect((await store.getRollout(scope1, rolloutId))?.events).toHaveLength(1);
    expect(await command('export', { team: 'T2', user: 'U2' })).toBe('');
    const [file] = h.fake.files().slice(-1);
    expect(file.content).not.toContain(rolloutId);
    expect(file.comment).toMatch(/0 rollout\(s\) in this channel, 0 events/);
    expect(tokensSince(from)).toEqual(new Set([`Bearer ${T2.token}`]));
  });

  it('its own team confirms with its own token, and exports the events as CSV in the channel', async () => {
    const from = h.fake.calls().length;
    expect(await click(confirm(), { team: 'T1', user: 'U1' })).toBe('');
    expect((await store.getRollout(scope1, rolloutId))?.events.map((e) => e.type)).toEqual(['created', 'confirmed']);
    expect(h.fake.calls('chat.update').at(-1)?.authorization).toBe(`Bearer ${T1.token}`);
    await command('export', { team: 'T1' });
    const [file] = h.fake.files().slice(-1);
    expect(file).toMatchObject({ channel: 'C1', authorization: `Bearer ${T1.token}`, comment: expect.stringMatching(/1 rollout\(s\) in this channel, 2 events/) });
    const rows = file.content.trim().split(/\r?\n/);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(new RegExp(`^${rolloutId},slack,T1,C1,.*,created,`));
    expect(rows[2]).toMatch(new RegExp(`^${rolloutId},slack,T1,C1,.*,confirmed,1,${stepId},.*,U1,Alice Admin`));
    expect(tokensSince(from)).toEqual(new Set([`Bearer ${T1.token}`]));
  });

  it('an org-wide install serves every workspace of the org', async () => {
    expect(await install('code-org', { access_token: ORG.token, team: null, enterprise: { id: 'E1', name: 'Org' }, is_enterprise_install: true })).toBe(200);
    expect(await store.getSetting('slack:installation:enterprise:E1')).toBeDefined();
    const from = h.fake.calls().length;
    expect(await command('status', { team: 'T5', enterprise: 'E1' })).toMatch(/There are no open rollouts/);
    expect(tokensSince(from)).toEqual(new Set([`Bearer ${ORG.token}`]));
  });
});

describe('a workspace without an installation', () => {
  it('is told so, and nothing else happens', async () => {
    const from = h.fake.calls().length;
    expect(await command('', { team: 'T9' })).toMatch(/exchange-sp is not installed in this Slack workspace, so nothing was done/);
    expect(await click(JSON.stringify({ k: 'step', r: 'abcdef', s: 'x', v: 'confirm' }), { team: 'T9' })).toMatch(/not installed/);
    expect(h.fake.calls().slice(from).map((c) => c.method)).toEqual(['response_url', 'response_url']);
  });

  it('app_uninstalled deletes the installation; the workspace is then refused', async () => {
    const res = await postSlack(h.baseUrl, eventCallbackBody({ type: 'app_uninstalled' }, { team: 'T2' }), { json: true });
    expect(res.status).toBe(200);
    for (let i = 0; i < 50 && (await store.getSetting('slack:installation:team:T2')) !== undefined; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await store.getSetting('slack:installation:team:T2')).toBeUndefined();
    expect(await command('status', { team: 'T2', user: 'U2' })).toMatch(/not installed/);
  });

  it('tokens_revoked for the bot deletes it too; for user tokens only, it stays', async () => {
    await postSlack(h.baseUrl, eventCallbackBody({ type: 'tokens_revoked', tokens: { oauth: ['U1'] } }, { team: 'T1' }), { json: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(await store.getSetting('slack:installation:team:T1')).toBeDefined();
    await postSlack(h.baseUrl, eventCallbackBody({ type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }, { team: 'T1' }), { json: true });
    for (let i = 0; i < 50 && (await store.getSetting('slack:installation:team:T1')) !== undefined; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await store.getSetting('slack:installation:team:T1')).toBeUndefined();
  });
});
