/**
 * Two replicas on one Postgres deliver what the channels see, in order and within
 * Slack's limits. Real processes of the built app, a fake Slack Web API as strict as
 * Slack that adds network jitter, rate-limits posts per channel and answers 429 to
 * chat.update:
 * - once everything is delivered, the last card each channel shows is the drawing of
 *   the shared log, and its thread holds one line per event, in log order: an older
 *   drawing never lands after a newer one, whichever replica drew it;
 * - a storm of 429s loses nothing, every Retry-After is waited out, and no channel
 *   ever gets more posts than Slack allows.
 */
import type { Locale } from '../../conversations/types';
import { renderCardForSlack } from '../../adapters/slack/render';
import { threadNoteFor } from '../../src/cards/notes';
import { drawPlanCard } from '../../src/cards/plan-card';
import type { Rollout } from '../../src/rollout/model';
import { startFakeSlack, type FakeCall, type FakeSlack } from '../kit/fake-slack';
import { eventually, getHealth, killAll, startApp, type AppProcess } from '../support/app-process';
import { delivered } from '../support/delivery-probe';
import { databaseUrl, describePostgres, dropSchema, freshSchema } from '../support/postgres';
import { openSnapshot, quiet, seedRollouts } from '../support/scale-helpers';
import { send, stepClick } from '../support/slack-driver';

jest.setTimeout(120_000);

const UNGATED = ['release-notes', 'full-backup', 'stop-antivirus', 'check-running-setup'];

/** The channel shows the drawing of the shared log, and its thread one line per event in order. */
async function expectChannelShowsLog(fake: FakeSlack, schema: string, rollout: Rollout): Promise<void> {
  const snapshot = (await openSnapshot(schema, rollout.id))!;
  // Every click of the burst landed (each is someone's first confirmation of an open step).
  expect(snapshot.events.filter((e) => e.type === 'confirmed')).toHaveLength(UNGATED.length);
  const channel = snapshot.rollout.scope.channel;
  const drawn = renderCardForSlack(drawPlanCard(snapshot.rollout, snapshot.events), { locale: snapshot.rollout.locale as Locale });
  const refs = snapshot.rollout.messages.map((m) => m.id);
  const shown = fake.shown(channel).filter((m) => refs.includes(m.ts));
  expect(shown.map((m) => JSON.parse(JSON.stringify({ text: m.text, blocks: m.blocks })))).toEqual(
    drawn.map((m) => JSON.parse(JSON.stringify({ text: m.text, blocks: m.blocks }))),
  );
  const lines = fake.thread(channel, refs[0]).flatMap((m) => m.text.split('\n'));
  expect(lines).toEqual(snapshot.events.map((e) => threadNoteFor(snapshot.rollout, e, snapshot.events)).filter(Boolean));
}

/** Clicks from twelve people on the ungated steps of each rollout, spread over the replicas. */
async function burst(fake: FakeSlack, apps: AppProcess[], rollouts: Rollout[], tag: string): Promise<void> {
  const sends = rollouts.flatMap((r, i) =>
    UNGATED.map((stepId, j) => {
      const click = stepClick(fake, { rolloutId: r.id, stepId, verb: 'confirm' }, {
        user: `U${500 + i * 10 + j}`,
        channel: r.scope.channel,
        actionTs: `17005${tag}.${String(i * 10 + j).padStart(6, '0')}`,
      });
      return send(apps[(i + j) % apps.length].url, click);
    }),
  );
  expect((await Promise.all(sends)).map((r) => r.status)).toEqual(sends.map(() => 200));
}

describePostgres('delivery from two replicas on one Postgres', () => {
  const schema = freshSchema();
  let fake: FakeSlack;
  let apps: AppProcess[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    apps = await Promise.all([0, 1].map(() => startApp({ slackApiUrl: fake.apiUrl, databaseUrl: databaseUrl(schema) })));
    // Both migrate the shared schema at start (once, under a lock).
    expect(await eventually(async () => (await Promise.all(apps.map((a) => getHealth(a.url)))).every((s) => s === 200))).toBe(true);
  });
  afterAll(async () => {
    await killAll();
    await fake?.close();
    await dropSchema(schema);
  });

  it('with jitter and a 429 on chat.update, every channel ends showing its log, lines in order, none twice', async () => {
    const rollouts = [
      ...(await seedRollouts(schema, { platform: 'slack', workspace: 'T1', channel: 'C-A' }, 2)),
      ...(await seedRollouts(schema, { platform: 'slack', workspace: 'T1', channel: 'C-B' }, 1)),
    ];
    expect(await delivered(apps[0].url)).toBe(true);
    fake.jitterMs = 250;
    fake.rateLimit('chat.update', 2, 1);
    await burst(fake, apps, rollouts, '01');
    expect(await delivered(apps[0].url, 60_000)).toBe(true);
    await quiet(fake);
    for (const rollout of rollouts) await expectChannelShowsLog(fake, schema, rollout);
    expect(fake.calls('chat.update').filter((c) => c.answeredAt !== undefined).length).toBeGreaterThan(0);
    fake.jitterMs = 0;
  });

  it('a storm of 429s loses nothing, waits out every Retry-After, and keeps each channel within Slack\'s pace', async () => {
    const rollouts = await seedRollouts(schema, { platform: 'slack', workspace: 'T1', channel: 'C-STORM' }, 3);
    expect(await delivered(apps[0].url, 30_000)).toBe(true);
    // Slack: about one message a second per channel, short bursts allowed (here: 3 in any second).
    fake.postsPerSecond = 3;
    fake.rateLimit('chat.update', 1, 6);
    const since = Date.now();
    await burst(fake, apps, rollouts, '02');
    expect(await delivered(apps[0].url, 90_000)).toBe(true);
    await quiet(fake);
    for (const rollout of rollouts) await expectChannelShowsLog(fake, schema, rollout);

    const storm = fake.calls().filter((c) => c.receivedAt >= since && c.body.channel === 'C-STORM');
    const posts = storm.filter((c) => c.method === 'chat.postMessage');
    // The bot kept the pace itself: Slack never had to refuse a post.
    expect(posts.filter(rateLimited)).toEqual([]);
    // After each 429 on chat.update, nothing went to that channel until Retry-After (1 s) passed.
    const refusedUpdates = storm.filter((c) => c.method === 'chat.update' && rateLimited(c));
    expect(refusedUpdates.length).toBeGreaterThan(0);
    for (const refused of refusedUpdates) {
      const next = storm.find((c) => c.receivedAt > refused.answeredAt! && c !== refused);
      if (next) expect(next.receivedAt - refused.answeredAt!).toBeGreaterThanOrEqual(950);
    }
    fake.postsPerSecond = undefined;
  });
});

/** A call the fake answered with 429 (it records the answer's status). */
function rateLimited(call: FakeCall): boolean {
  return call.status === 429;
}
