/**
 * Two real app processes (node .test-dist/src/main.js) on loopback sharing one
 * Postgres schema, both talking to one fake Slack Web API. An interview started on
 * one replica continues on the other; a burst of step clicks from many people, spread
 * over both replicas and partly delivered to both, leaves every accepted click
 * recorded exactly once in one gapless order, every other click answered privately,
 * and both replicas draw the same card.
 */
import type { Locale } from '../../conversations/types';
import { renderCardForSlack } from '../../adapters/slack/render';
import { threadNoteFor } from '../../src/cards/notes';
import { drawPlanCard } from '../../src/cards/plan-card';
import type { RolloutSnapshot } from '../../src/rollout/model';
import { startFakeSlack, type FakeSlack } from '../kit/fake-slack';
import { postSlack } from '../kit/slack-requests';
import { eventually, getHealth, killAll, startApp, type AppProcess } from '../support/app-process';
import { delivered } from '../support/delivery-probe';
import { databaseUrl, describePostgres, dropSchema, eventLog, freshSchema, logDefects, withClient } from '../support/postgres';
import { answersAt, interviewAcross, planPosts, send, stepClick, type Click } from '../support/slack-driver';
import { createRollouts, openSnapshot, quiet, seeded } from '../support/scale-helpers';

jest.setTimeout(90_000);

describePostgres('two replicas on one Postgres', () => {
  const schema = freshSchema();
  let fake: FakeSlack;
  let apps: AppProcess[] = [];
  let rolloutId = '';
  const clicks: Click[] = [];
  const recordedClicks: Click[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    // Both start at once on an empty schema: the migration runs once, under its lock.
    apps = await Promise.all([0, 1].map(() => startApp({ slackApiUrl: fake.apiUrl, databaseUrl: databaseUrl(schema) })));
  });
  afterAll(async () => {
    await killAll();
    await fake?.close();
    await dropSchema(schema);
  });

  it('both replicas report healthy once the shared schema is migrated', async () => {
    expect(await eventually(async () => (await Promise.all(apps.map((a) => getHealth(a.url)))).every((s) => s === 200))).toBe(true);
  });

  it('an interview started on replica 1 continues on replica 2 and posts one plan', async () => {
    const turns = await interviewAcross(fake, apps.map((a) => a.url), '2000 standard sp');
    expect(turns).toContain(1); // replica 2 answered at least one turn of replica 1's interview
    expect(planPosts(fake)).toHaveLength(1);
    const rows = await withClient((c) => c.query<{ id: string }>(`SELECT id FROM "${schema}".rollouts`));
    expect(rows.rows).toHaveLength(1);
    rolloutId = rows.rows[0].id;
  });

  it('a burst of clicks over both replicas records each accepted click once, in one gapless order', async () => {
    const { rollout } = (await openSnapshot(schema, rolloutId))!;
    // More open plans in the same channel, so more clicks land (a plan has few open steps).
    const others = await createRollouts(schema, rollout, 5);
    const targets = [rolloutId, ...others];
    const steps = rollout.plan.steps.map((s) => s.id);
    const random = seeded(42);
    const both: Click[] = [];
    const sends: Promise<{ status: number }>[] = [];
    for (let user = 1; user <= 12; user++) {
      for (let n = 0; n < 6; n++) {
        const click = stepClick(
          fake,
          {
            rolloutId: targets[Math.floor(random() * targets.length)],
            stepId: steps[Math.floor(random() * steps.length)],
            verb: random() < 0.75 ? 'confirm' : 'undo',
          },
          { user: `U${100 + user}`, actionTs: `1700100000.${String(user * 100 + n).padStart(6, '0')}` },
        );
        clicks.push(click);
        // A third of the clicks reach both replicas (a retry, a double delivery).
        if (random() < 0.33) {
          both.push(click);
          sends.push(send(apps[0].url, click), send(apps[1].url, click));
        } else sends.push(send(apps[Math.floor(random() * 2)].url, click));
      }
    }
    const statuses = (await Promise.all(sends)).map((r) => r.status);
    expect(statuses.every((s) => s === 200)).toBe(true);

    const recordedKeys = async () => new Set((await eventLog(schema)).map((e) => e.action_key));
    // Each click ends recorded, or answered privately (refused: a gate, someone else's undo...).
    const settled = await eventually(async () => {
      const keys = await recordedKeys();
      return clicks.every((c) => keys.has(c.key) || answersAt(fake, c.responseId).length > 0);
    }, 30_000);
    expect(settled).toBe(true);
    // Delivery is paced within Slack's limits: wait until the outbox is empty, not for a quiet second.
    expect(await delivered(apps[0].url, 60_000)).toBe(true);
    await quiet(fake);

    expect(await logDefects(schema)).toEqual([]);
    const log = await eventLog(schema);
    const byKey = new Map<string, number[]>();
    for (const e of log) if (e.action_key) byKey.set(e.action_key, [...(byKey.get(e.action_key) ?? []), e.seq]);
    const recorded = clicks.filter((c) => byKey.has(c.key));
    recordedClicks.push(...recorded.filter((c) => c.body.includes(rolloutId)));
    for (const c of recorded) {
      // One action's events sit together in the log: the click was applied once.
      const seqs = byKey.get(c.key)!;
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
      // A click that reached one replica is either recorded or refused, never both.
      if (!both.includes(c)) expect(answersAt(fake, c.responseId)).toEqual([]);
    }
    // Nothing recorded that nobody clicked (besides the interview's 'created').
    expect(log.filter((e) => e.type !== 'created' && e.type !== 'completed').every((e) => clicks.some((c) => c.key === e.action_key))).toBe(true);
    expect(recordedClicks.length).toBeGreaterThan(0);
    expect(recorded.length).toBeGreaterThan(20);
    console.info(`replicas burst: ${clicks.length} clicks (${both.length} to both replicas), ${recorded.length} recorded, ${log.length} events`);

    // The posted plan's thread shows one line per recorded event, in log order, none for a second delivery.
    const snapshot = (await openSnapshot(schema, rolloutId))!;
    const expectedNotes = snapshot.events.map((e) => threadNoteFor(snapshot.rollout, e)).filter(Boolean);
    const channel = snapshot.rollout.scope.channel;
    const shownLines = fake.thread(channel, snapshot.rollout.messages[0].id).flatMap((m) => m.text.split('\n'));
    expect(shownLines).toEqual(expectedNotes);
  });

  it('the channel shows the card the shared log describes, and a re-delivered click changes nothing', async () => {
    const snapshot = (await openSnapshot(schema, rolloutId))!;
    const expected = expectedMessages(snapshot);
    const channel = snapshot.rollout.scope.channel;
    const refs = snapshot.rollout.messages.map((m) => m.id);
    expect(refs).toHaveLength(expected.length);
    const shown = () => fake.shown(channel).filter((m) => refs.includes(m.ts)).map((m) => JSON.parse(JSON.stringify({ text: m.text, blocks: m.blocks })));
    expect(shown()).toEqual(expected);
    for (const app of apps) {
      // Re-delivering a recorded click is a duplicate: nothing is recorded, nothing needs redrawing.
      const res = await postSlack(app.url, recordedClicks[0].body);
      expect(res.status).toBe(200);
      await quiet(fake);
      expect(shown()).toEqual(expected);
    }
    expect((await openSnapshot(schema, rolloutId))!.events).toHaveLength(snapshot.events.length);
  });
});

function expectedMessages(snapshot: RolloutSnapshot): { text: string; blocks: unknown }[] {
  const messages = renderCardForSlack(drawPlanCard(snapshot.rollout, snapshot.events), { locale: snapshot.rollout.locale as Locale });
  // Round-trip through JSON as the fake Slack saw it on the wire.
  return messages.map((m) => JSON.parse(JSON.stringify({ text: m.text, blocks: m.blocks })) as { text: string; blocks: unknown });
}
