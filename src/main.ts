/**
 * Composition root: env -> config -> store -> bot -> adapters -> one HTTP server
 * (and the console chat when no platform is configured). The only file in src/
 * that imports adapters.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import dotenv from 'dotenv';
import { createSlackAdapter } from '../adapters/slack';
import { createTeamsAdapter } from '../adapters/teams';
import { createConsoleChat } from '../adapters/console';
import { consoleLocale } from '../adapters/console/language';
import { createBot } from './bot';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './log';
import { createHttpServer, type PlatformAdapter } from './server';
import { openStore } from './open-store';
import type { Store } from './store/store';

export interface RunningApp {
  config: Config;
  store: Store;
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

  const adapters: PlatformAdapter[] = [createTeamsAdapter({ bot, config: config.teams, logger })];
  if (config.slack) adapters.unshift(createSlackAdapter({ bot, config: config.slack, store, logger }));
  const teamsOn = Boolean(config.teams.appId) || config.teams.allowUnauthenticated;
  const platformConfigured = Boolean(config.slack) || teamsOn;

  let server: http.Server | undefined;
  let port: number | undefined;
  if (platformConfigured) {
    server = createHttpServer({ routes: adapters.flatMap((a) => a.routes), healthy: async () => schemaReady && (await bot.healthy()), logger });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(config.port, config.host, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    for (const adapter of adapters) await adapter.start();
    logger.info('ready', { port, slack: Boolean(config.slack), teams: teamsOn });
  }

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const adapter of adapters) await adapter.stop().catch((e: unknown) => logger.warn('adapter stop failed', { error: String(e) }));
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await store.close();
  };

  if (config.console) {
    const chat = createConsoleChat({ bot, input: process.stdin, output: process.stdout, locale: consoleLocale(process.env) });
    void chat.run().then(async (status) => {
      if (!platformConfigured) {
        await stop();
        // 1 when the chat ended before its plan was posted or a line was refused (scripts can tell).
        process.exit(status);
      }
    });
  }
  return { config, store, server, port, stop };
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
