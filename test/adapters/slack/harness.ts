/**
 * The real Slack adapter (real Bolt app, real HTTP receiver) inside our shared HTTP
 * server on a free loopback port, talking to the fake Slack Web API.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { createSlackAdapter, createSlackDeliveryAdapter, type SlackAdapter } from '../../../adapters/slack';
import type { Clock, Publisher } from '../../../src/delivery/publisher';
import type { PlatformLimits } from '../../../src/delivery/types';
import { ROOMY_LIMITS, startTestPublisher } from '../../support/publisher';
import type { Bot } from '../../../src/bot/types';
import type { SlackConfig } from '../../../src/runtime/config';
import { silentLogger, type Logger } from '../../../src/runtime/log';
import { createHttpServer } from '../../../src/runtime/server';
import type { Store } from '../../../src/store/store';
import { startFakeSlack, type FakeSlack } from '../../kit/fake-slack';
import { SIGNING_SECRET } from '../../kit/slack-requests';
import { hooks, openBotSuite, type BotSuite, type BotSuiteOptions } from '../../support/bot-suite';

export interface Harness {
  baseUrl: string;
  fake: FakeSlack;
  /** The real adapter; its settled() also waits until the publisher delivered what is due. */
  adapter: SlackAdapter;
  /** The publisher delivering the outbox (when the store is a real one). */
  publisher?: Publisher;
  close(): Promise<void>;
}

export interface HarnessOptions {
  logger?: Logger;
  /** Pacing of the delivery (default: roomy, so bursts are not slowed). */
  limits?: PlatformLimits;
  /** Over the default single-workspace config (botToken 'xoxb-test-token'); `botToken: undefined` removes it. */
  slack?: Partial<SlackConfig>;
  /** The publisher's clock (a test clock moves reminders on). */
  clock?: Clock;
}

export async function startHarness(bot: Bot, store: Store, options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack();
  const adapter = createSlackAdapter({
    bot,
    settings: store,
    logger: options.logger ?? silentLogger,
    config: { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, ...options.slack },
    tuning: {
      localeTimeoutMs: 3000,
      // Real Retry-After waits would slow the suite; the policy still sees the header.
      retryPolicy: { attempts: 4, baseDelayMs: 20, maxRetryAfterMs: 1500, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    },
  });
  const server: http.Server = createHttpServer({ routes: adapter.routes, healthy: () => bot.healthy(), logger: silentLogger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await adapter.start();
  const { port } = server.address() as AddressInfo;
  // A scripted core comes without a store: then there is nothing to deliver.
  const config = { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, ...options.slack };
  const publisher =
    typeof store.claimChannels === 'function'
      ? startTestPublisher(store, [createSlackDeliveryAdapter({ config, settings: store, logger: silentLogger, limits: options.limits ?? ROOMY_LIMITS })], {
          bot,
          ...(options.clock ? { clock: options.clock } : {}),
        })
      : undefined;
  const settled = async () => {
    await adapter.settled();
    await publisher?.idle();
  };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    fake,
    adapter: { ...adapter, settled },
    publisher,
    async close() {
      await adapter.stop();
      await publisher?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}

export interface SlackSuite extends BotSuite {
  h: Harness;
}

export interface SlackSuiteOptions extends BotSuiteOptions {
  /** Read when the harness starts (after earlier hooks ran, so a clock made there can be passed). */
  harness?: () => HarnessOptions;
}

/** A store, the real bot and this harness for the file (or for each test); `ready` gets them first. */
export function useSlackBot(prefix: string, ready: (suite: SlackSuite) => void | Promise<void>, options: SlackSuiteOptions = {}): void {
  hooks(
    options.each,
    async () => {
      const base = await openBotSuite(prefix, options);
      const suite: SlackSuite = { ...base, h: await startHarness(base.bot, base.store, options.harness?.() ?? {}) };
      await ready(suite);
      return suite;
    },
    (suite) => suite.h.close(),
  );
}
