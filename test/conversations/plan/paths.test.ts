/**
 * The eight paths of FACTS.md, step by step: which steps, in which order, on which
 * node. Each row reads like the rollout an admin would walk through.
 */
import { buildPlan } from '../../../conversations/plan';
import type { CompleteAnswers } from '../../../conversations/types';
import { EVS_A, EVS_B, NODE_A, NODE_B, path, stepIds } from './fixtures';

const BEFORE = ['release-notes', 'full-backup', 'stop-antivirus', 'check-running-setup'];
const ADC_BEFORE = ['export-adc-schema-maps', 'redo-adc-map-changes'];

const rows: Array<[string, CompleteAnswers, string[]]> = [
  ['1: a plain Exchange 2000 server just runs the update, then backs up', path(1), [...BEFORE, 'apply-update', 'full-backup-after']],
  [
    '1: with an ADC (modified maps) and Terminal Services it exports the maps, redoes them, restarts and upgrades the ADC',
    { ...path(1), adc: true, adcCustomMaps: true, terminalServices: true },
    [...BEFORE, ...ADC_BEFORE, 'apply-update', 'restart-server', 'upgrade-adc', 'full-backup-after'],
  ],
  [
    '2: an active/passive Exchange 2000 cluster patches the passive node first',
    path(2),
    [...BEFORE, 'apply-node-b', 'move-group-to-node-b', 'apply-node-a', 'full-backup-after'],
  ],
  [
    '3: an active/active Exchange 2000 cluster follows the five steps of C4',
    path(3),
    [
      ...BEFORE,
      'move-evs-a-to-node-b',
      'apply-node-a',
      'move-both-evs-to-node-a',
      'check-evs-started-on-node-a',
      'apply-node-b',
      'full-backup-after',
    ],
  ],
  ['4: Conferencing Server runs its own update', path(4), [...BEFORE, 'apply-update', 'full-backup-after']],
  [
    '5: SBS 2000 runs the update and restarts when it went through Terminal Services',
    { ...path(5), terminalServices: true },
    [...BEFORE, 'apply-update', 'restart-server', 'full-backup-after'],
  ],
  [
    '6: a plain Exchange 5.5 server ends with Performance Optimizer, then the backup',
    path(6),
    [...BEFORE, 'apply-update', 'performance-optimizer', 'full-backup-after'],
  ],
  [
    '6: Exchange 5.5 with Mailbox Manager and InterOrg updates both separately',
    { ...path(6), mailboxManager: true, interOrgSync: true },
    [...BEFORE, 'apply-update', 'update-mailbox-manager', 'update-interorg-sync', 'performance-optimizer', 'full-backup-after'],
  ],
  [
    '7: an Exchange 5.5 cluster patches the active node first',
    path(7),
    [...BEFORE, 'apply-node-a', 'apply-node-b', 'performance-optimizer', 'full-backup-after'],
  ],
  ['8: Exchange 5.5 on SBS installs directly', path(8), [...BEFORE, 'apply-update', 'performance-optimizer', 'full-backup-after']],
];

describe('the eight paths of KB 328839', () => {
  test.each(rows)('%s', (_name, answers, expected) => {
    expect(stepIds(buildPlan(answers))).toEqual(expected);
  });
});

describe('cluster steps name the real nodes', () => {
  const nodeOf = (answers: CompleteAnswers) =>
    Object.fromEntries(buildPlan(answers).steps.filter((s) => s.node).map((s) => [s.id, s.node]));

  test('Exchange 2000 active/passive: passive node B, then the group moves to B, then A', () => {
    expect(nodeOf(path(2))).toEqual({ 'apply-node-b': NODE_B, 'move-group-to-node-b': NODE_B, 'apply-node-a': NODE_A });
  });

  test('Exchange 2000 active/active: free node A first, node B last', () => {
    expect(nodeOf(path(3))).toEqual({
      'move-evs-a-to-node-b': NODE_B,
      'apply-node-a': NODE_A,
      'move-both-evs-to-node-a': NODE_A,
      'check-evs-started-on-node-a': NODE_A,
      'apply-node-b': NODE_B,
    });
  });

  test('Exchange 5.5 cluster: active node A, then passive node B', () => {
    expect(nodeOf(path(7))).toEqual({ 'apply-node-a': NODE_A, 'apply-node-b': NODE_B });
  });

  test('the virtual servers appear in the active/active move steps', () => {
    const plan = buildPlan(path(3));
    const move = plan.steps.find((s) => s.id === 'move-evs-a-to-node-b');
    expect(move?.title.params).toMatchObject({ evs: EVS_A, from: NODE_A, node: NODE_B });
    const moveBoth = plan.steps.find((s) => s.id === 'move-both-evs-to-node-a');
    expect(moveBoth?.title.params).toMatchObject({ evsA: EVS_A, evsB: EVS_B, node: NODE_A });
  });

  test('single servers have no node on any step', () => {
    for (const n of [1, 4, 5, 6, 8]) {
      expect(buildPlan(path(n)).steps.some((s) => s.node !== undefined)).toBe(false);
    }
  });
});

describe('ordering gates', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('path %i: before any order, apply in a chain, after behind the last apply', (n) => {
    const steps = buildPlan({ ...path(n), adc: true, adcCustomMaps: true, mailboxManager: true, interOrgSync: true }).steps;
    const ids = (phase: string) => steps.filter((s) => s.phase === phase).map((s) => s.id);
    const before = ids('before');
    const apply = ids('apply');
    for (const s of steps.filter((x) => x.phase === 'before')) expect(s.requires).toEqual([]);
    apply.forEach((id, i) => {
      const step = steps.find((s) => s.id === id);
      expect(step?.requires).toEqual(i === 0 ? before : [apply[i - 1]]);
    });
    for (const s of steps.filter((x) => x.phase === 'after')) expect(s.requires[0]).toBe(apply.at(-1));
  });

  test('the new full backup of Exchange 5.5 waits for Performance Optimizer too', () => {
    const backup = buildPlan(path(6)).steps.find((s) => s.id === 'full-backup-after');
    expect(backup?.requires).toEqual(['apply-update', 'performance-optimizer']);
  });
});
