/**
 * The database goes away under a running replica (a TCP proxy between them is cut;
 * the machine's Postgres keeps running), and Slack's Web API misbehaves. The team
 * must see: /healthz says 503 so the load balancer stops sending traffic, a click
 * gets a clear private "try again", nothing is half recorded, and once the database
 * is back the replica recovers by itself. Slack 429s and 5xx are waited out and the
 * plan card ends up showing the right state.
 */
import type { Locale } from '../../conversations/types';
import { renderCardForSlack } from '../../adapters/slack/render';
import { drawPlanCard } from '../../src/cards/plan-card';
import { startFakeSlack, type FakeSlack } from '../kit/fake-slack';
import { delivered } from '../support/delivery-probe';
import { eventually, getHealth, killAll, startApp, type AppProcess } from '../support/app-process';
import { databaseUrl, describePostgres, dropSchema, eventLog, freshSchema, logDefects, PG_URL } from '../support/postgres';
import { openSnapshot, quiet, seedRollouts } from '../support/scale-helpers';
import { answersAt, interviewAcross, planPosts, send, stepClick } from '../support/slack-driver';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

jest.setTimeout(90_000);

describePostgres('when Postgres becomes unreachable', () => {
  const schema = freshSchema();
  let fake: FakeSlack;
  let proxy: TcpProxy;
  let app: AppProcess;
  let rolloutId = '';

  beforeAll(async () => {
    fake = await startFakeSlack();
    const pg = new URL(PG_URL);
    proxy = await startTcpProxy({ host: pg.hostname, port: Number(pg.port || 5432) });
    const viaProxy = new URL(PG_URL);
    viaProxy.port = String(proxy.port);
    app = await startApp({ slackApiUrl: fake.apiUrl, databaseUrl: databaseUrl(schema, viaProxy.toString()) });
    expect(await eventually(async () => (await getHealth(app.url)) === 200)).toBe(true);
    [{ id: rolloutId }] = await seedRollouts(schema, { platform: 'slack', workspace: 'T1', channel: 'C1' }, 1);
  });
  afterAll(async () => {
    await killAll();
    await proxy?.close();
    await fake?.close();
    await dropSchema(schema);
  });

  const confirm = (stepId: string, user: string, ts: string) =>
    stepClick(fake, { rolloutId, stepId, verb: 'confirm' }, { user, actionTs: `1700300000.${ts}` });

  it('answers 503 on /healthz, tells the clicker to try again and records nothing', async () => {
    const before = await eventLog(schema);
    await proxy.cut();
    const down = await eventually(async () => (await getHealth(app.url)) === 503);
    if (!down) console.log(app.logs.slice(-30).join('\n'));
    expect(down).toBe(true);

    const click = confirm('release-notes', 'U7', '000001');
    expect((await send(app.url, click)).status).toBe(200); // Slack still gets its ack in time
    await fake.waitFor(() => answersAt(fake, click.responseId).length > 0, 20_000);
    expect(answersAt(fake, click.responseId)[0].body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/cannot reach my database.*nothing was recorded.*try again/i),
    });
    const text = JSON.stringify(answersAt(fake, click.responseId)[0].body);
    expect(text).not.toMatch(/ECONNREFUSED|Error:|at .*\.js:\d+/);
    expect(await eventLog(schema)).toEqual(before);
    expect(app.child.exitCode).toBeNull(); // still running
  });

  it('recovers by itself when the database is back: healthy, and clicks are recorded once', async () => {
    await proxy.restore();
    expect(await eventually(async () => (await getHealth(app.url)) === 200, 20_000)).toBe(true);
    // The user clicks the same button again, and someone else confirms another step.
    const again = confirm('release-notes', 'U7', '000001');
    const other = confirm('full-backup', 'U8', '000002');
    for (const c of [again, other]) expect((await send(app.url, c)).status).toBe(200);
    const landed = async () => {
      const keys = new Set((await eventLog(schema)).map((e) => e.action_key));
      return keys.has(again.key) && keys.has(other.key);
    };
    expect(await eventually(landed, 15_000)).toBe(true);
    const log = (await eventLog(schema)).filter((e) => e.rollout_id === rolloutId);
    expect(log.map((e) => [e.type, e.step_id])).toEqual([['created', null], ['confirmed', 'release-notes'], ['confirmed', 'full-backup']]);
    expect(await logDefects(schema)).toEqual([]);
  });

  it('waits out Slack 429s (Retry-After) and 5xx; the card ends up right', async () => {
    await interviewAcross(fake, [app.url], '2000 standard sp', { user: 'U9' });
    const posted = planPosts(fake).at(-1)!;
    // The seeded plans and this one are posted at Slack's pace (about one a second per channel).
    expect(await delivered(app.url, 60_000)).toBe(true);
    await quiet(fake);
    const [plan] = (await eventLog(schema)).filter((e) => e.type === 'created' && e.action_key && !e.action_key.startsWith('seed-'));
    fake.rateLimit('chat.update', 1, 2);
    fake.fail('chat.update', 503, 2);
    fake.fail('chat.postMessage', 502, 1); // a thread line answered 502 goes again: it may show twice, it is never lost
    const clicks = ['release-notes', 'full-backup', 'stop-antivirus'].map((s, i) =>
      stepClick(fake, { rolloutId: plan.rollout_id, stepId: s, verb: 'confirm' }, { user: `U2${i}`, actionTs: `1700300001.00000${i}` }),
    );
    for (const c of clicks) expect((await send(app.url, c)).status).toBe(200);
    const snapshotHas = async () => ((await openSnapshot(schema, plan.rollout_id))?.events.length ?? 0) === 4;
    expect(await eventually(snapshotHas, 15_000)).toBe(true);
    // Two 429s (1 s each) and two 503s are waited out; then the latest state is drawn.
    await fake.waitFor((calls) => calls.filter((c) => c.method === 'chat.update').length >= 5, 30_000);
    expect(await delivered(app.url, 60_000)).toBe(true);
    await quiet(fake, 1200, 30_000);
    const snapshot = (await openSnapshot(schema, plan.rollout_id))!;
    const expected = renderCardForSlack(drawPlanCard(snapshot.rollout, snapshot.events), { locale: snapshot.rollout.locale as Locale });
    const ts = snapshot.rollout.messages[0].id;
    const last = fake.calls('chat.update').filter((u) => u.body.ts === ts).at(-1)!.body;
    expect({ text: last.text, blocks: last.blocks }).toEqual(JSON.parse(JSON.stringify({ text: expected[0].text, blocks: expected[0].blocks })));
    expect(posted.body.channel).toBe('C1');
    expect(snapshot.events.filter((e) => e.type === 'confirmed')).toHaveLength(3);
  });

  it('a replica started while the database is down serves 503 until it could migrate, then 200', async () => {
    const fresh = freshSchema();
    const viaProxy = new URL(PG_URL);
    viaProxy.port = String(proxy.port);
    await proxy.cut();
    try {
      const late = await startApp({ slackApiUrl: fake.apiUrl, databaseUrl: databaseUrl(fresh, viaProxy.toString()) });
      expect(await getHealth(late.url)).toBe(503);
      await proxy.restore();
      expect(await eventually(async () => (await getHealth(late.url)) === 200, 30_000)).toBe(true);
      expect(await logDefects(fresh)).toEqual([]); // the schema exists and is empty
    } finally {
      if (!(await getHealth(app.url).then((s) => s === 200))) await proxy.restore().catch(() => undefined);
      await dropSchema(fresh);
    }
  });
});
