/**
 * A campaign's closing summary goes out exactly once, whoever delivers it: two replicas
 * on one Postgres, each with its own pool, publisher and Slack delivery, on one clock
 * the test moves. Nothing is summed up while any server is still open; the action that
 * completes the last server makes the summary due; the summary reaches the campaign
 * card's thread, its export fails, and both replicas go down (a restart of the whole
 * service). A new replica then uploads the export once and does not post the summary
 * again.
 */
import type { Scope, UserRef } from '../../src/rollout/model';
import type { FakeSlack } from '../kit/fake-slack';
import { newCampaign } from '../src/store/campaign-contract';
import { eventually } from '../support/app-process';
import { runCampaign } from '../support/campaign-run';
import { describePostgres } from '../support/postgres';
import { useSlackReplicas } from '../support/slack-replicas';
import { createTestClock } from '../support/test-clock';

const scope: Scope = { platform: 'slack', workspace: 'T-ACME', channel: 'C-OPS' };
const alice: UserRef = { id: 'U-ALICE', name: 'Alice' };
const bob: UserRef = { id: 'U-BOB', name: 'Bob' };

describePostgres('a campaign’s closing summary over two replicas and a restart (Postgres)', () => {
  const clock = createTestClock('2030-11-24T20:00:00.000Z');
  const replicas = useSlackReplicas(clock);
  let fake: FakeSlack;
  beforeAll(() => {
    fake = replicas.fake();
  });

  it('one summary and one export of the whole campaign, across replicas and a restart', async () => {
    const a = await replicas.start();
    const b = await replicas.start();
    const created = await a.store.createCampaign(newCampaign({ scope, address: { teamId: 'T-ACME', userId: alice.id }, timeZone: 'Europe/Amsterdam' }));
    await replicas.settled();
    const [card] = fake.shown('C-OPS');
    const texts = () => fake.thread('C-OPS', card.ts).filter((m) => m.blocks.length === 0).map((m) => m.text);
    const summaries = () => texts().filter((t) => t.startsWith('Closing summary of')).length;

    // Every server but the last step of the last one: nothing is summed up yet, by either replica.
    const { last, lastStep } = await runCampaign(b.store, scope, created.view.id, clock, { owner: alice, member: bob, leaveLastStep: true, settle: replicas.settled });
    expect(summaries()).toBe(0);
    expect(fake.files()).toEqual([]);

    // The last step completes the campaign; the summary goes out, the export's upload fails.
    fake.errors.set('files.getUploadURLExternal', 'internal_error');
    const uploads = () => fake.calls('files.getUploadURLExternal').length;
    const result = await a.store.applyAction(scope, last.id, { verb: 'skip', stepId: lastStep, actor: alice, note: 'no tape left', riskAccepted: true, actionKey: 'last' }, clock.date());
    expect(result.outcome).toBe('recorded');
    expect(await eventually(() => summaries() === 1 && uploads() > 0)).toBe(true);

    // Both replicas go down; the service comes back with one.
    await replicas.stop(a);
    await replicas.stop(b);
    fake.errors.delete('files.getUploadURLExternal');
    clock.advanceMinutes(10);
    const c = await replicas.start();
    await replicas.settled();

    expect(summaries()).toBe(1);
    expect(texts().at(-1)).toMatch(/^Closing summary of campaign #1: /);
    const files = fake.files();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ channel: 'C-OPS', threadTs: card.ts, comment: expect.stringMatching(/^The full record of campaign #1: the shared steps and 3 servers, \d+ events\.$/) });
    expect((await c.store.getDelivery(scope, created.view.id))?.closing).toBe('done');
    for (const m of created.view.members) expect((await c.store.getDelivery(scope, m.rolloutId))?.closing).toBe('none');
  }, 90_000);
});
