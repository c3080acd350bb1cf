/**
 * Replicas in one test process: each its own Postgres pool on a shared schema, its own
 * publisher and Slack delivery against one fake Slack, on one clock the test moves.
 * A replica stops as a restart would (its publisher, then its pool); `settled` waits
 * until every running replica is quiet at once. `useSlackReplicas` also starts the fake
 * Slack and a fresh schema for the test file, and removes them after.
 */
import { createSlackDeliveryAdapter } from '../../adapters/slack';
import type { Clock, Publisher } from '../../src/delivery/publisher';
import { silentLogger } from '../../src/runtime/log';
import { createPostgresStore } from '../../src/store/postgres';
import type { Store } from '../../src/store/store';
import { startFakeSlack, type FakeSlack } from '../kit/fake-slack';
import { SIGNING_SECRET } from '../kit/slack-requests';
import { dropSchema, freshSchema, PG_URL } from './postgres';
import { ROOMY_LIMITS, startTestPublisher } from './publisher';

export interface Replica {
  store: Store;
  publisher: Publisher;
}

export function slackReplicas(schema: string, fake: () => FakeSlack, clock: Clock) {
  const running: Replica[] = [];

  /** One replica more. */
  async function start(): Promise<Replica> {
    const store = createPostgresStore({ connectionString: PG_URL, schema, poolSize: 4 });
    await store.migrate();
    const delivery = createSlackDeliveryAdapter({
      config: { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: fake().apiUrl },
      settings: store,
      logger: silentLogger,
      limits: ROOMY_LIMITS,
    });
    const replica = { store, publisher: startTestPublisher(store, [delivery], { clock }) };
    running.push(replica);
    return replica;
  }

  async function stop(replica: Replica): Promise<void> {
    running.splice(running.indexOf(replica), 1);
    await replica.publisher.stop();
    await replica.store.close();
  }

  async function settled(): Promise<void> {
    // Every replica quiet at once: none has anything due on the clock.
    for (let round = 0; round < 3; round++) for (const r of running) await r.publisher.idle({ timeoutMs: 20_000 });
  }

  async function stopAll(): Promise<void> {
    for (const r of [...running]) await stop(r);
  }

  return { start, stop, settled, stopAll };
}

/** Replicas for one test file: a fresh schema and a fake Slack before its tests, all stopped and removed after. */
export function useSlackReplicas(clock: Clock) {
  const schema = freshSchema();
  let fake: FakeSlack | undefined;
  const replicas = slackReplicas(schema, () => fake!, clock);
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => {
    await replicas.stopAll();
    await fake?.close();
    await dropSchema(schema);
  });
  return { ...replicas, fake: () => fake! };
}
