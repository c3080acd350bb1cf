/**
 * The campaign's closing summary in the outbox, on every Store (run by campaigns.test.ts
 * against a real SQLite file and a real Postgres): no rollout of a campaign owes a
 * closing summary of its own, neither a server nor the hub when the shared steps
 * settle; the hub's outbox row owes the campaign's one summary from the transaction that
 * completes the campaign's last server, and from no transaction before it.
 */
import type { Store } from '../../../src/store/store';
import type { Rollout } from '../../../src/rollout/model';
import { alice, channelScope } from '../rollout/fixtures';
import { finish, newCampaign } from './campaign-contract';
import type { ContractTarget } from './contract';

export function describeCampaignClosingContract(name: string, makeStore: () => Promise<ContractTarget>): void {
  describe(`${name} campaign closing contract`, () => {
    let target: ContractTarget;
    let store: Store;
    beforeEach(async () => {
      target = await makeStore();
      store = target.store;
      await store.migrate();
    });
    afterEach(async () => target.dispose());

    const closingOf = async (id: string) => (await store.getDelivery(channelScope, id))?.closing;

    it('the campaign owes one closing summary, on its hub, once its last server completes', async () => {
      const created = await store.createCampaign(newCampaign());
      const members: Rollout[] = [];
      for (const m of created.view.members) members.push((await store.getRollout(channelScope, m.rolloutId))!.rollout);
      const everyone = [created.hub.id, ...members.map((m) => m.id)];

      // The shared steps settle: the hub is complete, and owes nothing yet.
      await finish(store, created.hub);
      expect((await store.getRollout(channelScope, created.hub.id))?.rollout.status).toBe('completed');
      expect(await Promise.all(everyone.map(closingOf))).toEqual(['none', 'none', 'none', 'none']);

      // Each server completes in its wave; none of them owes a summary of its own.
      for (const member of members.slice(0, -1)) await finish(store, member);
      expect(await Promise.all(everyone.map(closingOf))).toEqual(['none', 'none', 'none', 'none']);
      expect((await store.campaignOf(channelScope, created.hub.id))?.members.map((m) => m.completed)).toEqual([true, true, false]);

      // The last server completes the campaign: in that same transaction, the hub owes the campaign's summary.
      const last = members.at(-1)!;
      const steps = last.plan.steps;
      await finish(store, { ...last, plan: { ...last.plan, steps: steps.slice(0, -1) } });
      expect(await closingOf(created.hub.id)).toBe('none');
      const completing = await store.applyAction(channelScope, last.id, { verb: 'confirm', stepId: steps.at(-1)!.id, actor: alice, actionKey: `last-${last.id}` }, new Date());
      expect(completing).toMatchObject({ outcome: 'recorded', rollout: { status: 'completed' } });
      expect(await Promise.all(everyone.map(closingOf))).toEqual(['due', 'none', 'none', 'none']);
      const hubRow = (await store.getDelivery(channelScope, created.hub.id))!;
      expect(hubRow).toMatchObject({ closing: 'due', closingSent: 0 });
      expect(hubRow.dueAt).not.toBeNull();

      // The outbox hands the hub out with its campaign complete; once delivered, it owes nothing more.
      const now = Date.now() + 60_000;
      const [claim] = await store.claimChannels('worker-close', now, 10_000, 1);
      const due = await store.dueDeliveries(claim, now, 20);
      const hubDue = due.find((d) => d.rollout.id === created.hub.id)!;
      expect(hubDue.delivery.closing).toBe('due');
      expect(hubDue.campaign?.members.every((m) => m.completed)).toBe(true);
      expect(await store.recordDelivery(claim, created.hub.id, { closingSent: 3, closed: true }, now)).toBe(true);
      expect(await closingOf(created.hub.id)).toBe('done');
      // A click again on the completed campaign changes nothing: the summary is not due again.
      const again = await store.applyAction(channelScope, last.id, { verb: 'confirm', stepId: steps[0].id, actor: alice, actionKey: `again-${last.id}` }, new Date());
      expect(again.outcome).toBe('refused');
      expect(await closingOf(created.hub.id)).toBe('done');
    });
  });
}
