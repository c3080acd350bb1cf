/**
 * Composition root: env -> config -> store -> bot -> adapters -> one HTTP server
 * (and the console chat when no platform is configured). The only file in src/
 * that imports adapters.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import dotenv from 'dotenv';
import { createSlackAdapter, createSlackDeliveryAdapter } from '../adapters/slack';
import { createTeamsAdapter, createTeamsDeliveryAdapter } from '../adapters/teams';
import { createConsoleChat } from '../adapters/console';
import { createConsoleDelivery } from '../adapters/console/delivery';
import { consoleLocale } from '../adapters/console/language';
import { drawPlanCard } from './cards/plan-card';
import { ownerNotices } from './delivery/notices';
import { createPublisher, type Publisher } from './delivery/publisher';
import type { DeliveryAdapter } from './delivery/types';
import { metricsRoute } from './metrics';
import { createBot } from './bot';
import { ConfigError, loadConfig, type Config } from './runtime/config';
import { createLogger, type Logger } from './runtime/log';
import { createHttpServer, type PlatformAdapter } from './runtime/server';
import { openStore } from './open-store';
import type { Store } from './store/store';

/** Channels a publisher delivers at once: beside request handling, and in a worker of its own. */
const ALL_ROLE_DELIVERY_CONCURRENCY = 4;
const WORKER_DELIVERY_CONCURRENCY = 16;

export interface RunningApp {
  config: Config;
  store: Store;
  publisher?: Publisher;
  server?: http.Server;
  port?: number;
  stop(): Promise<void>;
}

/** Migrates now, or keeps retrying in the background while the database is down (healthz says 503 meanwhile). */
async function migrateWithRetry(store: Store, logger: Logger, stopped: () => boolean): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.migrate();
      return;
    } catch (error) {
      if (stopped()) return;
      logger.warn('store not ready, retrying', { attempt, error: String(error) });
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * attempt)));
    }
  }
}

export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const store = openStore(config, logger);
  let stopping = false;
  const migrated = migrateWithRetry(store, logger, () => stopping);
  if (!config.databaseUrl) await migrated; // SQLite is local: a failure here is fatal
  // A replica whose schema is not there yet must not get traffic from a load balancer.
  let schemaReady = !config.databaseUrl;
  void migrated.then(() => void (schemaReady = true));

  // Interviews wait in the store (SQLite or Postgres): they survive restarts and replicas.
  const bot = createBot({ store, logger });

  const teamsOn = Boolean(config.teams.appId) || config.teams.allowUnauthenticated;
  const platformConfigured = Boolean(config.slack) || teamsOn;
  const answers = config.role !== 'worker';
  const delivers = config.role !== 'web';

  // Requests: verify, parse, record, acknowledge (ROLE=all or web).
  const adapters: PlatformAdapter[] = [];
  if (answers) {
    adapters.push(createTeamsAdapter({ bot, config: config.teams, logger }));
    if (config.slack) adapters.unshift(createSlackAdapter({ bot, config: config.slack, settings: store, logger }));
  }

  // Delivery: the outbox, drawn from the store and sent to each platform (ROLE=all or worker).
  const consoleDelivery = config.console ? createConsoleDelivery(process.stdout) : undefined;
  const deliveryAdapters: DeliveryAdapter[] = [];
  if (delivers) {
    if (config.slack) deliveryAdapters.push(createSlackDeliveryAdapter({ config: config.slack, settings: store, logger }));
    if (teamsOn) deliveryAdapters.push(createTeamsDeliveryAdapter({ config: config.teams, logger }));
    if (consoleDelivery) deliveryAdapters.push(consoleDelivery);
  }
  const publisher: Publisher | undefined = deliveryAdapters.length
    ? createPublisher({
        store,
        adapters: deliveryAdapters,
        draw: (rollout, events, nowMs) => [drawPlanCard(rollout, events, { nowMs })],
        notices: ownerNotices,
        onNotPosted: (rollout) => bot.planNotPosted(rollout.scope, rollout.id),
        logger,
        // Beside request handling (ROLE=all), fewer channels are drawn at once, so acks keep
        // the event loop (Slack retries an ack slower than 3 s) and a burst on a plan
        // coalesces into fewer draws; a ROLE=worker process has the loop to itself.
        concurrency: answers ? ALL_ROLE_DELIVERY_CONCURRENCY : WORKER_DELIVERY_CONCURRENCY,
      })
    : undefined;

  let server: http.Server | undefined;
  let port: number | undefined;
  if (platformConfigured) {
    const routes = [...adapters.flatMap((a) => a.routes), metricsRoute(store)];
    server = createHttpServer({ routes, healthy: async () => schemaReady && (await bot.healthy()), logger });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(config.port, config.host, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    for (const adapter of adapters) await adapter.start();
    logger.info('ready', { port, role: config.role, slack: Boolean(config.slack), teams: teamsOn });
  }
  // Picks up what a stopped process left, then whatever the store announces.
  void migrated.then(() => publisher?.start());

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const adapter of adapters) await adapter.stop().catch((e: unknown) => logger.warn('adapter stop failed', { error: String(e) }));
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await publisher?.stop().catch((e: unknown) => logger.warn('delivery stop failed', { error: String(e) }));
    await store.close();
  };

  if (config.console) {
    const chat = createConsoleChat({
      bot,
      input: process.stdin,
      output: process.stdout,
      locale: consoleLocale(process.env),
      // What a line caused (the plan, its thread lines) is printed before the next prompt.
      settle: async () => publisher?.idle({ timeoutMs: 30_000 }).catch(() => undefined),
    });
    void chat.run().then(async (status) => {
      if (!platformConfigured) {
        await stop();
        // 1 when the chat ended before its plan was posted or a line was refused (scripts can tell).
        process.exit(status);
      }
    });
  }
  return { config, store, publisher, server, port, stop };
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`exchange-sp: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // In the console chat, only warnings reach the terminal unless LOG_LEVEL says otherwise.
  const level = process.env.LOG_LEVEL ? config.logLevel : config.console && !config.slack ? 'warn' : config.logLevel;
  const logger = createLogger(level);
  const app = await startApp(config, logger);
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`exchange-sp failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
