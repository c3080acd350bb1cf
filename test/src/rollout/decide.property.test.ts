/**
 * Whatever a channel of clickers does, in any order, the rules keep the log sound:
 * a settled step never has an unsettled requirement, a refusal records nothing, and
 * the rollout completes exactly when every step is settled.
 */
import fc from 'fast-check';
import { STEP_VERBS } from '../../../src/rollout/model';
import { isSettled } from '../../../src/rollout/status';
import { alice, bob, carol, clusterPlan } from './fixtures';
import { play } from './harness';

const click = fc.record({
  verb: fc.constantFrom(...STEP_VERBS),
  step: fc.constantFrom(...clusterPlan.steps.map((s) => s.id), 'no-such-step'),
  actor: fc.constantFrom(alice, bob, carol),
  note: fc.constantFrom(undefined, '', 'checked', ' x '),
});

describe('the rollout rules under any sequence of clicks', () => {
  it('keep gates, record nothing on refusal, and complete exactly when all steps are settled', () => {
    fc.assert(
      fc.property(fc.array(click, { maxLength: 60 }), (clicks) => {
        const p = play();
        for (const c of clicks) {
          const before = p.events.length;
          const wasCompleted = p.rollout.status === 'completed';
          const d = p.act(c.verb, c.step, c.actor, c.note);
          if (!d.ok || wasCompleted) expect(p.events).toHaveLength(before);
          const state = p.state();
          for (const s of clusterPlan.steps) {
            if (!isSettled(state.steps.get(s.id)!.status)) continue;
            for (const r of s.requires) expect(isSettled(state.steps.get(r)!.status)).toBe(true);
          }
          const allSettled = [...state.steps.values()].every((s) => isSettled(s.status));
          expect(state.completed).toBe(allSettled);
          expect(p.events.map((e) => e.seq)).toEqual(p.events.map((_, i) => i + 1));
        }
      }),
      { numRuns: 300 },
    );
  });
});
