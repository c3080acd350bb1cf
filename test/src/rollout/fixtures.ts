/**
 * Hand-built plans for the rollout rules and store tests. The real plan builder
 * (conversations/plan) is written separately; these stay small and stable.
 */
import type { MessageKey, Msg } from '../../../conversations/strings';
import type { CompleteAnswers } from '../../../conversations/types';
import type { Phase, Plan, PlanStep } from '../../../conversations/plan/model';
import type { NewRollout, Rollout, RolloutEvent, Scope, UserRef } from '../../../src/rollout/model';

/** Fixture texts are not in the catalog: the rules never draw them. */
const text = (key: string): Msg => ({ key: key as MessageKey });

function step(id: string, phase: Phase, requires: string[] = [], node?: string): PlanStep {
  const s: PlanStep = { id, phase, title: text(`fixture.${id}`), details: [], facts: ['C2'], kbs: ['328839'], requires };
  if (node) s.node = node;
  return s;
}

/**
 * Active/passive Exchange 2000 cluster: patch the passive node first, move the group,
 * then patch the other node. Numbers in plan order:
 * 1 full-backup, 2 read-release-notes, 3 apply-node-b, 4 move-group-to-node-b,
 * 5 apply-node-a, 6 verify-mail-flow.
 */
export const clusterPlan: Plan = {
  title: text('fixture.title'),
  summary: [],
  warnings: [],
  notes: [],
  steps: [
    step('full-backup', 'before'),
    step('read-release-notes', 'before'),
    step('apply-node-b', 'apply', ['full-backup', 'read-release-notes'], 'NODE-B'),
    step('move-group-to-node-b', 'apply', ['apply-node-b']),
    step('apply-node-a', 'apply', ['move-group-to-node-b'], 'NODE-A'),
    step('verify-mail-flow', 'after', ['apply-node-a']),
  ],
};

/** n steps that wait for nothing: for concurrency tests. */
export function widePlan(n: number): Plan {
  const steps = Array.from({ length: n }, (_, i) => step(`step-${i + 1}`, 'apply'));
  return { ...clusterPlan, steps };
}

export const clusterAnswers: CompleteAnswers = {
  version: '2000',
  product: 'enterprise',
  topology: 'active-passive',
  change: 'service-pack',
  nodeA: 'NODE-A',
  nodeB: 'NODE-B',
  evsA: 'EVS1',
};

export const alice: UserRef = { id: 'U-ALICE', name: 'Alice' };
export const bob: UserRef = { id: 'U-BOB', name: 'Bob' };
export const carol: UserRef = { id: 'U-CAROL', name: 'Carol' };

export const channelScope: Scope = { platform: 'slack', workspace: 'T-ACME', channel: 'C-OPS' };

export function newRollout(overrides: Partial<NewRollout> = {}): NewRollout {
  return {
    scope: channelScope,
    owner: alice,
    locale: 'en',
    answers: clusterAnswers,
    plan: clusterPlan,
    operators: [],
    actionKey: `post-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

/** A rollout as the store would hand it to the rules, with its 'created' event. */
export function rolloutWith(plan: Plan = clusterPlan, owner: UserRef = alice): { rollout: Rollout; events: RolloutEvent[] } {
  const rollout: Rollout = {
    id: 'r-test',
    ref: 1,
    scope: channelScope,
    place: 'channel',
    owner,
    locale: 'en',
    answers: clusterAnswers,
    plan,
    messages: [],
    createdAt: '2026-11-24T08:00:00.000Z',
    status: 'active',
    version: 1,
  };
  const created: RolloutEvent = { rolloutId: rollout.id, seq: 1, type: 'created', actor: owner, at: rollout.createdAt };
  return { rollout, events: [created] };
}

/**
 * Rollouts as a database from before short references held them (schema version 2):
 * id, platform, workspace, channel, created at, delivery address (JSON), and the
 * reference and place migration 3 must give them.
 */
export const PRE_V3_ROLLOUTS: [string, Scope['platform'], string, string, string, string | null, number, string][] = [
  ['ops-2', 'slack', 'T-ACME', 'C-OPS', '2026-01-02T00:00:00.000Z', null, 2, 'channel'],
  ['ops-1', 'slack', 'T-ACME', 'C-OPS', '2026-01-01T00:00:00.000Z', null, 1, 'channel'],
  ['other-1', 'slack', 'T-ACME', 'C-OTHER', '2026-01-03T00:00:00.000Z', null, 1, 'channel'],
  ['dm-1', 'slack', 'T-ACME', 'D-ALICE', '2026-01-01T00:00:00.000Z', null, 1, 'personal'],
  ['chat-1', 'teams', 'tenant', 'a:chat', '2026-01-01T00:00:00.000Z', '{"post":{"conversationType":"personal"}}', 1, 'personal'],
  ['group-1', 'teams', 'tenant', '19:group@thread.v2', '2026-01-01T00:00:00.000Z', '{"post":{"conversationType":"groupChat"}}', 1, 'group'],
  ['team-1', 'teams', 'tenant', '19:ops@thread.tacv2', '2026-01-01T00:00:00.000Z', '{"post":{"conversationType":"channel"}}', 1, 'channel'],
  ['console-1', 'console', 'local', 'console', '2026-01-01T00:00:00.000Z', null, 1, 'here'],
];
