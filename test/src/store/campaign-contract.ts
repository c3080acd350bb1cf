/**
 * One contract for campaigns on every Store (run by campaigns.test.ts against a real
 * SQLite file and a real Postgres): a campaign is created in one go and once; the
 * wave gate and the shared steps are decided in the store's transaction, from the
 * other servers' state; a release is the owner's, with a reason, and is recorded in
 * the server's log; the cards that show a change are marked for redrawing with it; no
 * rollout of a campaign owes a closing summary of its own, and the hub owes the
 * campaign's one from the transaction that completes its last server.
 */
import { buildCampaignPlans } from '../../../conversations/campaign/plan';
import type { CompleteAnswers } from '../../../conversations/types';
import type { NewCampaign, StoreAction } from '../../../src/campaign/model';
import type { Rollout, StepVerb, UserRef } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { alice, bob, channelScope } from '../rollout/fixtures';
import { useContractTarget, type ContractTarget } from './contract';

const NOW = new Date('2026-11-24T09:00:00.000Z');
let keys = 0;
const key = () => `campaign-click-${++keys}-${Math.random().toString(36).slice(2, 8)}`;

const EXCH1: CompleteAnswers = { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: false, terminalServices: false };
const CLUS1: CompleteAnswers = {
  version: '2000', product: 'enterprise', topology: 'active-passive', change: 'service-pack', nodeA: 'N1', nodeB: 'N2', evsA: 'MAIL1', adc: false,
};
const OLD55: CompleteAnswers = { version: '5.5', product: 'standard', topology: 'single', change: 'service-pack', mailboxManager: false, interOrgSync: false };

export function newCampaign(overrides: Partial<NewCampaign> = {}): NewCampaign {
  const plans = buildCampaignPlans([
    { server: 'EXCH1', wave: 1, answers: EXCH1 },
    { server: 'CLUS1', wave: 2, answers: CLUS1 },
    { server: 'OLD55', wave: 3, answers: OLD55 },
  ]);
  return {
    scope: channelScope,
    owner: alice,
    locale: 'en',
    hubPlan: plans.hub,
    members: plans.members,
    operators: [],
    actionKey: `post-campaign-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

const step = (verb: StepVerb, stepId: string, actor: UserRef = alice, note?: string): StoreAction => ({ verb, stepId, actor, note, actionKey: key() });

/** Confirms every step of a rollout in plan order (skipping the protective ones needs no risk here: confirm only). */
async function finish(store: Store, rollout: Rollout): Promise<void> {
  for (const s of rollout.plan.steps) {
    const result = await store.applyAction(channelScope, rollout.id, step('confirm', s.id), NOW);
    expect(result.outcome).toBe('recorded');
  }
}

export function describeCampaignContract(name: string, makeStore: () => Promise<ContractTarget>): void {
  describe(`${name} campaign contract`, () => {
    let target: ContractTarget;
    let store: Store;
    useContractTarget(makeStore, (t) => ({ store } = target = t));

    async function posted() {
      const created = await store.createCampaign(newCampaign());
      const members = await Promise.all(created.view.members.map(async (m) => (await store.getRollout(channelScope, m.rolloutId))!.rollout));
      return { ...created, members };
    }

    it('creates the hub and one rollout per server in one go, and only once for the same click', async () => {
      const input = newCampaign();
      const first = await store.createCampaign(input);
      const again = await store.createCampaign(input);
      expect(again.view.id).toBe(first.view.id);
      expect(first.view.members.map((m) => [m.position, m.server, m.wave, m.settled, m.completed])).toEqual([
        [1, 'EXCH1', 1, 0, false],
        [2, 'CLUS1', 2, 0, false],
        [3, 'OLD55', 3, 0, false],
      ]);
      // Two kinds of release notes (2000 and 5.5) and the domain controllers' backup, each once.
      expect(first.hub.plan.steps.map((s) => s.id)).toEqual(['release-notes-1', 'release-notes-2', 'dc-system-state']);
      expect(first.view.sharedWaiting).toEqual([1, 2, 3]);
      const all = await store.listRollouts(channelScope, { limit: 10 });
      expect(all).toHaveLength(4);
      expect(await store.campaignOf(channelScope, first.view.members[1].rolloutId)).toMatchObject({ id: first.view.id });
      expect(await store.campaignOf({ ...channelScope, channel: 'C-ELSEWHERE' }, first.view.id)).toBeUndefined();
      // Every rollout of it is due for its first post.
      for (const id of [first.view.id, ...first.view.members.map((m) => m.rolloutId)]) {
        expect((await store.getDelivery(channelScope, id))?.postState).toBe('pending');
      }
    });

    it('a server in wave 2 is refused until the pilot is complete, and nothing is recorded', async () => {
      const { hub, members } = await posted();
      const [pilot, clus] = members;
      const early = await store.applyAction(channelScope, clus.id, step('confirm', 'full-backup'), NOW);
      expect(early.outcome).toBe('refused');
      if (early.outcome !== 'refused') return;
      expect(early.reason).toMatchObject({ key: 'campaign.refused.waitsForWave', params: { server: 'CLUS1', wave: 2, previous: 1, servers: 'EXCH1' } });
      expect((await store.getRollout(channelScope, clus.id))?.events).toHaveLength(1);

      // The pilot prepares, but installs only once the shared steps are settled.
      expect((await store.applyAction(channelScope, pilot.id, step('confirm', 'full-backup'), NOW)).outcome).toBe('recorded');
      for (const s of pilot.plan.steps.filter((s) => s.phase === 'before' && s.id !== 'full-backup')) {
        expect((await store.applyAction(channelScope, pilot.id, step('confirm', s.id), NOW)).outcome).toBe('recorded');
      }
      const install = pilot.plan.steps.find((s) => s.phase === 'apply')!;
      const waiting = await store.applyAction(channelScope, pilot.id, step('confirm', install.id), NOW);
      expect(waiting).toMatchObject({ outcome: 'refused', reason: { key: 'campaign.refused.waitsForShared', params: { steps: '1–3' } } });
      await finish(store, hub);
      expect((await store.campaignOf(channelScope, hub.id))?.sharedWaiting).toEqual([]);
      await finish(store, { ...pilot, plan: { ...pilot.plan, steps: pilot.plan.steps.filter((s) => s.phase !== 'before') } });

      const view = await store.campaignOf(channelScope, hub.id);
      expect(view?.members[0]).toMatchObject({ server: 'EXCH1', completed: true });
      // Wave 2 may start now; wave 3 still waits for it.
      expect((await store.applyAction(channelScope, clus.id, step('confirm', 'full-backup'), NOW)).outcome).toBe('recorded');
      expect(await store.applyAction(channelScope, members[2].id, step('skip', 'full-backup', alice, 'done'), NOW)).toMatchObject({
        outcome: 'refused',
        reason: { key: 'campaign.refused.waitsForWave', params: { server: 'OLD55', previous: 2, servers: 'CLUS1' } },
      });
      // A problem may be reported at any time.
      expect((await store.applyAction(channelScope, members[2].id, step('problem', 'full-backup', bob, 'tape drive offline'), NOW)).outcome).toBe('recorded');
    });

    it('only the owner releases a waiting server, with a reason; the release is in its log and opens its gate', async () => {
      const { members } = await posted();
      const clus = members[1];
      const release = (actor: UserRef, note?: string): StoreAction => ({ verb: 'release', actor, note, actionKey: key() });
      expect(await store.applyAction(channelScope, clus.id, release(bob, 'looks fine'), NOW)).toMatchObject({
        outcome: 'refused',
        reason: { key: 'campaign.refused.releaseOwnerOnly', params: { owner: 'Alice', server: 'CLUS1' } },
      });
      expect(await store.applyAction(channelScope, clus.id, release(alice, '  '), NOW)).toMatchObject({
        outcome: 'refused',
        reason: { key: 'campaign.refused.releaseReason' },
      });
      expect(await store.applyAction(channelScope, members[0].id, release(alice, 'why not'), NOW)).toMatchObject({
        outcome: 'refused',
        reason: { key: 'campaign.refused.releaseNotNeeded', params: { server: 'EXCH1', wave: 1 } },
      });
      const released = await store.applyAction(channelScope, clus.id, release(alice, 'change window tonight, pilot ran clean'), NOW);
      expect(released.outcome).toBe('recorded');
      const log = (await store.getRollout(channelScope, clus.id))!.events;
      expect(log.at(-1)).toMatchObject({ type: 'released', actor: alice, note: 'change window tonight, pilot ran clean' });
      expect(released.campaign?.members[1].released).toMatchObject({ by: alice, note: 'change window tonight, pilot ran clean' });
      expect((await store.applyAction(channelScope, clus.id, release(alice, 'again'), NOW)).outcome).toBe('refused');
      expect((await store.applyAction(channelScope, clus.id, step('confirm', 'full-backup'), NOW)).outcome).toBe('recorded');
      // The wave after it still waits: CLUS1 is released, not complete.
      expect((await store.applyAction(channelScope, members[2].id, step('confirm', 'full-backup'), NOW)).outcome).toBe('refused');
    });

    it('a shared step can be undone until every shared step is settled; then no server can lose it', async () => {
      const { hub, members } = await posted();
      const pilot = members[0];
      const [notes2000, notes55, dc] = hub.plan.steps;
      for (const s of [notes2000, dc]) expect((await store.applyAction(channelScope, hub.id, step('confirm', s.id), NOW)).outcome).toBe('recorded');
      expect((await store.applyAction(channelScope, hub.id, step('undo', dc.id), NOW)).outcome).toBe('recorded');
      expect((await store.campaignOf(channelScope, hub.id))?.sharedWaiting).toEqual([2, 3]);
      expect((await store.applyAction(channelScope, hub.id, step('confirm', dc.id), NOW)).outcome).toBe('recorded');
      expect((await store.applyAction(channelScope, hub.id, step('skip', notes55.id, alice, 'no 5.5 update this time'), NOW)).outcome).toBe('recorded');
      for (const s of pilot.plan.steps.filter((s) => s.phase !== 'after')) {
        expect((await store.applyAction(channelScope, pilot.id, step('confirm', s.id), NOW)).outcome).toBe('recorded');
      }
      // Every shared step settled: the hub is complete, and the steps the pilot installed on stay as they are.
      expect(await store.applyAction(channelScope, hub.id, step('undo', dc.id), NOW)).toMatchObject({
        outcome: 'refused',
        reason: { key: 'rollout.refused.finished' },
      });
    });

    it('a change on a server marks the campaign card for redrawing, in the same transaction', async () => {
      const { view, members } = await posted();
      const before = (await store.getDelivery(channelScope, view.id))!;
      expect(before.redraws).toBe(0);
      const result = await store.applyAction(channelScope, members[0].id, step('confirm', 'full-backup'), NOW);
      expect(result.campaign?.members[0].settled).toBe(1);
      const after = (await store.getDelivery(channelScope, view.id))!;
      expect(after.redraws).toBe(1);
      expect(after.dueAt).not.toBeNull();
      // A refused click changes nothing, and marks nothing.
      await store.applyAction(channelScope, members[1].id, step('confirm', 'full-backup'), NOW);
      expect((await store.getDelivery(channelScope, view.id))!.redraws).toBe(1);
    });

    it('the outbox hands out each rollout with its campaign, and a redraw takes off only what it drew', async () => {
      const { view, members } = await posted();
      const now = Date.now() + 1000;
      const [claim] = await store.claimChannels('worker-1', now, 10_000, 1);
      const due = await store.dueDeliveries(claim, now, 20);
      expect(due.map((d) => d.campaign?.id)).toEqual([view.id, view.id, view.id, view.id]);
      expect(due.find((d) => d.rollout.id === view.id)?.campaign?.hubMessages).toEqual([]);
      // The campaign card is posted: its servers now see where their thread is.
      await store.recordDelivery(claim, view.id, { messages: [{ id: 'hub-1' }], shownVersion: 1, linesSent: 1, postState: 'posted' }, now);
      expect((await store.campaignOf(channelScope, members[0].id))?.hubMessages).toEqual([{ id: 'hub-1' }]);
      // Two changes on a server; a round that drew one of them leaves the other due.
      await store.applyAction(channelScope, members[0].id, step('confirm', 'full-backup'), NOW);
      await store.applyAction(channelScope, members[0].id, step('confirm', 'stop-antivirus'), NOW);
      expect((await store.getDelivery(channelScope, view.id))?.redraws).toBe(2);
      await store.recordDelivery(claim, view.id, { redrawn: 1 }, now);
      const hub = (await store.getDelivery(channelScope, view.id))!;
      expect(hub.redraws).toBe(1);
      expect(hub.dueAt).not.toBeNull();
      await store.recordDelivery(claim, view.id, { redrawn: 1 }, now);
      expect((await store.getDelivery(channelScope, view.id))).toMatchObject({ redraws: 0, dueAt: null });
    });

    it('clicks on every server at once, from two stores, keep each projection equal to its log', async () => {
      const { hub, members } = await posted();
      const other = target.openAnother?.() ?? store;
      if (other !== store) await other.migrate();
      const prep = members.flatMap((m) => m.plan.steps.filter((s) => s.phase === 'before').map((s) => ({ rollout: m, id: s.id })));
      const results = await Promise.all(
        prep.map(({ rollout, id }, i) => (i % 2 ? other : store).applyAction(channelScope, rollout.id, step('confirm', id), NOW)),
      );
      const pilotSteps = prep.filter((p) => p.rollout.id === members[0].id).length;
      expect(results.filter((r) => r.outcome === 'recorded')).toHaveLength(pilotSteps);
      const view = (await store.campaignOf(channelScope, hub.id))!;
      for (const member of view.members) {
        const { events } = (await store.getRollout(channelScope, member.rolloutId))!;
        expect(member.settled).toBe(events.filter((e) => e.type === 'confirmed').length);
      }
    });

    const closingOf = async (id: string) => (await store.getDelivery(channelScope, id))?.closing;

    it('the campaign owes one closing summary, on its hub, once its last server completes', async () => {
      const created = await posted();
      const { members } = created;
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
      const completing = await store.applyAction(channelScope, last.id, { verb: 'confirm', stepId: steps.at(-1)!.id, actor: alice, actionKey: `last-${last.id}` }, NOW);
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
      const again = await store.applyAction(channelScope, last.id, { verb: 'confirm', stepId: steps[0].id, actor: alice, actionKey: `again-${last.id}` }, NOW);
      expect(again.outcome).toBe('refused');
      expect(await closingOf(created.hub.id)).toBe('done');
    });
  });
}
