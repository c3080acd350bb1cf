/**
 * The Teams adapter: POST /api/messages on our shared node:http server, served by
 * botbuilder's CloudAdapter. https://learn.microsoft.com/azure/bot-service/bot-builder-basics
 *
 * Request path: read and size-limit the body (413), parse JSON (400) and the activity
 * (zod, 400), authenticate (401 / 403 channel, serviceUrl or tenant / 503 keys
 * unreachable; see auth.ts), then run the turn
 * through CloudAdapter with the already-validated identity. We don't call
 * CloudAdapter.process: it answers some bad tokens with 500 and cannot say 403; the
 * subclass below runs the same processActivity that process() runs after its own check.
 * Nothing reaches the core before the token and the tenant pass.
 *
 * botbuilder stays inside adapters/teams (it is archived upstream; its successor can
 * replace this folder alone).
 */
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bot } from '../../src/bot/types';
import { isUnauthenticatedTeams, type TeamsConfig } from '../../src/runtime/config';
import type { Logger } from '../../src/runtime/log';
import { sendJson, sendText, type PlatformAdapter } from '../../src/runtime/server';
import { activitySchema, type TeamsActivity } from './activity';
import { createTeamsAuth, type TeamsAuthOverrides } from './auth';
import { MAX_BODY_BYTES, readJsonBody } from './http';
import { createConnectors } from './connectors';
import { createTeamsDelivery } from './delivery';
import type { DeliveryAdapter, PlatformLimits } from '../../src/delivery/types';
import { DEFAULT_RETRY, type RetryOptions } from './retry';
import { createTurnHandler } from './turn';

export { renderCardForTeams } from './render';
export type { AdaptiveCard } from './adaptive-card';
export type { TeamsAuthOverrides } from './auth';

export interface TeamsAdapterOptions {
  bot: Bot;
  config: TeamsConfig;
  logger: Logger;
  /** Endpoints and outbound token for tests or private clouds (see auth.ts). */
  auth?: TeamsAuthOverrides;
  retry?: Partial<RetryOptions>;
}

/** Teams' side of the delivery outbox, for the publisher (in a web+worker or a worker-only process). */
export function createTeamsDeliveryAdapter(options: { config: TeamsConfig; logger: Logger; auth?: TeamsAuthOverrides; limits?: PlatformLimits }): DeliveryAdapter {
  const auth = createTeamsAuth(options.config, options.auth);
  // Without a token nothing leaves this machine, stored plan messages included.
  const connectorFor = createConnectors(options.config.appId, auth.botFrameworkAuthentication, { loopbackOnly: isUnauthenticatedTeams(options.config) });
  return createTeamsDelivery({ connectorFor, logger: options.logger, limits: options.limits }) as DeliveryAdapter;
}

export interface TeamsAdapter extends PlatformAdapter {
  /** Waits for the work that runs after an invoke answer (tests, shutdown). */
  flush(): Promise<void>;
}

/** Exposes the authenticated half of CloudAdapter.process. */
class AuthenticatedCloudAdapter extends CloudAdapter {
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { bot, config, logger } = options;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const open = Boolean(config.appId) || config.allowUnauthenticated;
  const unauthenticated = isUnauthenticatedTeams(config);
  if (unauthenticated) {
    logger.warn(
      'teams: TEAMS_ALLOW_UNAUTHENTICATED=true and no MicrosoftAppId: /api/messages accepts requests WITHOUT a token ' +
        '(local emulators only; loopback serviceUrls only)',
    );
  } else if (config.appId && config.allowUnauthenticated) {
    logger.warn('teams: TEAMS_ALLOW_UNAUTHENTICATED is ignored because MicrosoftAppId is set: every request needs a valid token');
  } else if (!open) {
    logger.info('teams: no MicrosoftAppId: /api/messages refuses every request with 401');
  }

  const auth = createTeamsAuth(config, options.auth);
  const adapter = new AuthenticatedCloudAdapter(auth.botFrameworkAuthentication);
  const background = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error: unknown) => logger.warn('teams: background work failed', { error: String(error) }));
    background.add(settled);
    void settled.finally(() => background.delete(settled));
  };
  const onTurn = createTurnHandler({ bot, logger, retry, track });

  async function flush(): Promise<void> {
    while (background.size) await Promise.all([...background]);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!open) return sendText(res, 401, 'unauthorized');
    const body = await readJsonBody(req);
    if (!body.ok) return sendText(res, body.status, body.reason);
    const parsed = activitySchema.safeParse(body.json);
    if (!parsed.success) return sendText(res, 400, 'not an activity');
    const activity: TeamsActivity = parsed.data;
    const header = req.headers.authorization ?? '';
    const outcome = await auth.authenticate(activity, header);
    if (!outcome.ok) {
      logger.warn('teams: request refused', { status: outcome.status, reason: outcome.reason });
      return sendText(res, outcome.status, outcome.status === 403 ? 'forbidden' : outcome.status === 503 ? 'unavailable' : 'unauthorized');
    }
    // botbuilder reads (and annotates) its own copy; we keep the zod-parsed one.
    const forBotbuilder = structuredClone(activity) as unknown as Activity;
    const invokeResponse = await adapter.runTurn(outcome.result, forBotbuilder, (context) => onTurn(context, activity));
    if (invokeResponse) return sendJson(res, invokeResponse.status, invokeResponse.body ?? {});
    res.writeHead(200).end();
  }

  return {
    name: 'teams',
    routes: [{ method: 'POST', path: '/api/messages', handler: handle, maxBodyBytes: MAX_BODY_BYTES }],
    async start() {},
    async stop() {
      await flush();
    },
    flush,
  };
}
