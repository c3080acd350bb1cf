/**
 * The delivery outbox's contract, for every Store: what the channel will be shown is
 * recorded with the action that caused it, and handed to exactly one worker at a time.
 * Run by sqlite.test.ts and postgres.test.ts against a real database each.
 */
import type { Store } from '../../../src/store/store';
import { channelKey, type ChannelClaim } from '../../../src/store/delivery-model';
import { alice, bob, channelScope, newRollout } from '../rollout/fixtures';
import type { ContractTarget } from './contract';
import { stepAction, useContractTarget } from './contract';

const T0 = Date.parse('2026-11-24T09:00:00.000Z');
const LEASE = 30_000;

export function describeDeliveryContract(name: string, makeStore: () => Promise<ContractTarget>): void {
  describe(`${name} delivery outbox`, () => {
    let target: ContractTarget;
    let store: Store;
    useContractTarget(makeStore, (t) => ({ store } = target = t));

    /** Claims the test channel as `worker` at `now`; the claim or undefined. */
    const claim = async (worker: string, now: number, on: Store = store): Promise<ChannelClaim | undefined> =>
      (await on.claimChannels(worker, now, LEASE, 10)).find((c) => c.scope.channel === channelScope.channel);

    it('a new rollout is due for its first post at once, with where to post it', async () => {
      const { rollout } = await store.createRollout(newRollout({ address: { thread: 'T-1' } }));
      const now = Date.now();
      const c = await claim('w1', now + 1000);
      expect(c).toMatchObject({ scope: channelScope, worker: 'w1' });
      const [due] = await store.dueDeliveries(c!, now + 1000, 10);
      expect(due.rollout.id).toBe(rollout.id);
      expect(due.events.map((e) => e.type)).toEqual(['created']);
      expect(due.delivery).toMatchObject({ postState: 'pending', wantedVersion: 1, shownVersion: 0, linesSent: 0, address: { thread: 'T-1' } });
      expect(await store.deliveryBacklog()).toMatchObject({ pending: 1 });
    });

    it('a recorded click records its delivery in the same transaction; duplicates and refusals record none', async () => {
      const { rollout } = await store.createRollout(newRollout());
      const c = (await claim('w1', Date.now() + 1000))!;
      await store.recordDelivery(c, rollout.id, { postState: 'posted', shownVersion: 1, linesSent: 1, noticesSent: 1, messages: [{ id: 'ts-1' }] }, T0);
      await store.releaseChannel(c, 0);
      expect(await store.getDelivery(channelScope, rollout.id)).toMatchObject({ dueAt: null, postState: 'posted' });
      expect((await store.getRollout(channelScope, rollout.id))?.rollout.messages).toEqual([{ id: 'ts-1' }]);

      const click = stepAction('confirm', 'full-backup', bob);
      await store.applyAction(channelScope, rollout.id, click, new Date(T0));
      await store.applyAction(channelScope, rollout.id, click, new Date(T0 + 10));
      await store.applyAction(channelScope, rollout.id, stepAction('confirm', 'apply-node-a', bob), new Date(T0 + 20));
      const d = await store.getDelivery(channelScope, rollout.id);
      // Due a moment after the click (a burst shares one redraw), and wanting version 2 only.
      expect(d).toMatchObject({ wantedVersion: 2, shownVersion: 1, linesSent: 1 });
      expect(d!.dueAt).toBeGreaterThanOrEqual(T0);
      expect(d!.dueAt).toBeLessThan(T0 + 5000);
    });

    it('one channel goes to one worker at a time; another worker gets it when the lease runs out', async () => {
      const stores = [store, target.openAnother ? target.openAnother() : store];
      await stores[0].createRollout(newRollout());
      const now = Date.now() + 1000;
      const [a, b] = await Promise.all([claim('w1', now, stores[0]), claim('w2', now, stores[1])]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      const held = (a ?? b)!;
      expect(await claim('w3', now + LEASE - 1)).toBeUndefined();
      // w1 (or w2) died: its lease runs out and w3 takes over; the old claim no longer writes.
      const taken = (await claim('w3', now + LEASE + 1))!;
      expect(taken.token).toBeGreaterThan(held.token);
      const id = (await store.dueDeliveries(taken, now + LEASE + 1, 10))[0].rollout.id;
      expect(await store.recordDelivery(held, id, { postState: 'posted', shownVersion: 1 }, now)).toBe(false);
      expect(await store.renewChannel(held, now, LEASE)).toBe(false);
      expect(await store.getDelivery(channelScope, id)).toMatchObject({ postState: 'pending' });
      expect(await store.recordDelivery(taken, id, { postState: 'posted', shownVersion: 1, linesSent: 1 }, now)).toBe(true);
      expect(await store.renewChannel(taken, now + LEASE + 2, LEASE)).toBe(true);
    });

    it("a worker takes back its own lease on a channel it is not delivering to (a claim lost with the connection)", async () => {
      await store.createRollout(newRollout());
      const now = Date.now() + 1000;
      const lost = (await claim('w1', now))!;
      // w1 is delivering there: not claimed twice, by anyone.
      expect((await store.claimChannels('w1', now + 10, LEASE, 10, [channelKey(channelScope)])).length).toBe(0);
      expect(await claim('w2', now + 10)).toBeUndefined();
      // w1 never heard of its claim (the answer was lost): it takes it back, and the old claim is fenced off.
      const again = (await claim('w1', now + 20))!;
      expect(again.token).toBeGreaterThan(lost.token);
      expect(await store.renewChannel(lost, now + 30, LEASE)).toBe(false);
    });

    it('a released channel waits until its not-before time (Retry-After, pacing)', async () => {
      const { rollout } = await store.createRollout(newRollout());
      const now = Date.now() + 1000;
      const c = (await claim('w1', now))!;
      await store.recordDelivery(c, rollout.id, { retryAt: now }, now);
      await store.releaseChannel(c, now + 2000);
      expect(await claim('w2', now + 1999)).toBeUndefined();
      expect(await claim('w2', now + 2000)).toBeDefined();
    });

    it('work recorded while a round runs is not lost when the round records its progress', async () => {
      const { rollout } = await store.createRollout(newRollout());
      const now = Date.now() + 1000;
      const c = (await claim('w1', now))!;
      const [due] = await store.dueDeliveries(c, now, 10);
      // A click lands while the worker is posting version 1.
      await store.applyAction(channelScope, rollout.id, stepAction('confirm', 'full-backup', alice), new Date(now));
      await store.recordDelivery(c, rollout.id, { postState: 'posted', shownVersion: due.rollout.version, linesSent: due.rollout.version, noticesSent: due.rollout.version }, now);
      const d = await store.getDelivery(channelScope, rollout.id);
      expect(d).toMatchObject({ wantedVersion: 2, shownVersion: 1 });
      expect(d!.dueAt).not.toBeNull();
      const [again] = await store.dueDeliveries(c, now + 5000, 10);
      expect(again.rollout.version).toBe(2);
      expect(again.events.map((e) => e.type)).toEqual(['created', 'confirmed']);
      await store.recordDelivery(c, rollout.id, { shownVersion: 2, linesSent: 2, noticesSent: 2 }, now);
      expect(await store.getDelivery(channelScope, rollout.id)).toMatchObject({ dueAt: null });
      expect(await store.deliveryBacklog()).toEqual({ pending: 0 });
    });

    it('a retry time and a give-up are kept, with the error', async () => {
      const { rollout } = await store.createRollout(newRollout());
      const now = Date.now() + 1000;
      const c = (await claim('w1', now))!;
      await store.recordDelivery(c, rollout.id, { attempts: 1, lastError: 'ratelimited', retryAt: now + 3000 }, now);
      expect(await store.getDelivery(channelScope, rollout.id)).toMatchObject({ dueAt: now + 3000, attempts: 1, lastError: 'ratelimited' });
      expect(await store.deliveryBacklog()).toEqual({ pending: 1, oldestDueAt: now + 3000 });
      expect(await store.dueDeliveries(c, now + 2999, 10)).toEqual([]);
      await store.recordDelivery(c, rollout.id, { postState: 'failed', lastError: 'not_in_channel', retryAt: null }, now);
      expect(await store.getDelivery(channelScope, rollout.id)).toMatchObject({ dueAt: null, postState: 'failed', lastError: 'not_in_channel' });
    });

    it('claims stay in their own channel and workspace', async () => {
      await store.createRollout(newRollout({ scope: { ...channelScope, channel: 'C-OTHER' } }));
      const { rollout } = await store.createRollout(newRollout());
      const now = Date.now() + 1000;
      const claims = await store.claimChannels('w1', now, LEASE, 10);
      expect(claims.map((c) => c.scope.channel).sort()).toEqual(['C-OPS', 'C-OTHER']);
      const ops = claims.find((c) => c.scope.channel === 'C-OPS')!;
      expect((await store.dueDeliveries(ops, now, 10)).map((d) => d.rollout.id)).toEqual([rollout.id]);
      const other = claims.find((c) => c.scope.channel === 'C-OTHER')!;
      // A claim on another channel cannot write this rollout's progress.
      expect(await store.recordDelivery(other, rollout.id, { postState: 'posted' }, now)).toBe(false);
    });

    it('tells its watchers when work is recorded', async () => {
      const heard: number[] = [];
      const stop = store.watchDeliveries((due) => heard.push(due));
      try {
        // Postgres starts listening in the background: keep recording until it hears.
        for (let i = 0; i < 60 && heard.length === 0; i++) {
          const { rollout } = await store.createRollout(newRollout());
          await store.applyAction(channelScope, rollout.id, stepAction('confirm', 'full-backup', alice), new Date());
          await new Promise((r) => setTimeout(r, 50));
        }
        expect(heard.length).toBeGreaterThan(0);
        expect(heard[0]).toBeGreaterThan(Date.now() - 60_000);
      } finally {
        stop();
      }
    });

    it('the live record: event details read back as written; a look for reminders records each one once, whoever asks', async () => {
      const { rollout } = await store.createRollout(newRollout({ timeZone: 'Europe/Amsterdam' }));
      const t0 = Date.now() + 60_000;
      const act = (action: Parameters<Store['applyAction']>[2], at: number) => store.applyAction(channelScope, rollout.id, action, new Date(at));
      const window = { start: new Date(t0).toISOString(), end: new Date(t0 + 4 * 3_600_000).toISOString(), timeZone: 'Europe/Amsterdam' };
      await act({ verb: 'set-window', window, actor: alice, actionKey: 'w' }, t0);
      await act({ verb: 'assign', stepId: 'full-backup', assignee: bob, actor: alice, actionKey: 'a' }, t0);
      await act({ verb: 'start', stepId: 'full-backup', actor: bob, actionKey: 's' }, t0);
      await act({ verb: 'notify', channel: { id: 'C-BOARD', name: 'change-board' }, actor: alice, actionKey: 'n' }, t0);
      const { events } = (await store.getRollout(channelScope, rollout.id))!;
      expect(events.map((e) => [e.type, e.timeZone ?? e.window ?? e.assignee ?? e.stakeholders ?? null])).toEqual([
        ['created', 'Europe/Amsterdam'],
        ['window-set', window],
        ['assigned', bob],
        ['started', null],
        ['notify-set', { id: 'C-BOARD', name: 'change-board' }],
      ]);
      // The window's countdown is the next look: five minutes on at most.
      const scheduled = (await store.getDelivery(channelScope, rollout.id))!.remindAt!;
      expect(scheduled).toBeGreaterThan(t0);
      expect(scheduled).toBeLessThanOrEqual(t0 + 5 * 60_000);
      // The full backup's two hours are up: two workers look at once; one reminder is recorded.
      const later = t0 + 121 * 60_000;
      const c = (await claim('w1', later))!;
      const other = target.openAnother?.() ?? store;
      if (other !== store) await other.migrate();
      const [first, second] = await Promise.all([store.remindDue(c, rollout.id, later), other.remindDue(c, rollout.id, later)]);
      expect(first?.rollout.id).toBe(rollout.id);
      expect(second?.rollout.id).toBe(rollout.id);
      const after = (await store.getRollout(channelScope, rollout.id))!.events.filter((e) => e.type === 'reminded');
      expect(after.map((e) => e.reminder)).toEqual([
        { kind: 'in-progress', key: `in-progress:full-backup:4`, mention: [bob], minutes: 121 },
      ]);
      const delivery = (await store.getDelivery(channelScope, rollout.id))!;
      expect(delivery.remindAt).toBeGreaterThan(later);
      expect(delivery.wantedVersion).toBe(6);
      // Nothing due: no event, only when to look next.
      expect((await store.remindDue(c, rollout.id, later + 1000))?.events).toHaveLength(6);
    });
  });
}
