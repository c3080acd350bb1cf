/**
 * Child process running the app under test, one of:
 * - `slack`: the real composition root (startApp from src/main.ts) with Slack over
 *   HTTP, the SQLite or Postgres store from the env, the Web API at the fake;
 * - `teams`: the real store, bot and Teams adapter on our server, with the adapter's
 *   auth overrides pointing token validation at the local OpenID/JWKS (startApp has
 *   no way to pass them: see the report);
 * - `bolt`: the bare Bolt anchor (bench/bare-bolt.ts).
 * Every mode installs the loopback guard and answers `rss`, `blocked` and `stop`.
 */
import type { AddressInfo } from 'node:net';
import { createTeamsAdapter, createTeamsDeliveryAdapter } from '../adapters/teams';
import { drawPlanCard } from '../src/cards/plan-card';
import { ownerNotices } from '../src/delivery/notices';
import { createPublisher } from '../src/delivery/publisher';
import { createBot } from '../src/bot';
import { loadConfig } from '../src/runtime/config';
import { createLogger, type LogLevel } from '../src/runtime/log';
import { startApp } from '../src/main';
import { openStore } from '../src/open-store';
import { createHttpServer } from '../src/runtime/server';
import { metricsRoute } from '../src/metrics';
import { startBareBolt } from './bare-bolt';
import { memoryNow, serveParent } from './child';
import { installNetGuard } from '../test/kit/net-guard';
import { APP_ID } from '../test/kit/teams-activities';

export type AppMode = 'slack' | 'teams' | 'bolt';
export interface AppInfo {
  port: number;
  mode: AppMode;
}

async function startMode(mode: AppMode): Promise<{ port: number; stop: () => Promise<void> }> {
  const logger = createLogger((process.env.LOG_LEVEL ?? 'warn') as LogLevel);
  if (mode === 'bolt') return startBareBolt(process.env.SLACK_SIGNING_SECRET ?? '');
  if (mode === 'slack') {
    const app = await startApp(loadConfig(process.env, []), logger);
    return { port: app.port ?? 0, stop: app.stop };
  }
  const config = loadConfig({ ...process.env, MicrosoftAppId: APP_ID }, []);
  const store = openStore(config, logger);
  await store.migrate();
  const bot = createBot({ store, logger });
  const openIdMetadataUrl = process.env.BENCH_OPENID_URL ?? '';
  const auth = {
    openIdMetadataUrl,
    emulatorOpenIdMetadataUrl: openIdMetadataUrl,
    loginUrl: 'https://login.microsoftonline.com/botframework.com',
    // Outbound calls carry a supplied token: no MSAL, no login host.
    botToken: async () => 'bench-outbound-token',
  };
  const teamsConfig = { ...config.teams, appPassword: 'never-used-in-the-bench' };
  const adapter = createTeamsAdapter({ bot, logger, config: teamsConfig, auth });
  // Delivery in the same process, as `npm start` runs it.
  const publisher = createPublisher({
    store,
    adapters: [createTeamsDeliveryAdapter({ config: teamsConfig, logger, auth })],
    draw: (rollout, events, nowMs) => [drawPlanCard(rollout, events, { nowMs })],
    notices: ownerNotices,
    onNotPosted: (rollout) => bot.planNotPosted(rollout.scope, rollout.id),
    logger,
  });
  publisher.start();
  const server = createHttpServer({ routes: [...adapter.routes, metricsRoute(store)], healthy: () => bot.healthy(), logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      await adapter.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await publisher.stop();
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  const guard = installNetGuard('the bench');
  const mode = (process.argv[2] ?? 'slack') as AppMode;
  const app = await startMode(mode);
  const info: AppInfo = { port: app.port, mode };
  serveParent(info, {
    rss: () => memoryNow(),
    blocked: () => guard.blocked,
    stop: async () => {
      await app.stop();
      setImmediate(() => process.exit(0));
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench app failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
