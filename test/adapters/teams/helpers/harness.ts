/**
 * Our real server (createHttpServer on port 0) with the Teams adapter, a local OpenID
 * metadata/JWKS server for inbound tokens and a fake Bot Connector for outbound calls.
 * Outbound calls carry a supplied test token: no MSAL, no login host.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTeamsAdapter, createTeamsDeliveryAdapter, type TeamsAdapter } from '../../../../adapters/teams';
import type { Clock, Publisher } from '../../../../src/delivery/publisher';
import type { PlatformLimits } from '../../../../src/delivery/types';
import type { Store } from '../../../../src/store/store';
import { ROOMY_LIMITS, startTestPublisher } from '../../../support/publisher';
import type { Bot } from '../../../../src/bot/types';
import type { TeamsConfig } from '../../../../src/runtime/config';
import { createLogger, type Logger } from '../../../../src/runtime/log';
import { createHttpServer } from '../../../../src/runtime/server';
import { APP_ID } from '../../../kit/teams-activities';
import { hooks, openBotSuite, type BotSuite, type BotSuiteOptions } from '../../../support/bot-suite';
import { startFakeConnector, type FakeConnector } from '../../../kit/fake-connector';
import { startOpenIdServer, type OpenIdServer, type TokenOptions } from '../../../kit/openid';

export const OUTBOUND_TOKEN = 'outbound-test-token';

export interface Harness {
  url: string;
  connector: FakeConnector;
  openid: OpenIdServer;
  /** The real adapter; its flush() also waits until the publisher delivered what is due. */
  adapter: TeamsAdapter;
  /** The publisher delivering the outbox, when a store was given. */
  publisher?: Publisher;
  logs: string[];
  /** POSTs an activity with a valid token (or the given one; null: no header). */
  post(activity: unknown, token?: string | null | TokenOptions): Promise<{ status: number; body: string; json(): unknown }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The store the bot records in: its outbox is delivered to the fake connector. */
  store?: Store;
  limits?: PlatformLimits;
  /** The publisher's clock (a test clock moves reminders on). */
  clock?: Clock;
}

export async function startHarness(bot: Bot, config: Partial<TeamsConfig> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const connector = await startFakeConnector();
  const openid = await startOpenIdServer({ appId: APP_ID, serviceUrl: connector.serviceUrl });
  const logs: string[] = [];
  const logger: Logger = createLogger('debug', (line) => logs.push(line));
  const teamsConfig: TeamsConfig = {
    appId: APP_ID,
    appPassword: 'never-used-in-tests',
    appType: 'MultiTenant',
    allowedTenants: [],
    allowUnauthenticated: false,
    ...config,
  };
  const auth = {
    openIdMetadataUrl: openid.metadataUrl,
    emulatorOpenIdMetadataUrl: openid.metadataUrl,
    loginUrl: 'https://login.microsoftonline.com/botframework.com',
    botToken: async () => OUTBOUND_TOKEN,
  };
  const created = createTeamsAdapter({ bot, logger, config: teamsConfig, auth, retry: { baseMs: 5, maxMs: 200 } });
  const publisher = options.store
    ? startTestPublisher(options.store, [createTeamsDeliveryAdapter({ config: teamsConfig, logger, auth, limits: options.limits ?? ROOMY_LIMITS })], {
        bot,
        logger,
        ...(options.clock ? { clock: options.clock } : {}),
      })
    : undefined;
  const adapter: TeamsAdapter = {
    ...created,
    async flush() {
      await created.flush();
      await publisher?.idle();
    },
  };
  const server: http.Server = createHttpServer({ routes: adapter.routes, healthy: async () => true, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    connector,
    openid,
    adapter,
    publisher,
    logs,
    async post(activity, token) {
      const bearer = token === null ? undefined : typeof token === 'string' ? token : await openid.sign(token ?? {});
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const body = await res.text();
      return { status: res.status, body, json: () => JSON.parse(body) };
    },
    async close() {
      await adapter.stop();
      await publisher?.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await connector.close();
      await openid.close();
    },
  };
}

export interface TeamsSuite extends BotSuite {
  h: Harness;
}

export interface TeamsSuiteOptions extends BotSuiteOptions {
  /** Read when the harness starts (after earlier hooks ran, so a clock made there can be passed). */
  harness?: () => HarnessOptions;
}

/**
 * A store, the real bot and this harness (delivering the store's outbox) for each test
 * (or, with `each: false`, for the file); `ready` gets them first. After each, the
 * connector must have refused nothing the bot sent (it is as strict as the service).
 */
export function useTeamsBot(prefix: string, ready: (suite: TeamsSuite) => void | Promise<void>, options: TeamsSuiteOptions = {}): void {
  hooks(
    options.each ?? true,
    async () => {
      const base = await openBotSuite(prefix, options);
      const suite: TeamsSuite = { ...base, h: await startHarness(base.bot, {}, { store: base.store, ...options.harness?.() }) };
      await ready(suite);
      return suite;
    },
    async (suite) => {
      expect(suite.h.connector.refused).toEqual([]);
      await suite.h.close();
    },
  );
}
