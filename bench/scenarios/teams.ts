/**
 * Teams: adaptiveCard/action invokes that confirm steps, through the real Teams adapter
 * (CloudAdapter) with real Bot Connector token validation (RS256 against the local
 * JWKS). Unlike Slack, the invoke answer carries the redrawn card, so the store write
 * and the render are inside the measured latency. Delivery (everyone's copy, the
 * thread lines) runs in the same process, paced within Teams' limits.
 */
import { sqliteFile } from '../../src/open-store';
import { createSqliteStore } from '../../src/store/sqlite';
import type { AppInfo } from '../app-process';
import { forkBenchChild, type BenchChild } from '../child';
import type { FakesInfo } from '../fakes-process';
import { runLoad, type LoadResult } from '../load';
import { clickAt, markDelivered, seedRollouts } from '../seed';
import { settledStepEvents } from '../sqlite-count';
import { ALICE, BOT, CHANNEL, invokeActivity, TENANT } from '../../test/kit/teams-activities';

export interface TeamsFigures {
  load: LoadResult;
  rollouts: number;
  clicksAcked: number;
  eventsRecorded: number;
  blocked: string[];
}

export async function benchTeams(options: {
  fakes: BenchChild<FakesInfo>;
  dataDir: string;
  seconds: number;
  rollouts: number;
  connections: number;
  log: (line: string) => void;
}): Promise<TeamsFigures> {
  const { fakes, dataDir } = options;
  const serviceUrl = fakes.info.serviceUrl;
  const file = sqliteFile(dataDir);
  const store = createSqliteStore({ file });
  await store.migrate();
  const scope = { platform: 'teams' as const, workspace: TENANT, channel: CHANNEL };
  const conversation = { serviceUrl, channelId: 'msteams', conversationId: `${CHANNEL};messageid=1711000000001`, tenantId: TENANT, bot: BOT };
  // The MessageRef the adapter stores for a posted plan (adapters/teams/conversation.ts planMessageRef).
  const seeded = await seedRollouts(store, scope, { id: ALICE.aadObjectId, name: ALICE.name }, options.rollouts, (i) => ({
    id: `bot-msg-seed-${i}`,
    meta: { teams: conversation },
  }));
  await store.close();
  markDelivered(file);
  // The fake Bot Connector holds the seeded plans' messages, as Teams would (an update needs one that is there).
  await fakes.call('plantTeams', seeded.messages);

  const app = await forkBenchChild<AppInfo>('app-process', {
    args: ['teams'],
    env: { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', BENCH_OPENID_URL: fakes.info.openIdMetadataUrl, MicrosoftAppType: 'MultiTenant' },
  });
  try {
    const token = await fakes.call<string>('token', 3600);
    let clicks = 0;
    const load = await runLoad({
      url: `http://127.0.0.1:${app.info.port}/api/messages`,
      connections: options.connections,
      seconds: options.seconds,
      next: () => {
        const i = clicks++;
        const { rolloutId, verb } = clickAt(seeded, i);
        const activity = invokeActivity({ serviceUrl }, { xsp: { k: 'step', r: rolloutId, s: seeded.stepId, v: verb } }, { id: `f:bench-${i}`, replyToId: 'bot-msg-1' });
        return { body: JSON.stringify(activity), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
      },
    });
    options.log(`teams invoke c=${options.connections}: ${load.rps.toFixed(0)} req/s p50 ${load.p50} ms p99 ${load.p99} ms`);
    const eventsRecorded = await settledStepEvents(file, load.acked);
    return { load, rollouts: seeded.ids.length, clicksAcked: load.acked, eventsRecorded, blocked: await app.call<string[]>('blocked') };
  } finally {
    await app.stop();
  }
}

