/**
 * The live record's rules (issue 12), as the team meets them on an active/passive
 * cluster: Start and the time it took, assignments and Take it, the restriction to the
 * assignee with refusals that say who may, undo of a Start and of an assignment, the
 * owner's settings, and which reminders are due when (each once, from the log).
 */
import { t } from '../../../conversations/strings';
import { deriveRolloutState } from '../../../src/rollout/status';
import { dueReminders, nextCheckAt } from '../../../src/rollout/reminders';
import { BOT_ACTOR } from '../../../src/rollout/live-model';
import { alice, bob, carol } from './fixtures';
import { play, type Play } from './harness';

/** Steps 1 and 2 settled, so step 3 (apply on node B) may start. */
function ready(p: Play): void {
  expect(p.say(p.act('confirm', 'full-backup'))).toBe('ok');
  expect(p.say(p.act('confirm', 'read-release-notes'))).toBe('ok');
}
const step = (p: Play, id: string) => p.state().steps.get(id)!;

describe('Start', () => {
  it('shows who is on a step since when; confirming it records how long it took', () => {
    const p = play();
    ready(p);
    expect(p.say(p.act('start', 'apply-node-b', bob))).toBe('ok');
    const started = step(p, 'apply-node-b');
    expect(started).toMatchObject({ status: 'open', started: { by: bob } });
    p.advanceMinutes(44);
    expect(p.say(p.act('confirm', 'apply-node-b', bob))).toBe('ok');
    // 44 minutes waited and one more for the confirmation itself (the harness moves a minute per action).
    expect(step(p, 'apply-node-b')).toMatchObject({ status: 'done', by: bob, durationMs: 45 * 60_000 });
  });

  it('a step confirmed without Start has no duration', () => {
    const p = play();
    expect(p.say(p.act('confirm', 'full-backup'))).toBe('ok');
    expect(step(p, 'full-backup').durationMs).toBeUndefined();
  });

  it('respects the gates, refuses a settled step, and says who is on it already', () => {
    const p = play();
    expect(p.say(p.act('start', 'apply-node-b', bob))).toBe('Step 3 must wait for steps 1, 2: confirm or skip those first.');
    ready(p);
    expect(p.say(p.act('start', 'full-backup', bob))).toBe('Step 1 is already confirmed. Undo it first to change it.');
    expect(p.say(p.act('start', 'apply-node-b', bob))).toBe('ok');
    expect(p.say(p.act('start', 'apply-node-b', bob))).toBe('You are already on step 3. Nothing was recorded.');
    expect(p.say(p.act('start', 'apply-node-b', carol))).toBe('Bob is already on step 3: ask them, or undo their start first. Nothing was recorded.');
  });

  it('undo takes a Start back (whoever started it, or the owner), and a confirmation back to in progress', () => {
    const p = play();
    ready(p);
    p.act('start', 'apply-node-b', bob);
    p.act('confirm', 'apply-node-b', bob);
    expect(p.say(p.act('undo', 'apply-node-b', bob))).toBe('ok');
    expect(step(p, 'apply-node-b')).toMatchObject({ status: 'open', started: { by: bob } });
    expect(p.say(p.act('undo', 'apply-node-b', carol))).toBe('Only Bob, who made the last change to step 3, or the owner, Alice, can undo it.');
    expect(p.say(p.act('undo', 'apply-node-b', alice))).toBe('ok');
    expect(step(p, 'apply-node-b').started).toBeUndefined();
    expect(p.say(p.act('undo', 'apply-node-b', alice))).toBe('Step 3 has nothing to undo.');
  });
});

describe('Assign and Take it', () => {
  it('assigns to a person, to the clicker, to nobody; undo brings the earlier assignee back', () => {
    const p = play();
    expect(p.say(p.do({ verb: 'assign', stepId: 'apply-node-a', assignee: bob, actor: alice }))).toBe('ok');
    expect(step(p, 'apply-node-a').assignee).toEqual(bob);
    expect(p.say(p.act('take', 'apply-node-a', carol))).toBe('ok');
    expect(step(p, 'apply-node-a').assignee).toEqual(carol);
    expect(p.say(p.act('take', 'apply-node-a', carol))).toBe('Step 5 is already assigned to Carol. Nothing was changed.');
    expect(p.say(p.act('undo', 'apply-node-a', carol))).toBe('ok');
    expect(step(p, 'apply-node-a').assignee).toEqual(bob);
    expect(p.say(p.do({ verb: 'assign', stepId: 'apply-node-a', assignee: null, actor: alice }))).toBe('ok');
    expect(step(p, 'apply-node-a').assignee).toBeUndefined();
    expect(p.say(p.do({ verb: 'assign', stepId: 'apply-node-a', assignee: null, actor: alice }))).toBe('Step 5 is not assigned to anyone. Nothing was changed.');
  });

  it('assigns ahead of the gates, never a settled step, and only to someone who may act', () => {
    const p = play();
    p.act('confirm', 'full-backup');
    expect(p.say(p.act('take', 'full-backup', bob))).toBe('Step 1 is already confirmed. Undo it first to change it.');
    p.setOperators([bob]);
    expect(p.say(p.do({ verb: 'assign', stepId: 'apply-node-b', assignee: carol, actor: alice }))).toBe(
      'Carol cannot act on this plan: only its operators and its owner, Alice, can. Nothing was changed.',
    );
    expect(p.say(p.act('take', 'apply-node-b', carol))).toBe('Only the operators of this rollout and its owner, Alice, can change it.');
    expect(p.say(p.do({ verb: 'assign', stepId: 'apply-node-b', assignee: bob, actor: alice }))).toBe('ok');
  });
});

describe('the restriction to the assignee', () => {
  it('keeps an assigned step for its assignee and the owner; the refusal says who may', () => {
    const p = play();
    ready(p);
    p.do({ verb: 'assign', stepId: 'apply-node-b', assignee: bob, actor: alice });
    expect(p.say(p.do({ verb: 'restrict', on: true, actor: bob }))).toBe('Only Alice, who posted this plan, can change that. Nothing was changed.');
    expect(p.say(p.do({ verb: 'restrict', on: true, actor: alice }))).toBe('ok');
    expect(p.say(p.act('confirm', 'apply-node-b', carol))).toBe(
      'Step 3 is assigned to Bob: only Bob or the owner, Alice, can confirm it. Nothing was recorded.',
    );
    expect(p.say(p.act('start', 'apply-node-b', carol))).toBe('Step 3 is assigned to Bob: only Bob or the owner, Alice, can start it. Nothing was recorded.');
    expect(p.say(p.act('skip', 'apply-node-b', carol, 'done by hand'))).toBe(
      'Step 3 is assigned to Bob: only Bob or the owner, Alice, can skip it. Nothing was recorded.',
    );
    expect(p.say(p.act('take', 'apply-node-b', carol))).toBe(
      'Step 3 is assigned to Bob: only Bob or the owner, Alice, can hand it to someone else. Nothing was recorded.',
    );
    // A problem may be reported by anyone; an unassigned step is anyone's.
    expect(p.say(p.act('problem', 'apply-node-b', carol, 'the disk is full'))).toBe('ok');
    expect(p.say(p.act('confirm', 'apply-node-b', bob))).toBe('ok');
    expect(p.say(p.act('confirm', 'move-group-to-node-b', carol))).toBe('ok');
    expect(p.say(p.do({ verb: 'restrict', on: true, actor: alice }))).toBe('Assigned steps are already kept for their assignee. Nothing was changed.');
    expect(p.say(p.do({ verb: 'restrict', on: false, actor: alice }))).toBe('ok');
    expect(p.state().restricted).toBe(false);
  });

  it('the owner may always act on an assigned step', () => {
    const p = play();
    ready(p);
    p.do({ verb: 'assign', stepId: 'apply-node-b', assignee: bob, actor: alice });
    p.do({ verb: 'restrict', on: true, actor: alice });
    expect(p.say(p.act('confirm', 'apply-node-b', alice))).toBe('ok');
  });
});

describe("the owner's settings", () => {
  const window = { start: '2026-11-24T21:00:00.000Z', end: '2026-11-25T01:00:00.000Z', timeZone: 'Europe/Amsterdam' };

  it('window and stakeholder channel are the owner’s; a limit anyone who may act sets', () => {
    const p = play();
    expect(p.say(p.do({ verb: 'set-window', window, actor: bob }))).toBe('Only Alice, who posted this plan, can change that. Nothing was changed.');
    expect(p.say(p.do({ verb: 'set-window', window, actor: alice }))).toBe('ok');
    expect(p.state().window).toEqual(window);
    expect(p.say(p.do({ verb: 'notify', channel: { id: 'C-OPS', name: 'ops' }, actor: alice }))).toMatch(/^That is this channel itself/);
    expect(p.say(p.do({ verb: 'notify', channel: { id: 'C-BOARD', name: 'change-board' }, actor: alice }))).toBe('ok');
    expect(p.state().stakeholders).toEqual({ id: 'C-BOARD', name: 'change-board' });
    expect(p.say(p.do({ verb: 'set-limit', stepId: 'apply-node-b', minutes: 0, actor: bob }))).toMatch(/^Give step 3 a time between 1 and 10080 minutes/);
    expect(p.say(p.do({ verb: 'set-limit', stepId: 'apply-node-b', minutes: 90, actor: bob }))).toBe('ok');
    expect(p.state().limits.get('apply-node-b')).toBe(90);
    expect(p.say(p.do({ verb: 'set-window', window: null, actor: alice }))).toBe('ok');
    expect(p.say(p.do({ verb: 'set-window', window: null, actor: alice }))).toBe('This rollout has no maintenance window to remove. Nothing was changed.');
  });
});

describe('reminders, from the log', () => {
  const remind = (p: Play) => p.do({ verb: 'remind', actor: BOT_ACTOR });
  const kinds = (p: Play) => p.events.filter((e) => e.type === 'reminded').map((e) => `${e.reminder!.kind}:${e.stepId ?? ''}:${e.reminder!.mention.map((u) => u.name).join('+')}`);

  it('a step in progress longer than its limit (45 min for applying a service pack) is reminded once, mentioning who started it', () => {
    const p = play();
    ready(p);
    p.act('start', 'apply-node-b', bob);
    p.advanceMinutes(43);
    expect(p.say(remind(p))).toBe('No reminder is due.');
    p.advanceMinutes(1);
    expect(p.say(remind(p))).toBe('ok');
    expect(kinds(p)).toEqual(['in-progress:apply-node-b:Bob']);
    p.advanceMinutes(30);
    expect(p.say(remind(p))).toBe('No reminder is due.');
    expect(kinds(p)).toHaveLength(1);
  });

  it('a limit the team set replaces the default; a new Start is reminded anew', () => {
    const p = play();
    ready(p);
    p.do({ verb: 'set-limit', stepId: 'apply-node-b', minutes: 5, actor: bob });
    p.act('start', 'apply-node-b', bob);
    p.advanceMinutes(5);
    expect(p.say(remind(p))).toBe('ok');
    p.act('undo', 'apply-node-b', bob);
    p.act('start', 'apply-node-b', carol);
    p.advanceMinutes(5);
    expect(p.say(remind(p))).toBe('ok');
    expect(kinds(p)).toEqual(['in-progress:apply-node-b:Bob', 'in-progress:apply-node-b:Carol']);
  });

  it('a problem nobody followed up for 30 minutes is reminded, mentioning the owner and the assignee', () => {
    const p = play();
    p.do({ verb: 'assign', stepId: 'full-backup', assignee: bob, actor: alice });
    p.act('problem', 'full-backup', carol, 'tape drive offline');
    // (Each action moves the clock a minute: this look is 29 minutes on, the next 30.)
    p.advanceMinutes(28);
    expect(p.say(remind(p))).toBe('No reminder is due.');
    expect(p.say(remind(p))).toBe('ok');
    expect(kinds(p)).toEqual(['problem:full-backup:Alice+Bob']);
    // Followed up in time (someone took it on): no reminder.
    p.act('problem', 'read-release-notes', carol, 'notes missing');
    p.act('take', 'read-release-notes', bob);
    p.advanceMinutes(40);
    expect(p.say(remind(p))).toBe('No reminder is due.');
  });

  it("the window's end, with steps open, is reminded 30 minutes before, once per window; a finished rollout is not", () => {
    const p = play();
    const start = p.now();
    const end = new Date(start + 120 * 60_000).toISOString();
    p.do({ verb: 'set-window', window: { start: new Date(start).toISOString(), end, timeZone: 'UTC' }, actor: alice });
    const state = () => deriveRolloutState(p.rollout.plan, p.events);
    expect(nextCheckAt(p.rollout, state(), p.now())).toBeLessThanOrEqual(p.now() + 5 * 60_000);
    p.advanceMinutes(88);
    expect(dueReminders(p.rollout, state(), p.now())).toEqual([]);
    p.advanceMinutes(1);
    expect(p.say(remind(p))).toBe('ok');
    const [reminder] = p.events.filter((e) => e.type === 'reminded');
    expect(reminder.reminder).toMatchObject({ kind: 'window-end', key: `window-end:${end}`, open: 6, mention: [alice] });
    expect(p.say(remind(p))).toBe('No reminder is due.');
    // Nothing left to look for once the window is over and the reminders are sent.
    p.advanceMinutes(60);
    expect(nextCheckAt(p.rollout, state(), p.now())).toBeUndefined();
  });

  it('are refused on a finished rollout, in Dutch too', () => {
    const p = play();
    for (const id of p.rollout.plan.steps.map((s) => s.id)) p.act('confirm', id);
    const d = remind(p);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(t('nl', d.reason)).toBe('Deze uitrol is afgerond; er kan niets meer worden gewijzigd.');
  });
});
