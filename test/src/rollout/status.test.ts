/** Step status is derived from the event log alone: replaying the log gives the card. */
import type { RolloutEvent, RolloutEventType, UserRef } from '../../../src/rollout/model';
import { deriveRolloutState, stepNumber, unmetRequirements } from '../../../src/rollout/status';
import { alice, bob, carol, clusterPlan } from './fixtures';

type Row = [RolloutEventType, string?, UserRef?, string?];

/** Builds a log from short rows; seq in row order, one minute apart. */
function log(rows: Row[]): RolloutEvent[] {
  return rows.map(([type, stepId, actor = alice, note], i) => {
    const e: RolloutEvent = { rolloutId: 'r', seq: i + 1, type, actor, at: `2026-11-24T09:${String(i).padStart(2, '0')}:00.000Z` };
    if (stepId) e.stepId = stepId;
    if (note) e.note = note;
    return e;
  });
}

describe('deriveRolloutState', () => {
  it('a new rollout has every step open and no operators', () => {
    const s = deriveRolloutState(clusterPlan, log([['created']]));
    expect([...s.steps.values()].map((x) => x.status)).toEqual(Array(6).fill('open'));
    expect(s).toMatchObject({ operators: [], completed: false, done: 0, skipped: 0, total: 6 });
  });

  it.each<[string, Row[], string, object]>([
    ['a confirmation marks the step done, with who and when', [['confirmed', 'full-backup', bob]], 'full-backup',
      { status: 'done', by: bob, at: '2026-11-24T09:01:00.000Z' }],
    ['a skip keeps its reason', [['skipped', 'full-backup', bob, 'nightly backup']], 'full-backup',
      { status: 'skipped', note: 'nightly backup' }],
    ['a problem keeps its note', [['problem', 'apply-node-b', carol, 'setup hangs']], 'apply-node-b',
      { status: 'problem', by: carol, note: 'setup hangs' }],
    ['undo pops the latest change only', [['problem', 'apply-node-b', carol, 'hangs'], ['confirmed', 'apply-node-b', bob], ['undone', 'apply-node-b', bob]],
      'apply-node-b', { status: 'problem', by: carol, note: 'hangs' }],
    ['undoing everything reopens the step', [['confirmed', 'full-backup'], ['undone', 'full-backup']], 'full-backup',
      { stepId: 'full-backup', status: 'open' }],
    ['an extra undo on an open step changes nothing', [['undone', 'full-backup'], ['confirmed', 'full-backup']], 'full-backup',
      { status: 'done' }],
  ])('%s', (_name, rows, stepId, expected) => {
    const s = deriveRolloutState(clusterPlan, log([['created'], ...rows]));
    expect(s.steps.get(stepId)).toMatchObject(expected);
  });

  it('events for a step the plan does not know are ignored', () => {
    const s = deriveRolloutState(clusterPlan, log([['confirmed', 'no-such-step']]));
    expect(s.done).toBe(0);
  });

  it('replays in seq order even when handed out of order', () => {
    const events = log([['confirmed', 'full-backup'], ['undone', 'full-backup']]).reverse();
    expect(deriveRolloutState(clusterPlan, events).steps.get('full-backup')?.status).toBe('open');
  });

  it('operators come from the latest operators-set event', () => {
    const events = log([['created'], ['operators-set'], ['operators-set']]);
    events[1].operators = [bob, carol];
    events[2].operators = [carol];
    expect(deriveRolloutState(clusterPlan, events).operators).toEqual([carol]);
  });

  it('counts done and skipped, and notes completion', () => {
    const s = deriveRolloutState(clusterPlan, log([['confirmed', 'full-backup'], ['skipped', 'read-release-notes', alice, 'n/a'], ['completed']]));
    expect(s).toMatchObject({ done: 1, skipped: 1, total: 6, completed: true, completedAt: '2026-11-24T09:02:00.000Z' });
  });
});

describe('unmetRequirements', () => {
  it("'apply on node B' waits for the backup and the release notes until both are settled", () => {
    const open = deriveRolloutState(clusterPlan, log([['created']]));
    expect(unmetRequirements(clusterPlan, open, 'apply-node-b')).toEqual(['full-backup', 'read-release-notes']);
    const half = deriveRolloutState(clusterPlan, log([['skipped', 'read-release-notes', alice, 'known'], ['problem', 'full-backup', alice, 'slow']]));
    expect(unmetRequirements(clusterPlan, half, 'apply-node-b')).toEqual(['full-backup']);
  });

  it('a step without requirements never waits', () => {
    expect(unmetRequirements(clusterPlan, deriveRolloutState(clusterPlan, []), 'full-backup')).toEqual([]);
  });

  it('steps are numbered from 1 in plan order', () => {
    expect(stepNumber(clusterPlan, 'apply-node-a')).toBe(5);
    expect(stepNumber(clusterPlan, 'nope')).toBe(0);
  });
});
