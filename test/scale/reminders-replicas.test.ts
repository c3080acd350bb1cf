/**
 * Reminders and stakeholder lines are scheduled work in the store, run by whichever
 * delivery worker holds the channel (issue 12): with two replicas on one Postgres, each
 * with its own pool, publisher and Slack delivery, on one clock the test moves, every
 * reminder reaches the thread exactly once and every stakeholder line the change board
 * exactly once; a replica restarting in between sends nothing twice and what fell due
 * while it was down goes out once.
 */
import { buildPlan } from '../../conversations/plan';
import type { CompleteAnswers } from '../../conversations/types';
import type { Scope, UserRef } from '../../src/rollout/model';
import type { Store } from '../../src/store/store';
import type { FakeSlack } from '../kit/fake-slack';
import { describePostgres } from '../support/postgres';
import { useSlackReplicas } from '../support/slack-replicas';
import { createTestClock } from '../support/test-clock';

const answers: CompleteAnswers = { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: false, terminalServices: false };
const scope: Scope = { platform: 'slack', workspace: 'T1', channel: 'C-OPS' };
const alice: UserRef = { id: 'U1', name: 'Alice Admin' };
const bob: UserRef = { id: 'U2', name: 'Bob Builder' };

describePostgres('reminders over two replicas and a restart (Postgres)', () => {
  const clock = createTestClock('2030-11-24T20:00:00.000Z');
  const replicas = useSlackReplicas(clock);
  const replica = replicas.start;
  const settled = replicas.settled;
  let fake: FakeSlack;
  beforeAll(() => {
    fake = replicas.fake();
  });

  it('each reminder and each stakeholder line goes out once', async () => {
    let a = await replica();
    const b = await replica();
    const { rollout } = await a.store.createRollout({
      scope, owner: alice, locale: 'en', answers, plan: buildPlan(answers), operators: [], actionKey: 'post', address: { teamId: 'T1', userId: 'U1' },
      timeZone: 'Europe/Amsterdam',
    });
    await settled();
    const act = async (store: Store, action: Parameters<Store['applyAction']>[2]) => {
      const result = await store.applyAction(scope, rollout.id, action, clock.date());
      expect(result.outcome).toBe('recorded');
    };
    // Clicks land on either replica, as a load balancer spreads them.
    await act(a.store, { verb: 'notify', channel: { id: 'CBOARD1', name: 'change-board' }, actor: alice, actionKey: 'k1' });
    for (const [i, stepId] of ['release-notes', 'stop-antivirus', 'check-running-setup'].entries()) {
      await act(i % 2 ? a.store : b.store, { verb: 'confirm', stepId, actor: alice, actionKey: `c${i}` });
    }
    await act(b.store, { verb: 'skip', stepId: 'full-backup', actor: alice, note: 'ran at 20:00', riskAccepted: true, actionKey: 'k2' });
    await act(a.store, { verb: 'start', stepId: 'apply-update', actor: bob, actionKey: 'k3' });
    await settled();
    const root = fake.shown('C-OPS')[0];
    const lines = () => fake.thread('C-OPS', root.ts).map((m) => m.text);
    const count = (part: string) => lines().filter((t) => t.includes(part)).length;

    // 46 minutes on: both workers look; the in-progress reminder goes out once.
    clock.advanceMinutes(46);
    await settled();
    expect(count('<@U2>: step 5, Install the service pack, has been in progress for 46 min')).toBe(1);
    clock.advanceMinutes(5);
    await settled();
    expect(count('has been in progress')).toBe(1);

    // A problem; replica A stops before it is followed up, and 31 minutes pass.
    await act(b.store, { verb: 'problem', stepId: 'apply-update', actor: bob, note: 'setup wants a reboot', actionKey: 'k4' });
    await settled();
    await replicas.stop(a);
    clock.advanceMinutes(31);
    a = await replica();
    await settled();
    expect(count('the problem with step 5, Install the service pack, was reported 31 min ago')).toBe(1);
    expect(count('has been in progress')).toBe(1);

    // Done: the change board heard three lines, each once, and the log holds each reminder once.
    await act(a.store, { verb: 'confirm', stepId: 'apply-update', actor: bob, actionKey: 'k5' });
    await act(b.store, { verb: 'confirm', stepId: 'full-backup-after', actor: alice, actionKey: 'k6' });
    await settled();
    expect(fake.shown('CBOARD1').map((m) => m.text.replace(/^Rollout \S+, Service pack rollout plan for Exchange 2000: /, ''))).toEqual([
      'under way (Alice Admin, 21:00 CET).',
      'problem at step 5 reported by Bob Builder: setup wants a reboot',
      expect.stringMatching(/^complete at 22:22 CET, 5 step\(s\) done and 1 skipped, 1 h 22 min in all\.$/),
    ]);
    expect(count('Closing summary of')).toBe(1);
    expect(fake.files().filter((f) => f.threadTs === root.ts)).toHaveLength(1);
    const { events } = (await b.store.getRollout(scope, rollout.id))!;
    expect(events.filter((e) => e.type === 'reminded').map((e) => e.reminder?.kind)).toEqual(['in-progress', 'problem']);
  }, 60_000);
});
