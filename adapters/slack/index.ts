/**
 * The Slack adapter: `/exchange-sp` and the plan's buttons, over HTTP at
 * POST /slack/events inside our shared server, or over Socket Mode when an app-level
 * token (xapp-...) is configured. With SLACK_CLIENT_ID (and secret, state secret) any
 * number of workspaces install the app at GET /slack/install (oauth.ts); each request
 * then uses its own workspace's token. SLACK_BOT_TOKEN alone serves one workspace.
 * https://docs.slack.dev/tools/bolt-js/getting-started
 * https://docs.slack.dev/apis/events-api/using-socket-mode
 */
import { App, SocketModeReceiver, type Authorize } from '@slack/bolt';
import type { Bot } from '../../src/bot/types';
import { decodeTokenKey, type SlackConfig } from '../../src/runtime/config';
import type { Logger } from '../../src/runtime/log';
import type { PlatformAdapter } from '../../src/runtime/server';
import type { Settings } from '../../src/runtime/settings';
import { registerHandlers } from './handlers';
import { createUserDirectory } from './inbound';
import { registerInstallEvents } from './install-events';
import { createInstallations } from './installations';
import { createInstallRoutes, createWorkspaceClients, type WorkspaceClients } from './oauth';
import { createSlackDelivery } from './delivery';
import type { DeliveryAdapter, PlatformLimits } from '../../src/delivery/types';
import { createSlackReceiver, slackEventsRoute, toBoltLogger } from './receiver';
import { createReplyRunner } from './replies';
import { registerAppHome } from './app-home';
import { createPermalinks } from './permalinks';
import type { RetryPolicy } from './web';

export { renderCardForSlack, type SlackMessage, type SlackBlock, type RenderOptions } from './render';
export { SLACK_LIMITS } from './limits';
export { SLASH_COMMAND } from './handlers';
export { SLACK_EVENTS_PATH } from './receiver';
export { BOT_SCOPES, INSTALL_PATH, OAUTH_REDIRECT_PATH } from './oauth';
export { INSTALL_EVENTS } from './install-events';
export { HOME_EVENTS } from './app-home';

/** How many requests' after-ack work may run at once. */
export const AFTER_ACK_CONCURRENCY = 16;

export interface SlackAdapterOptions {
  bot: Bot;
  config: SlackConfig;
  settings: Settings;
  logger: Logger;
  /** Tuning for tests: the Web API retry policy of private replies, the users.info time budget. */
  tuning?: { retryPolicy?: RetryPolicy; localeTimeoutMs?: number };
}

/**
 * The Web API clients of every workspace: the installation's token (OAuth, encrypted
 * in the store) or SLACK_BOT_TOKEN. Request handling and delivery each make their own.
 */
export function createSlackClients(config: SlackConfig, settings: Settings, logger: Logger): { clients: WorkspaceClients; installations?: ReturnType<typeof createInstallations> } {
  const token = config.botToken;
  if (!token && !config.oauth) {
    throw new Error('Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET');
  }
  const key = config.tokenEncryptionKey ? decodeTokenKey(config.tokenEncryptionKey) : undefined;
  if (config.oauth && !key) {
    // loadConfig refuses this already; a caller that builds SlackConfig itself must not get clear-text tokens.
    throw new Error('Slack OAuth needs SLACK_TOKEN_ENCRYPTION_KEY (32 bytes, hex or base64)');
  }
  const installations = config.oauth && key ? createInstallations({ settings, key, logger }) : undefined;
  const clients = createWorkspaceClients({ botToken: token, installations, apiUrl: config.apiUrl, logger });
  return installations ? { clients, installations } : { clients };
}

/** Slack's side of the delivery outbox, for the publisher (in a web+worker or a worker-only process). */
export function createSlackDeliveryAdapter(options: { config: SlackConfig; settings: Settings; logger: Logger; limits?: PlatformLimits }): DeliveryAdapter {
  const { clients } = createSlackClients(options.config, options.settings, options.logger);
  return createSlackDelivery({ clients, logger: options.logger, apiUrl: options.config.apiUrl, limits: options.limits }) as DeliveryAdapter;
}

export interface SlackAdapter extends PlatformAdapter {
  /** Resolves when all work started by requests so far (replies, updates) is done. */
  settled(): Promise<void>;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { bot, config, settings, logger, tuning = {} } = options;
  const token = config.botToken;
  const { clients, installations } = createSlackClients(config, settings, logger);
  // No auth.test and no store read here: Bolt runs authorize before the ack. The
  // workspace's token is looked up after the ack (handlers.ts). We never need the bot's
  // own ids: we handle no message events, so ignoreSelf is off too.
  const authorize: Authorize<boolean> = async (source) =>
    installations || !token ? { teamId: source.teamId, enterpriseId: source.enterpriseId } : { botToken: token };
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const boltLogger = toBoltLogger(logger);
  const socketMode = Boolean(config.appToken);
  const receiver = socketMode ? undefined : createSlackReceiver(config.signingSecret, logger);
  const socketReceiver = config.appToken
    ? new SocketModeReceiver({
        appToken: config.appToken,
        logger: boltLogger,
        // apps.connections.open goes to SLACK_API_URL too.
        installerOptions: { clientOptions },
        // Bolt leaves an envelope it failed on unacknowledged, and Slack sends it again
        // and again. A payload we could not read the first time will not read better
        // later, and store failures are answered inside the handlers: acknowledge.
        processEventErrorHandler: async ({ error, event }) => {
          logger.warn('slack: socket mode envelope could not be handled; acknowledged so Slack does not resend it', {
            type: String((event.body as { type?: unknown } | undefined)?.type ?? 'unknown'),
            error: String(error),
          });
          return true;
        },
      })
    : undefined;
  const app = new App({
    authorize,
    logger: boltLogger,
    ignoreSelf: false,
    convoStore: false,
    clientOptions,
    receiver: receiver ?? socketReceiver,
  });

  const replies = createReplyRunner({ logger, apiUrl: config.apiUrl, retryPolicy: tuning.retryPolicy });
  const directory = createUserDirectory({ logger, timeoutMs: tuning.localeTimeoutMs });
  const work = new Set<Promise<unknown>>();
  // Work after an ack (Web API calls, redraws) runs a few at a time: under a burst, new
  // requests then wait behind a handful of tasks instead of hundreds, so acks stay quick
  // and the backlog drains behind them.
  let running = 0;
  const waiting: (() => void)[] = [];
  const track = (task: () => Promise<unknown>) => {
    const done = new Promise<void>((resolve) => {
      const run = () => {
        running++;
        Promise.resolve()
          .then(task)
          .catch((error: unknown) => logger.error('slack work failed', { error: String(error) }))
          .finally(() => {
            running--;
            resolve();
            waiting.shift()?.();
          });
      };
      if (running < AFTER_ACK_CONCURRENCY) run();
      else waiting.push(run);
    });
    work.add(done);
    void done.finally(() => work.delete(done));
  };
  registerHandlers(app, { bot, clients, directory, replies, logger, track });
  registerAppHome(app, { bot, clients, directory, permalinks: createPermalinks(logger), logger, track });
  if (installations) registerInstallEvents(app, installations, logger);
  const oauth = config.oauth;
  // The install pages are plain GETs on our server, so they work in Socket Mode too.
  const installRoutes = oauth && installations ? createInstallRoutes({ config: { ...config, oauth }, installations, logger }) : [];

  const settled = async () => {
    // Work can start more work: wait until it is quiet.
    for (let round = 0; round < 10 && work.size > 0; round++) await Promise.all([...work]);
  };

  return {
    name: 'slack',
    routes: [...(receiver ? [slackEventsRoute(receiver, config.signingSecret)] : []), ...installRoutes],
    async start() {
      if (socketMode) {
        await app.start();
        logger.info('slack: socket mode connected');
      } else {
        logger.info('slack: listening at POST /slack/events');
      }
      if (installRoutes.length) logger.info('slack: workspaces install the app at GET /slack/install');
    },
    async stop() {
      await settled();
      if (socketMode) await app.stop();
    },
    settled,
  };
}
