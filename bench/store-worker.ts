/**
 * One "replica" for the store bench: a child process with its own store instance
 * (its own SQLite connection or Postgres pool) that applies Confirm/Undo actions as
 * fast as the store allows, on its own share of the rollouts.
 */
import { createPostgresStore } from '../src/store/postgres';
import { createSqliteStore } from '../src/store/sqlite';
import type { Scope, UserRef } from '../src/rollout/model';
import { memoryNow, serveParent } from './child';
import { installNetGuard } from '../test/kit/net-guard';

export interface StoreJob {
  kind: 'sqlite' | 'postgres';
  /** SQLite file or Postgres URL. */
  target: string;
  schema?: string;
  scope: Scope;
  owner: UserRef;
  ids: string[];
  stepId: string;
  /** Actions in flight at once (each its own transaction). */
  lanes: number;
  /** Start and stop at these wall-clock times, so two replicas overlap exactly. */
  startAt: number;
  stopAt: number;
}

export interface StoreJobResult {
  recorded: number;
  other: number;
  seconds: number;
}

async function runJob(job: StoreJob, tag: string): Promise<StoreJobResult> {
  const store =
    job.kind === 'sqlite'
      ? createSqliteStore({ file: job.target })
      : createPostgresStore({ connectionString: job.target, schema: job.schema, poolSize: job.lanes, applicationName: 'exchange-sp-bench' });
  let recorded = 0;
  let other = 0;
  let n = 0;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.startAt - Date.now())));
  const started = Date.now();
  // Each lane owns every lanes-th rollout and alternates Confirm/Undo on step 1, so
  // every action is allowed and records one event; no two lanes touch one rollout.
  const lane = async (j: number) => {
    const mine = job.ids.filter((_, i) => i % job.lanes === j);
    for (let visit = 0; Date.now() < job.stopAt; visit++) {
      const verb = Math.floor(visit / mine.length) % 2 === 0 ? 'confirm' : 'undo';
      const action = { verb, stepId: job.stepId, actor: job.owner, actionKey: `${tag}-${n++}` } as const;
      const result = await store.applyAction(job.scope, mine[visit % mine.length], action, new Date());
      if (result.outcome === 'recorded') recorded++;
      else other++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(job.lanes, job.ids.length) }, (_, j) => lane(j)));
  const seconds = (Date.now() - started) / 1000;
  await store.close();
  return { recorded, other, seconds };
}

installNetGuard('the bench');
serveParent({ pid: process.pid }, {
  run: (job) => runJob(job as StoreJob, `w${process.pid}`),
  rss: () => memoryNow(),
  stop: () => void setImmediate(() => process.exit(0)),
});
