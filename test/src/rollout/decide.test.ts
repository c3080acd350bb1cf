/** The rollout rules, read as the team experiences them on the card. */
import { t } from '../../../conversations/strings';
import { buildPlan } from '../../../conversations/plan';
import { MAX_NOTE_LENGTH } from '../../../conversations/limits';
import { alice, bob, carol, widePlan } from './fixtures';
import { play, type Play } from './harness';

/** Confirms steps in order by Alice (the owner). */
function confirmAll(p: Play, ids: string[]): void {
  for (const id of ids) expect(p.say(p.act('confirm', id))).toBe('ok');
}

const BEFORE = ['full-backup', 'read-release-notes'];
const UP_TO_MOVE = [...BEFORE, 'apply-node-b', 'move-group-to-node-b'];

describe('ordering gates on an active/passive Exchange 2000 cluster', () => {
  it("an early confirmation of 'apply on node A' is refused and records nothing", () => {
    const p = play();
    confirmAll(p, [...BEFORE, 'apply-node-b']);
    const before = p.events.length;
    const d = p.act('confirm', 'apply-node-a', bob);
    expect(p.say(d)).toBe('Step 5 must wait for step 4: confirm or skip that one first.');
    expect(p.events).toHaveLength(before);
  });

  it('the passive node is patched only after the backup and the release notes', () => {
    const p = play();
    expect(p.say(p.act('confirm', 'apply-node-b'))).toBe(
      'Step 3 must wait for steps 1, 2: confirm or skip those first.',
    );
    confirmAll(p, ['full-backup']);
    expect(p.say(p.act('confirm', 'apply-node-b'))).toBe('Step 3 must wait for step 2: confirm or skip that one first.');
    confirmAll(p, ['read-release-notes', 'apply-node-b']);
  });

  it('a skipped requirement opens the gate like a confirmed one', () => {
    const p = play();
    expect(p.say(p.act('skip', 'read-release-notes', alice, 'read them last week'))).toBe('ok');
    confirmAll(p, ['full-backup', 'apply-node-b']);
  });

  it('skipping respects gates too, so a skip cannot jump the queue', () => {
    const p = play();
    const d = p.act('skip', 'apply-node-a', alice, 'already patched');
    expect(p.say(d)).toBe('Step 5 must wait for step 4: confirm or skip that one first.');
    expect(p.events).toHaveLength(1);
  });

  it('a problem may be reported on a step that still waits (it records what was seen)', () => {
    const p = play();
    expect(p.say(p.act('problem', 'apply-node-a', bob, 'NODE-A has low disk space'))).toBe('ok');
    expect(p.state().steps.get('apply-node-a')).toMatchObject({ status: 'problem', note: 'NODE-A has low disk space' });
  });
});

describe('notes', () => {
  it.each([
    ['skip without a reason', 'skip', undefined, 'Please give a reason for skipping step 1.'],
    ['skip with only spaces', 'skip', '   ', 'Please give a reason for skipping step 1.'],
    ['problem without a note', 'problem', '', 'Please describe the problem with step 1.'],
    ['a note that is too long', 'problem', 'x'.repeat(MAX_NOTE_LENGTH + 1), 'That text is too long: at most 500 characters, please.'],
  ] as const)('%s is refused', (_name, verb, note, reason) => {
    const p = play();
    expect(p.say(p.act(verb, 'full-backup', bob, note))).toBe(reason);
    expect(p.events).toHaveLength(1);
  });

  it('notes are kept trimmed, with who and when', () => {
    const p = play();
    p.act('skip', 'full-backup', bob, '  backup ran at 02:00 \n', { riskAccepted: true });
    expect(p.state().steps.get('full-backup')).toEqual({
      stepId: 'full-backup', status: 'skipped', by: bob, at: '2026-11-24T09:01:00.000Z', note: 'backup ran at 02:00',
      // The change on top of the step's stack: its event, and who may undo it.
      seq: 2, topSeq: 2, changedBy: bob,
    });
  });

  it('a step with a problem can still be confirmed once fixed', () => {
    const p = play();
    p.act('problem', 'full-backup', bob, 'tape drive offline');
    expect(p.say(p.act('confirm', 'full-backup', bob))).toBe('ok');
    expect(p.state().steps.get('full-backup')?.status).toBe('done');
  });

  it.each([
    ['confirm', 'Step 1 is already confirmed. Undo it first to change it.'],
    ['skip', 'Step 1 is already confirmed. Undo it first to change it.'],
    ['problem', 'Step 1 is already confirmed. Undo it first to change it.'],
  ] as const)('%s on a confirmed step is refused', (verb, reason) => {
    const p = play();
    p.act('confirm', 'full-backup');
    expect(p.say(p.act(verb, 'full-backup', alice, 'note'))).toBe(reason);
  });

  it('an unknown step id is refused', () => {
    const p = play();
    expect(p.say(p.act('confirm', 'format-c-drive'))).toBe('This plan has no such step. Perhaps the card is out of date.');
    expect(p.events).toHaveLength(1);
  });
});

describe('undo', () => {
  it('brings a step back to what it was before the latest change', () => {
    const p = play();
    p.act('problem', 'full-backup', bob, 'tape drive offline');
    p.act('confirm', 'full-backup', bob);
    expect(p.say(p.act('undo', 'full-backup', bob))).toBe('ok');
    expect(p.state().steps.get('full-backup')).toMatchObject({ status: 'problem', note: 'tape drive offline', by: bob });
    expect(p.say(p.act('undo', 'full-backup', bob))).toBe('ok');
    expect(p.state().steps.get('full-backup')).toEqual({ stepId: 'full-backup', status: 'open' });
  });

  it('is refused when there is nothing to undo', () => {
    const p = play();
    expect(p.say(p.act('undo', 'full-backup'))).toBe('Step 1 has nothing to undo.');
  });

  it('is allowed to whoever made the change and to the owner, not to others', () => {
    const p = play();
    p.act('confirm', 'full-backup', bob);
    expect(p.say(p.act('undo', 'full-backup', carol))).toBe(
      'Only Bob, who made the last change to step 1, or the owner, Alice, can undo it.',
    );
    expect(p.say(p.act('undo', 'full-backup', alice))).toBe('ok');
    p.act('confirm', 'full-backup', carol);
    expect(p.say(p.act('undo', 'full-backup', carol))).toBe('ok');
  });

  it('is refused while a settled later step depends on it', () => {
    const p = play();
    confirmAll(p, UP_TO_MOVE);
    expect(p.say(p.act('undo', 'apply-node-b'))).toBe(
      'Step 4 depends on step 3 and is already settled: undo step 4 first.',
    );
    expect(p.say(p.act('undo', 'move-group-to-node-b'))).toBe('ok');
    expect(p.say(p.act('undo', 'apply-node-b'))).toBe('ok');
  });
});

describe('operators', () => {
  it('anyone in the channel may act while no operators are set', () => {
    const p = play();
    expect(p.say(p.act('confirm', 'full-backup', carol))).toBe('ok');
  });

  it('once set, only operators and the owner may act', () => {
    const p = play();
    expect(p.say(p.setOperators([bob]))).toBe('ok');
    expect(p.state().operators).toEqual([bob]);
    expect(p.say(p.act('confirm', 'full-backup', carol))).toBe(
      'Only the operators of this rollout and its owner, Alice, can change it.',
    );
    expect(p.say(p.act('confirm', 'full-backup', bob))).toBe('ok');
    expect(p.say(p.act('confirm', 'read-release-notes', alice))).toBe('ok');
  });

  it('only the owner chooses operators; an empty list opens the rollout to everyone again', () => {
    const p = play();
    expect(p.say(p.setOperators([bob], bob))).toBe('Only Alice, who posted this plan, can choose its operators.');
    p.setOperators([bob, bob]);
    expect(p.state().operators).toEqual([bob]);
    p.setOperators([]);
    expect(p.say(p.act('confirm', 'full-backup', carol))).toBe('ok');
  });
});

describe('completion', () => {
  it("the last settled step completes the rollout, and then it refuses everything", () => {
    const p = play();
    confirmAll(p, [...UP_TO_MOVE, 'apply-node-a']);
    const d = p.act('skip', 'verify-mail-flow', bob, 'checked by the monitoring');
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['skipped', 'completed']);
    expect(p.rollout.status).toBe('completed');
    expect(p.state()).toMatchObject({ completed: true, done: 5, skipped: 1, total: 6 });
    const after = p.events.length;
    expect(p.say(p.act('undo', 'verify-mail-flow', bob))).toBe('This rollout is finished; nothing can be changed any more.');
    expect(p.say(p.setOperators([carol]))).toMatch(/finished/);
    expect(p.events).toHaveLength(after);
  });

  it('every event carries the actor, the time and the action key', () => {
    const p = play(widePlan(1));
    const d = p.act('confirm', 'step-1', bob);
    expect(d.ok && d.events).toEqual([
      { type: 'confirmed', stepId: 'step-1', actor: bob, at: '2026-11-24T09:01:00.000Z', actionKey: 'k1' },
      { type: 'completed', actor: bob, at: '2026-11-24T09:01:00.000Z', actionKey: 'k1' },
    ]);
  });
});

describe('in Dutch', () => {
  it('refusals are translated', () => {
    const p = play();
    const d = p.act('confirm', 'apply-node-a');
    expect(d.ok ? '' : t('nl', d.reason)).toBe('Stap 5 moet wachten op stap 4: bevestig die eerst of sla die over.');
  });
});

describe('a step that protects data is skipped only once its risk is accepted', () => {
  it('the first skip of the backup is refused with what is at risk, and records nothing', () => {
    const p = play();
    const d = p.act('skip', 'full-backup', bob, 'no tape today');
    expect(p.say(d)).toMatch(/^Step 1 is your way back: without this backup, .*skip step 1 again within 10 minutes, or type "skip 1 anyway <reason>"\. Nothing was recorded\.$/);
    expect(p.events).toHaveLength(1);
  });

  it('with the risk accepted the skip is recorded like any other', () => {
    const p = play();
    expect(p.say(p.act('skip', 'full-backup', bob, 'no tape today', { riskAccepted: true }))).toBe('ok');
    expect(p.state().steps.get('full-backup')).toMatchObject({ status: 'skipped', note: 'no tape today' });
  });

  it('other steps skip at once, and confirming or reporting a problem on the backup asks nothing', () => {
    const p = play();
    expect(p.say(p.act('skip', 'read-release-notes', bob, 'read last week'))).toBe('ok');
    expect(p.say(p.act('problem', 'full-backup', bob, 'tape drive offline'))).toBe('ok');
    expect(p.say(p.act('confirm', 'full-backup', bob))).toBe('ok');
  });

  it('a reason and the order come first: the risk is named only for a skip that could be recorded', () => {
    const p = play();
    expect(p.say(p.act('skip', 'full-backup', bob))).toBe('Please give a reason for skipping step 1.');
    const early = play(buildPlan({ version: '2000', product: 'standard', topology: 'single', change: 'service-pack' }));
    expect(early.say(early.act('skip', 'full-backup-after', bob, 'later'))).toMatch(/^Step 6 must wait for step 5/);
    expect(early.events).toHaveLength(1);
  });
});
