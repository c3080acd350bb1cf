/**
 * A campaign carried to its end straight through the store, on a clock the test
 * controls, the same way on every platform: the owner settles the shared steps; each
 * server goes in its wave, its install started and confirmed 25 minutes later by a team
 * member (so it has a duration), the pilot's backup first reported as a problem and then
 * confirmed, the last server's last step skipped with a reason (its risk accepted). A server of a later
 * wave is released by the owner first unless the test released it already.
 */
import type { Rollout, Scope, UserRef } from '../../src/rollout/model';
import type { StoreAction } from '../../src/campaign/model';
import type { Store } from '../../src/store/store';
import type { TestClock } from './test-clock';

export const PROBLEM_NOTE = 'tape drive offline';
export const SKIP_NOTE = 'backed up by the nightly job';
export const RELEASE_NOTE = 'the pilot ran clean in the lab';

let keys = 0;
/** An action without its key (each gets a new one). */
type Act = StoreAction extends infer A ? (A extends unknown ? Omit<A, 'actionKey'> : never) : never;

export interface CampaignRunOptions {
  owner: UserRef;
  member: UserRef;
  /** Stop before the last server's last step (the test takes it itself). */
  leaveLastStep?: boolean;
  /** Called after each action: the platform's delivery catches up before the clock moves on. */
  settle?: () => Promise<void>;
}

export async function runCampaign(store: Store, scope: Scope, hubId: string, clock: TestClock, options: CampaignRunOptions): Promise<{ last: Rollout; lastStep: string }> {
  const { owner, member } = options;
  const apply = async (rollout: Rollout, action: Act, minutes = 2) => {
    clock.advanceMinutes(minutes);
    const result = await store.applyAction(scope, rollout.id, { ...action, actionKey: `run-${++keys}` } as StoreAction, clock.date());
    await options.settle?.();
    return result.outcome === 'refused' ? `refused: ${JSON.stringify(result.reason)}` : result.outcome;
  };
  const must = async (rollout: Rollout, action: Act, minutes?: number) => {
    const outcome = await apply(rollout, action, minutes);
    if (outcome !== 'recorded') throw new Error(`${action.verb} on ${rollout.id}: ${outcome}`);
  };
  const view = (await store.campaignOf(scope, hubId))!;
  const read = async (id: string) => (await store.getRollout(scope, id))!.rollout;
  const hub = await read(hubId);
  for (const m of view.members) {
    if (m.wave > 1 && !m.released) await must(await read(m.rolloutId), { verb: 'release', actor: owner, note: RELEASE_NOTE });
  }
  for (const s of hub.plan.steps) await must(hub, { verb: 'confirm', stepId: s.id, actor: owner });
  const members = await Promise.all(view.members.map((m) => read(m.rolloutId)));
  const last = members.at(-1)!;
  const lastStep = last.plan.steps.at(-1)!.id;
  for (const [i, rollout] of members.entries()) {
    for (const [n, step] of rollout.plan.steps.entries()) {
      const stepId = step.id;
      if (rollout === last && stepId === lastStep) {
        if (options.leaveLastStep) continue;
        // The risk of skipping a protective step accepted, as "anyway" says.
        await must(rollout, { verb: 'skip', stepId, actor: owner, note: SKIP_NOTE, riskAccepted: true });
      } else if (step.phase === 'apply') {
        await must(rollout, { verb: 'start', stepId, actor: member });
        await must(rollout, { verb: 'confirm', stepId, actor: member }, 25);
      } else if (i === 0 && n === 0) {
        await must(rollout, { verb: 'problem', stepId, actor: member, note: PROBLEM_NOTE });
        await must(rollout, { verb: 'confirm', stepId, actor: member }, 3);
      } else {
        await must(rollout, { verb: 'confirm', stepId, actor: owner });
      }
    }
  }
  return { last, lastStep };
}
