/**
 * LOG_LEVEL=debug never writes a secret. The real Bolt app with OAuth on, logging
 * through our logger at debug as `npm start` does: a workspace installs (the code
 * exchange at the fake oauth.v2.access carries client_secret and the one-time code,
 * and Slack answers with tokens), then a teammate types a command and clicks. Bolt, the
 * OAuth installer and the Web API client print request and response bodies, headers
 * and the authorize URL at debug; not one line may hold a secret or a token.
 */
import path from 'node:path';
import { BOT_SCOPES } from '../../../adapters/slack';
import { createLogger } from '../../../src/runtime/log';
import type { Store } from '../../../src/store/store';
import { useSlackBot, type Harness } from './harness';
import { blockActionsBody, postSlack, SIGNING_SECRET, slashCommandBody } from '../../kit/slack-requests';

const SECRETS = {
  clientSecret: 'c1ient-secret-9f8e7d6c5b4a',
  stateSecret: 'state-secret-0a1b2c3d4e5f',
  tokenKey: '0f'.repeat(32),
  botToken: 'xoxb-17-single-workspace-token',
  code: '8437392108.1234567890.9a8b7c6d5e4f',
  grantedBotToken: 'xoxb-42-granted-bot-token',
  userToken: 'xoxp-42-granted-user-token',
  refreshToken: 'xoxe-1-granted-refresh-token',
};

let store: Store;
let h: Harness;
const lines: string[] = [];

useSlackBot('exchange-sp-oauth-logs-', (s) => {
  ({ store, h } = s);
  h.fake.users.set('U1', { name: 'Alice Admin' });
}, {
  harness: () => ({
    logger: createLogger('debug', (line) => lines.push(line)),
    slack: {
      botToken: SECRETS.botToken,
      oauth: { clientId: '1111.2222', clientSecret: SECRETS.clientSecret, stateSecret: SECRETS.stateSecret },
      tokenEncryptionKey: SECRETS.tokenKey,
    },
  }),
});

it('a whole install, a command and a click at debug log much, and no secret or token', async () => {
  h.fake.grants.set(SECRETS.code, {
    token_type: 'bot',
    scope: BOT_SCOPES.join(','),
    bot_user_id: 'UBOT',
    app_id: 'A1',
    access_token: SECRETS.grantedBotToken,
    refresh_token: SECRETS.refreshToken,
    expires_in: 43200,
    authed_user: { id: 'U1', access_token: SECRETS.userToken },
    team: { id: 'T1', name: 'One' },
    enterprise: null,
    is_enterprise_install: false,
  });
  const start = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0];
  const callback = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=${encodeURIComponent(SECRETS.code)}&state=${encodeURIComponent(state)}`, {
    redirect: 'manual',
    headers: { cookie },
  });
  await callback.text();
  expect(callback.status).toBe(200);
  // The exchange really carried the secrets, and Slack really answered with the tokens.
  expect(h.fake.calls('oauth.v2.access').at(-1)?.body).toMatchObject({ code: SECRETS.code, client_secret: SECRETS.clientSecret });
  const responseUrl = h.fake.responseUrl('secret-response-path-77');
  expect((await postSlack(h.baseUrl, slashCommandBody('help', responseUrl))).status).toBe(200);
  expect((await postSlack(h.baseUrl, blockActionsBody({ value: 'not ours', responseUrl }))).status).toBe(200);
  await h.adapter.settled();

  // Debug logging was on and covered the exchange.
  expect(lines.some((l) => l.includes('DEBUG') && l.includes('oauth.v2.access'))).toBe(true);
  expect(lines.some((l) => l.includes('http request body') && l.includes('client_secret'))).toBe(true);
  expect(lines.some((l) => l.includes('Generated authorize URL'))).toBe(true);
  // The Web API client that serves requests logs through our logger too (not to the console).
  expect(lines.some((l) => l.includes("apiCall('users.info')"))).toBe(true);
  expect(lines.some((l) => l.includes('http request headers') && l.includes('Authorization'))).toBe(true);

  const secrets = [...Object.values(SECRETS), state, state.split('.')[2], SIGNING_SECRET, 'secret-response-path-77', 'legacy-verification-token'];
  const leaks = lines.flatMap((line) => secrets.filter((secret) => line.includes(secret)).map((secret) => `${secret} in: ${line}`));
  expect(leaks).toEqual([]);
  expect(lines.join('\n')).not.toMatch(/xox[bpe]-\d|xapp-\d|eyJ[A-Za-z0-9_-]+\./);
});
