/**
 * Installing the app in many workspaces: Bolt's OAuth flow on our shared server.
 *
 * GET /slack/install sets a state cookie and redirects to Slack's authorize page
 * (client_id, scopes, a signed state); GET /slack/oauth_redirect checks that state
 * against the cookie, exchanges the code at oauth.v2.access and hands the
 * installation to our encrypted store (installations.ts). Both are served by a
 * second HTTPReceiver whose requestListener we call, like the events receiver, and
 * which is never given to the App: that keeps our own `authorize` (no store read
 * before the ack, and SLACK_BOT_TOKEN alongside installations).
 * https://docs.slack.dev/authentication/installing-with-oauth
 * https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
 */
import { HTTPReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../src/runtime/config';
import type { Logger } from '../../src/runtime/log';
import type { Route } from '../../src/runtime/server';
import type { InstallationIds, Installations } from './installations';
import { SLACK_EVENTS_PATH, toBoltLogger } from './receiver';
import { createWebClient, type SlackWebClient } from './web';

export const INSTALL_PATH = '/slack/install';
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';
/** Must match oauth_config.scopes.bot in manifest/slack/manifest.yaml (a test checks). */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'users:read', 'files:write'];

export function createInstallRoutes(options: {
  config: SlackConfig & { oauth: NonNullable<SlackConfig['oauth']> };
  installations: Installations;
  logger: Logger;
}): Route[] {
  const { config, installations, logger } = options;
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    // Only the two GET routes below reach this receiver; events go to the main one.
    endpoints: SLACK_EVENTS_PATH,
    logger: toBoltLogger(logger),
    clientId: config.oauth.clientId,
    clientSecret: config.oauth.clientSecret,
    stateSecret: config.oauth.stateSecret,
    scopes: BOT_SCOPES,
    installationStore: installations.installationStore,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: OAUTH_REDIRECT_PATH,
      // Straight to Slack: our install page has nothing to add to Slack's own.
      directInstall: true,
      stateVerification: true,
      // oauth.v2.access and auth.test go to SLACK_API_URL too (a local fake in tests).
      clientOptions: { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), timeout: 10_000 },
    },
  });
  const handler: Route['handler'] = (req, res) => receiver.requestListener(req, res);
  return [
    { method: 'GET', path: INSTALL_PATH, handler },
    { method: 'GET', path: OAUTH_REDIRECT_PATH, handler },
  ];
}

export interface WorkspaceClients {
  /** The Web API client for a request from this team, or undefined when the app is not installed there. */
  forRequest(ids: InstallationIds): Promise<SlackWebClient | undefined>;
}

/**
 * Which token serves a request: the installation of its team (or org), else
 * SLACK_BOT_TOKEN. With installations too, SLACK_BOT_TOKEN serves only its own
 * workspace (auth.test tells which), so it cannot answer for a workspace that never
 * installed the app.
 */
export function createWorkspaceClients(options: {
  botToken?: string;
  installations?: Installations;
  apiUrl?: string;
  logger: Logger;
}): WorkspaceClients {
  const { botToken, installations, apiUrl, logger } = options;
  const clientLogger = toBoltLogger(logger);
  const clients = new Map<string, SlackWebClient>();
  const clientFor = (token: string) => {
    let client = clients.get(token);
    if (!client) {
      if (clients.size > 10_000) clients.clear(); // bounded; clients are cheap to make again
      client = createWebClient(token, apiUrl, clientLogger);
      clients.set(token, client);
    }
    return client;
  };
  let home: Promise<InstallationIds | undefined> | undefined;
  const homeOfBotToken = (token: string) => {
    home ??= clientFor(token)
      .auth.test()
      .then((res) => ({ teamId: res.team_id, enterpriseId: res.enterprise_id }))
      .catch((error: unknown) => {
        logger.warn('slack: auth.test for SLACK_BOT_TOKEN failed', { error: String(error) });
        home = undefined; // try again with the next request
        return undefined;
      });
    return home;
  };

  return {
    async forRequest(ids) {
      if (!installations) return botToken ? clientFor(botToken) : undefined;
      const installation = await installations.find(ids);
      const token = installation?.bot?.token;
      if (token) return clientFor(token);
      if (!botToken) return undefined;
      const own = await homeOfBotToken(botToken);
      const same = own?.teamId === ids.teamId || (own?.enterpriseId !== undefined && own.enterpriseId === ids.enterpriseId);
      return same ? clientFor(botToken) : undefined;
    },
  };
}
