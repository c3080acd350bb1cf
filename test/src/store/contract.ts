/**
 * One contract for every Store: what the team relies on when they click on a card.
 * Run by sqlite.test.ts and postgres.test.ts against a real database each.
 */
import type { ActionResult, RolloutAction, RolloutEvent, Scope, StepVerb, UserRef } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { alice, bob, carol, channelScope, clusterAnswers, clusterPlan, newRollout, widePlan } from '../rollout/fixtures';

export interface ContractTarget {
  /** A store on a fresh, empty database (not migrated yet). */
  store: Store;
  /** A second store on the same database, like another replica; optional. */
  openAnother?: () => Store;
  /** Closes what was opened and removes what was created. */
  dispose: () => Promise<void>;
}

const NOW = new Date('2026-11-24T09:00:00.000Z');
let keyCounter = 0;
const key = () => `click-${++keyCounter}-${Math.random().toString(36).slice(2, 8)}`;

export function stepAction(verb: StepVerb, stepId: string, actor: UserRef = alice, note?: string): RolloutAction {
  return { verb, stepId, actor, note, actionKey: key() };
}

export function expectGapless(events: RolloutEvent[]): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
}

/** How many results had each outcome, e.g. { recorded: 1, duplicate: 9 }. */
export function outcomes(results: ActionResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  return counts;
}

/** Before each test a fresh, migrated store from `makeStore` (handed to `use`); disposed after it. */
export function useContractTarget(makeStore: () => Promise<ContractTarget>, use: (target: ContractTarget) => void): void {
  let target: ContractTarget | undefined;
  beforeEach(async () => {
    target = await makeStore();
    await target.store.migrate();
    use(target);
  });
  afterEach(async () => target?.dispose());
}

export function describeStoreContract(name: string, makeStore: () => Promise<ContractTarget>): void {
  describe(`${name} store contract`, () => {
    let target: ContractTarget;
    let store: Store;
    useContractTarget(makeStore, (t) => ({ store } = target = t));

    it('migrating twice is a no-op that keeps the data', async () => {
      const { rollout } = await store.createRollout(newRollout());
      await store.migrate();
      expect((await store.getRollout(channelScope, rollout.id))?.rollout.id).toBe(rollout.id);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('a posted plan starts its log with who created it; operators are recorded too', async () => {
      const { rollout, events } = await store.createRollout(newRollout({ operators: [bob] }));
      expect(rollout.id).toMatch(/^[A-Za-z0-9_-]{1,24}$/);
      expect(rollout).toMatchObject({ scope: channelScope, owner: alice, status: 'active', version: 2, messages: [] });
      expect(events.map((e) => [e.seq, e.type])).toEqual([[1, 'created'], [2, 'operators-set']]);
      expect(events[1].operators).toEqual([bob]);
      const read = await store.getRollout(channelScope, rollout.id);
      expect(read).toEqual({ rollout, events });
    });

    it('a retried "post plan" click posts one rollout per channel', async () => {
      const input = newRollout();
      const [a, b] = await Promise.all([store.createRollout(input), store.createRollout(input)]);
      expect(b.rollout.id).toBe(a.rollout.id);
      expect(await store.listRollouts(channelScope)).toHaveLength(1);
      const elsewhere = await store.createRollout({ ...input, scope: { ...channelScope, channel: 'C-OTHER' } });
      expect(elsewhere.rollout.id).not.toBe(a.rollout.id);
    });

    it('numbers rollouts per channel (#1, #2, ...) and finds them by that short reference in that channel only', async () => {
      const other: Scope = { ...channelScope, channel: 'C-OTHER' };
      const first = await store.createRollout(newRollout());
      const again = await store.createRollout(newRollout({ actionKey: 'post-again' }));
      const elsewhere = await store.createRollout(newRollout({ scope: other }));
      // A retried click keeps its number and uses none.
      const retried = await store.createRollout(newRollout({ actionKey: 'post-again' }));
      const third = await store.createRollout(newRollout());
      expect([first, again, retried, third].map((s) => s.rollout.ref)).toEqual([1, 2, 2, 3]);
      expect(elsewhere.rollout.ref).toBe(1);
      expect((await store.getRolloutByRef(channelScope, 2))?.rollout.id).toBe(again.rollout.id);
      expect((await store.getRolloutByRef(other, 1))?.rollout.id).toBe(elsewhere.rollout.id);
      expect(await store.getRolloutByRef(other, 2)).toBeUndefined();
      expect(await store.getRolloutByRef({ ...channelScope, workspace: 'T-EVIL' }, 1)).toBeUndefined();
      expect(await store.getRolloutByRef(channelScope, 0)).toBeUndefined();
      expect(await store.getRolloutByRef(channelScope, Number.NaN)).toBeUndefined();
      expect((await store.getRollout(channelScope, third.rollout.id))?.rollout.ref).toBe(3);
      expect((await store.listRollouts(channelScope)).map((r) => r.ref)).toEqual([3, 2, 1]);
    });

    it('gives rollouts created at once in one channel each their own number', async () => {
      const created = await Promise.all(Array.from({ length: 8 }, () => store.createRollout(newRollout())));
      expect(created.map((c) => c.rollout.ref).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('keeps the place a plan was posted in (the words on its card depend on it)', async () => {
      const group = await store.createRollout(newRollout({ place: 'group' }));
      const plain = await store.createRollout(newRollout());
      const consoleOne = await store.createRollout(newRollout({ scope: { platform: 'console', workspace: 'local', channel: 'console' } }));
      expect((await store.getRollout(channelScope, group.rollout.id))?.rollout.place).toBe('group');
      expect(plain.rollout.place).toBe('channel');
      expect((await store.getRollout(channelScope, plain.rollout.id))?.rollout.place).toBe('channel');
      expect(consoleOne.rollout.place).toBe('here');
    });

    it.each<[string, Scope]>([
      ['another channel', { ...channelScope, channel: 'C-OTHER' }],
      ['another workspace', { ...channelScope, workspace: 'T-EVIL' }],
      ['another platform', { ...channelScope, platform: 'teams' }],
    ])('a rollout id used from %s is not found and changes nothing', async (_n, foreign) => {
      const { rollout } = await store.createRollout(newRollout());
      expect(await store.getRollout(foreign, rollout.id)).toBeUndefined();
      expect(await store.applyAction(foreign, rollout.id, stepAction('confirm', 'full-backup'), NOW)).toEqual({ outcome: 'not-found' });
      await store.setMessages(foreign, rollout.id, [{ id: 'evil' }]);
      expect(await store.getRollout(channelScope, rollout.id)).toMatchObject({ rollout: { version: 1, messages: [] } });
      expect(await store.applyAction(channelScope, 'x'.repeat(200), stepAction('confirm', 'full-backup'), NOW)).toEqual({ outcome: 'not-found' });
    });

    it('lists a channel, or a whole workspace for exports, most recent first', async () => {
      const first = await store.createRollout(newRollout());
      await new Promise((r) => setTimeout(r, 5));
      const second = await store.createRollout(newRollout());
      await store.createRollout(newRollout({ scope: { ...channelScope, channel: 'C-OTHER' } }));
      await store.createRollout(newRollout({ scope: { ...channelScope, workspace: 'T-OTHER' } }));
      expect((await store.listRollouts(channelScope)).map((r) => r.id)).toEqual([second.rollout.id, first.rollout.id]);
      expect(await store.listRollouts({ platform: 'slack', workspace: 'T-ACME' })).toHaveLength(3);
      expect(await store.listRollouts(channelScope, { limit: 1 })).toHaveLength(1);
      expect(await store.listRollouts(channelScope, { status: 'completed' })).toEqual([]);
    });

    it('records confirmations in order, with who, when and the action key', async () => {
      const { rollout } = await store.createRollout(newRollout());
      const a1 = stepAction('confirm', 'full-backup', bob);
      const r1 = await store.applyAction(channelScope, rollout.id, a1, NOW);
      expect(r1.outcome).toBe('recorded');
      if (r1.outcome !== 'recorded') return;
      expect(r1.recorded).toEqual([
        { rolloutId: rollout.id, seq: 2, type: 'confirmed', stepId: 'full-backup', actor: bob, at: NOW.toISOString(), actionKey: a1.actionKey },
      ]);
      const r2 = await store.applyAction(channelScope, rollout.id, stepAction('skip', 'read-release-notes', carol, 'known'), NOW);
      expect(r2.outcome === 'recorded' && r2.rollout.version).toBe(3);
      const read = await store.getRollout(channelScope, rollout.id);
      expect(read?.events.map((e) => [e.seq, e.type, e.stepId, e.note])).toEqual([
        [1, 'created', undefined, undefined],
        [2, 'confirmed', 'full-backup', undefined],
        [3, 'skipped', 'read-release-notes', 'known'],
      ]);
    });

    it("an early confirmation of 'apply on node A' is refused and records nothing", async () => {
      const { rollout } = await store.createRollout(newRollout());
      const result = await store.applyAction(channelScope, rollout.id, stepAction('confirm', 'apply-node-a', bob), NOW);
      expect(result).toMatchObject({ outcome: 'refused', reason: { key: 'rollout.refused.waits-for-one', params: { step: 5, steps: '4' } } });
      expect((await store.getRollout(channelScope, rollout.id))?.rollout.version).toBe(1);
    });

    it('the same click delivered twice records one event', async () => {
      const { rollout } = await store.createRollout(newRollout());
      const click = stepAction('confirm', 'full-backup', bob);
      expect((await store.applyAction(channelScope, rollout.id, click, NOW)).outcome).toBe('recorded');
      const again = await store.applyAction(channelScope, rollout.id, click, NOW);
      expect(again).toMatchObject({ outcome: 'duplicate', rollout: { version: 2 } });
      const double = { ...stepAction('confirm', 'read-release-notes', bob), actionKey: 'double-click' };
      const burst = await Promise.all(Array.from({ length: 10 }, () => store.applyAction(channelScope, rollout.id, double, NOW)));
      expect(outcomes(burst)).toEqual({ recorded: 1, duplicate: 9 });
      const undo = { ...stepAction('undo', 'full-backup', bob), actionKey: 'undo-once' };
      const undos = await Promise.all(Array.from({ length: 10 }, () => store.applyAction(channelScope, rollout.id, undo, NOW)));
      expect(outcomes(undos)).toEqual({ recorded: 1, duplicate: 9 });
      expect((await store.getRollout(channelScope, rollout.id))?.events.map((e) => e.type)).toEqual(['created', 'confirmed', 'confirmed', 'undone']);
    });

    it('50 teammates clicking at once all land, in one gapless order, and complete the rollout', async () => {
      const { rollout } = await store.createRollout(newRollout({ plan: widePlan(50) }));
      const stores = [store, ...(target.openAnother ? [target.openAnother()] : [])];
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => {
          const action = i % 2 ? stepAction('confirm', `step-${i + 1}`, bob) : stepAction('skip', `step-${i + 1}`, carol, `not needed ${i}`);
          return stores[i % stores.length].applyAction(channelScope, rollout.id, action, NOW);
        }),
      );
      expect(results.map((r) => r.outcome)).toEqual(Array(50).fill('recorded'));
      const read = (await store.getRollout(channelScope, rollout.id))!;
      expectGapless(read.events);
      expect(read.events).toHaveLength(52);
      expect(read.events.at(-1)?.type).toBe('completed');
      expect(read.rollout).toMatchObject({ status: 'completed', version: 52 });
      expect(await store.listRollouts(channelScope, { status: 'completed' })).toHaveLength(1);
    });

    it('racing clicks on the same step: exactly one confirmation wins, the rest are told why', async () => {
      const { rollout } = await store.createRollout(newRollout());
      const stores = [store, ...(target.openAnother ? [target.openAnother()] : [])];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => stores[i % stores.length].applyAction(channelScope, rollout.id, stepAction('confirm', 'full-backup', bob), NOW)),
      );
      expect(results.filter((r) => r.outcome === 'recorded')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'refused')).toHaveLength(19);
      expect((await store.getRollout(channelScope, rollout.id))?.events).toHaveLength(2);
    });

    it('a finished rollout refuses further clicks', async () => {
      const { rollout } = await store.createRollout(newRollout({ plan: widePlan(1) }));
      await store.applyAction(channelScope, rollout.id, stepAction('confirm', 'step-1'), NOW);
      const late = await store.applyAction(channelScope, rollout.id, stepAction('undo', 'step-1'), NOW);
      expect(late).toMatchObject({ outcome: 'refused', rollout: { status: 'completed' }, reason: { key: 'rollout.refused.finished' } });
    });

    it('operators set by the owner decide who may click next', async () => {
      const { rollout } = await store.createRollout(newRollout());
      const set = await store.applyAction(channelScope, rollout.id, { verb: 'set-operators', operators: [bob], actor: alice, actionKey: key() }, NOW);
      expect(set.outcome).toBe('recorded');
      const carolTries = await store.applyAction(channelScope, rollout.id, stepAction('confirm', 'full-backup', carol), NOW);
      expect(carolTries).toMatchObject({ outcome: 'refused', reason: { key: 'rollout.refused.not-operator' } });
    });

    it('remembers where the plan was posted', async () => {
      const { rollout } = await store.createRollout(newRollout());
      const messages = [{ id: '1732440000.000100', meta: { thread: 'x' } }, { id: '1732440000.000200' }];
      await store.setMessages(channelScope, rollout.id, messages);
      expect((await store.getRollout(channelScope, rollout.id))?.rollout.messages).toEqual(messages);
    });

    it('keeps an unfinished interview until its time is up', async () => {
      const state = { step: 'topology', answers: { version: '2000' } };
      await store.saveDialog('slack:T:C:U', state, 60);
      expect(await store.loadDialog('slack:T:C:U')).toEqual(state);
      const realNow = Date.now();
      const clock = jest.spyOn(Date, 'now').mockReturnValue(realNow + 61_000);
      try {
        expect(await store.loadDialog('slack:T:C:U')).toBeUndefined();
      } finally {
        clock.mockRestore();
      }
      await store.saveDialog('slack:T:C:U', { step: 'version' }, 60);
      expect(await store.loadDialog('slack:T:C:U')).toEqual({ step: 'version' });
      await store.deleteDialog('slack:T:C:U');
      expect(await store.loadDialog('slack:T:C:U')).toBeUndefined();
      expect(await store.loadDialog('never-saved')).toBeUndefined();
    });

    it('keeps small JSON settings', async () => {
      expect(await store.getSetting('missing')).toBeUndefined();
      await store.putSetting('slack:install:T-ACME', { botToken: 'xoxb-1', scopes: ['chat:write'] });
      await store.putSetting('pref:U-ALICE:locale', 'nl');
      await store.putSetting('slack:install:T-ACME', { botToken: 'xoxb-2' });
      expect(await store.getSetting('slack:install:T-ACME')).toEqual({ botToken: 'xoxb-2' });
      expect(await store.getSetting('pref:U-ALICE:locale')).toBe('nl');
      await store.deleteSetting('pref:U-ALICE:locale');
      expect(await store.getSetting('pref:U-ALICE:locale')).toBeUndefined();
    });
  });
}

/** A rollout as releases before migration 6 left it: its operators on its row (rollouts.operators) and in its log. */
const OLD_AT = '2026-11-20T09:00:00.000Z';
const OLD_ID = 'r-before-6';
const OLD_EVENTS: RolloutEvent[] = [
  { rolloutId: OLD_ID, seq: 1, type: 'created', actor: alice, at: OLD_AT, actionKey: 'k-post' },
  { rolloutId: OLD_ID, seq: 2, type: 'operators-set', actor: alice, at: OLD_AT, operators: [bob], actionKey: 'k-post' },
  { rolloutId: OLD_ID, seq: 3, type: 'confirmed', stepId: 'full-backup', actor: bob, at: OLD_AT, note: 'taken', actionKey: 'k-1' },
];
const json = JSON.stringify;
const scope = { platform: channelScope.platform, workspace: channelScope.workspace, channel: channelScope.channel };
/** Rows to insert, table by table, into a database at schema version 5 (each store writes its own SQL). */
export const ROWS_BEFORE_6: { table: string; row: Record<string, string | number | null> }[] = [
  { table: 'rollouts', row: { id: OLD_ID, ref: 1, place: 'channel', ...scope, owner: json(alice), locale: 'en', answers: json(clusterAnswers),
    plan: json(clusterPlan), messages: json([{ id: '1.1' }]), operators: json([bob]), status: 'active', version: 3,
    created_at: OLD_AT, updated_at: OLD_AT, create_key: 'k-post' } },
  ...OLD_EVENTS.map((e) => ({ table: 'rollout_events', row: { rollout_id: OLD_ID, seq: e.seq, type: e.type, step_id: e.stepId ?? null, actor: json(e.actor),
    at: e.at, note: e.note ?? null, operators: e.operators ? json(e.operators) : null, action_key: e.actionKey ?? null } })),
  { table: 'rollout_actions', row: { rollout_id: OLD_ID, action_key: 'k-post', seq: 1 } },
  { table: 'rollout_actions', row: { rollout_id: OLD_ID, action_key: 'k-1', seq: 3 } },
  { table: 'channel_refs', row: { ...scope, last_ref: 1 } },
  { table: 'deliveries', row: { rollout_id: OLD_ID, ...scope, wanted_version: 3, shown_version: 3, lines_sent: 3, notices_sent: 3,
    post_state: 'posted', updated_at: OLD_AT } },
];

/** After migration 6, the rollout of ROWS_BEFORE_6 reads as before, and its operators (in the log only) still decide. */
export async function expectKeptAfter6(store: Store): Promise<void> {
  const read = await store.getRollout(channelScope, OLD_ID);
  expect(read?.rollout).toMatchObject({ id: OLD_ID, ref: 1, owner: alice, plan: clusterPlan, messages: [{ id: '1.1' }], version: 3, status: 'active' });
  expect(read?.events).toEqual(OLD_EVENTS);
  expect((await store.listRollouts(channelScope)).map((r) => r.id)).toEqual([OLD_ID]);
  const carolTries = await store.applyAction(channelScope, OLD_ID, stepAction('confirm', 'read-release-notes', carol), NOW);
  expect(carolTries).toMatchObject({ outcome: 'refused', reason: { key: 'rollout.refused.not-operator' } });
  const bobConfirms = await store.applyAction(channelScope, OLD_ID, stepAction('confirm', 'read-release-notes', bob), NOW);
  expect(bobConfirms).toMatchObject({ outcome: 'recorded', rollout: { version: 4 } });
  expect((await store.getDelivery(channelScope, OLD_ID))?.wantedVersion).toBe(4);
  expect((await store.createRollout(newRollout({ operators: [carol] }))).rollout.ref).toBe(2);
}
