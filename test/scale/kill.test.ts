/**
 * kill -9 of a replica in the middle of a burst of confirmations. What the team must
 * be able to rely on afterwards: nothing is half written (every rollout has its
 * 'created' event, seq gapless), clicking again what got no answer records it once,
 * and every click Slack got a 200 for is in the event log once the replica is back.
 *
 * Slack never re-sends an interaction, so this holds only because the Slack adapter
 * records a step click before it acks (adapters/slack/handlers.ts, bounded to stay
 * inside Slack's 3 seconds). Profile lookups are slowed during the burst so that a
 * click acked just before the kill would still be waiting if the ack came first.
 */
import { startFakeSlack, type FakeSlack } from '../kit/fake-slack';
import { eventually, getHealth, killAll, startApp, type AppProcess } from '../support/app-process';
import { databaseUrl, describePostgres, dropSchema, eventLog, freshSchema, logDefects } from '../support/postgres';
import { seedRollouts } from '../support/scale-helpers';
import { send, stepClick, type Click } from '../support/slack-driver';

jest.setTimeout(90_000);

const UNGATED = ['release-notes', 'full-backup', 'stop-antivirus', 'check-running-setup'];

describePostgres('a replica killed with -9 during a burst', () => {
  const schema = freshSchema();
  let fake: FakeSlack;
  const apps: AppProcess[] = [];
  let clicks: Click[] = [];
  const status = new Map<Click, number>();
  const start = async () => {
    const app = await startApp({ slackApiUrl: fake.apiUrl, databaseUrl: databaseUrl(schema) });
    expect(await eventually(async () => (await getHealth(app.url)) === 200)).toBe(true);
    return app;
  };
  const recordedKeys = async () => new Set((await eventLog(schema)).map((e) => e.action_key));

  beforeAll(async () => {
    fake = await startFakeSlack();
    apps.push(await start(), await start());
    const rollouts = await seedRollouts(schema, { platform: 'slack', workspace: 'T1', channel: 'C1' }, 15);
    // Every click is someone's first confirmation of an open step: each one must land.
    clicks = rollouts.flatMap((r, i) =>
      UNGATED.map((stepId, j) =>
        stepClick(fake, { rolloutId: r.id, stepId, verb: 'confirm' }, { user: `U${1000 + i * 10 + j}`, actionTs: `1700200000.${String(i * 10 + j).padStart(6, '0')}` }),
      ),
    );
    // A busy Slack: profile lookups take a while, as they do under load.
    fake.delayMs = 300;
    const [victim, survivor] = apps;
    let victimAcks = 0;
    await Promise.all(
      clicks.map(async (click, n) => {
        await new Promise((r) => setTimeout(r, n * 15)); // a burst spread over about a second
        const target = n % 2 === 0 ? victim : survivor;
        const res = await send(target.url, click);
        status.set(click, res.status);
        if (target === victim && res.status === 200 && ++victimAcks === 8) await victim.kill9();
      }),
    );
    fake.delayMs = 0;
    // The orchestrator restarts the replica.
    apps[0] = await start();
  });
  afterAll(async () => {
    await killAll();
    await fake?.close();
    await dropSchema(schema);
  });

  it('the kill landed mid-burst: some clicks were acknowledged, the rest found no replica', () => {
    expect(apps.length).toBe(2);
    const statuses = [...status.values()];
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(8);
    expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 0)).toBe(true);
  });

  it('leaves no half-written rollout and no click recorded twice', async () => {
    expect(await logDefects(schema)).toEqual([]);
    const keys = (await eventLog(schema)).map((e) => e.action_key).filter((k) => k && !k.startsWith('seed-'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every acknowledged click is in the event log after the restart', async () => {
    const acked = clicks.filter((c) => status.get(c) === 200);
    await eventually(async () => {
      const keys = await recordedKeys();
      return acked.every((c) => keys.has(c.key));
    }, 10_000);
    const keys = await recordedKeys();
    const lost = acked.filter((c) => !keys.has(c.key));
    console.info(`kill -9: ${clicks.length} clicks, ${acked.length} acknowledged (200), ${clicks.length - acked.length} found no replica, ${lost.length} acknowledged but not recorded`);
    expect(lost.map((c) => c.key)).toEqual([]);
  });

  it('clicking again what did not land records it once; a second delivery records nothing', async () => {
    const before = await recordedKeys();
    const again = clicks.filter((c) => !before.has(c.key));
    const twice = clicks.filter((c) => before.has(c.key)).slice(0, 10);
    const statuses = await Promise.all([...again, ...twice].map(async (c, n) => (await send(apps[n % 2].url, c)).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const allLanded = async () => {
      const keys = await recordedKeys();
      return clicks.every((c) => keys.has(c.key));
    };
    expect(await eventually(allLanded, 15_000)).toBe(true);
    const confirmations = (await eventLog(schema)).filter((e) => e.type === 'confirmed');
    expect(confirmations).toHaveLength(clicks.length);
    expect(new Set(confirmations.map((e) => e.action_key))).toEqual(new Set(clicks.map((c) => c.key)));
    expect(await logDefects(schema)).toEqual([]);
  });
});
