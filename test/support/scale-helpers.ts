/** Small helpers the process-level suites share. */
import type { CompleteAnswers } from '../../conversations/types';
import { buildPlan } from '../../conversations/plan/build';
import type { Rollout, RolloutSnapshot, Scope } from '../../src/rollout/model';
import { createPostgresStore } from '../../src/store/postgres';
import type { FakeSlack } from '../kit/fake-slack';
import { PG_URL, withClient } from './postgres';

/** `count` more open rollouts like `like` (same scope and plan), created through the store. */
export async function createRollouts(schema: string, like: Rollout, count: number): Promise<string[]> {
  const store = createPostgresStore({ connectionString: PG_URL, schema, poolSize: 2 });
  try {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { rollout } = await store.createRollout({
        scope: like.scope,
        owner: like.owner,
        locale: like.locale,
        answers: like.answers as CompleteAnswers,
        plan: like.plan,
        operators: [],
        actionKey: `seed-${i}-${Date.now()}`,
      });
      ids.push(rollout.id);
    }
    return ids;
  } finally {
    await store.close();
  }
}

/** A deterministic random source, so a failing burst can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The rollout as the store reads it (scope looked up from its row). */
export async function openSnapshot(schema: string, id: string): Promise<RolloutSnapshot | undefined> {
  const row = await withClient(async (c) => (await c.query(`SELECT platform, workspace, channel FROM "${schema}".rollouts WHERE id = $1`, [id])).rows[0]);
  if (!row) return undefined;
  const store = createPostgresStore({ connectionString: PG_URL, schema, poolSize: 1 });
  try {
    return await store.getRollout({ platform: row.platform, workspace: row.workspace, channel: row.channel }, id);
  } finally {
    await store.close();
  }
}

/**
 * Waits until the fake Slack has seen no new call for `forMs` (the apps' coalesced
 * plan updates have gone out), bounded by `timeoutMs`. A wait, not an assertion.
 */
export async function quiet(fake: FakeSlack, forMs = 1200, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let count = fake.calls().length;
  let since = Date.now();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    const now = fake.calls().length;
    if (now !== count) {
      count = now;
      since = Date.now();
    } else if (Date.now() - since >= forMs) return;
  }
}

/** `count` open rollouts of a single-server Exchange 2000 service pack in `scope`, through the store. */
export async function seedRollouts(schema: string, scope: Scope, count: number): Promise<Rollout[]> {
  const answers: CompleteAnswers = { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: false, terminalServices: false };
  const plan = buildPlan(answers);
  const like = { id: '', scope, owner: { id: 'U1', name: 'Alice' }, locale: 'en', answers, plan } as unknown as Rollout;
  const ids = await createRollouts(schema, like, count);
  return ids.map((id) => ({ ...like, id }));
}
