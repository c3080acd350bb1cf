/**
 * The campaign's rules, on top of the rollout rules (src/rollout/decide.ts), as one pure
 * function the store runs inside the transaction that holds the rollout and the
 * campaign (so the other servers' state it sees is the latest one):
 * - wave gate: a server in a later wave can confirm or skip nothing until every server
 *   of the wave before it is complete, unless the owner released it with a reason;
 * - shared steps: a server's steps past its preparation wait for the campaign's shared
 *   preparation (the release notes, the domain controllers' backup), as a single
 *   plan's install waits for its own preparation. Once every shared step is settled
 *   the campaign's hub is complete and, like any finished rollout, changes no more:
 *   a shared step a server installed on can never be undone under it;
 * - release: only the owner, only a server that still waits, only with a reason; it
 *   is recorded in the server's own log ('released').
 * Like ordering gates, the campaign gate refuses confirm and skip and records nothing;
 * a problem may be reported at any time, and undo is left to the rollout rules.
 */
import { msg, type Msg } from '../../conversations/strings';
import { decideAction } from '../rollout/decide';
import { MAX_NOTE_LENGTH } from '../../conversations/limits';
import type { Decision, Rollout, RolloutEvent } from '../rollout/model';
import { deriveRolloutState, isSettled, numberRanges, stepNumber } from '../rollout/status';
import {
  isReleaseAction,
  memberMayStart,
  memberOf,
  previousWave,
  waveOpen,
  type CampaignMember,
  type CampaignView,
  type ReleaseAction,
  type StoreAction,
} from './model';

const refuse = (reason: Msg): Decision => ({ ok: false, reason });

/** The servers of `wave` that are not complete yet, by name. */
function unfinished(view: CampaignView, wave: number): string {
  return view.members
    .filter((m) => m.wave === wave && !m.completed)
    .map((m) => m.server)
    .join(', ');
}

/** Decides any action the store applies: with the campaign's rules when the rollout belongs to one. */
export function decideStoreAction(rollout: Rollout, events: RolloutEvent[], action: StoreAction, view: CampaignView | undefined, now: Date): Decision {
  if (view) return decideInCampaign(rollout, events, action, view, now);
  if (isReleaseAction(action)) return refuse(msg('campaign.refused.releaseWhat'));
  return decideAction(rollout, events, action, now);
}

/** Decides an action on a rollout that belongs to a campaign (as hub or member). */
export function decideInCampaign(rollout: Rollout, events: RolloutEvent[], action: StoreAction, view: CampaignView, now: Date): Decision {
  if (isReleaseAction(action)) return decideRelease(rollout, events, action, view, now);
  const member = memberOf(view, rollout.id);
  const refusal = member ? memberGate(rollout, events, action, view, member) : undefined;
  return refusal ? refuse(refusal) : decideAction(rollout, events, action, now);
}

/** Why this member may not confirm or skip this step now; undefined when the rollout rules decide. */
function memberGate(rollout: Rollout, events: RolloutEvent[], action: StoreAction, view: CampaignView, member: CampaignMember): Msg | undefined {
  // Start respects the gates like Confirm (the live record, issue 12).
  if (action.verb !== 'confirm' && action.verb !== 'skip' && action.verb !== 'start') return undefined;
  const step = rollout.plan.steps.find((s) => s.id === action.stepId);
  // A finished rollout, an unknown or a settled step: the rollout rules say why.
  if (!step || rollout.status === 'completed') return undefined;
  const status = deriveRolloutState(rollout.plan, events).steps.get(step.id)?.status;
  if (status === undefined || isSettled(status)) return undefined;
  const number = stepNumber(rollout.plan, step.id);
  if (!memberMayStart(view, member)) {
    const before = previousWave(view, member.wave) ?? 1;
    return msg('campaign.refused.waitsForWave', {
      step: number,
      server: member.server,
      wave: member.wave,
      previous: before,
      servers: unfinished(view, before),
    });
  }
  if (step.phase !== 'before' && view.sharedWaiting.length > 0) {
    return msg('campaign.refused.waitsForShared', { step: number, server: member.server, steps: numberRanges(view.sharedWaiting) });
  }
  return undefined;
}

function decideRelease(rollout: Rollout, events: RolloutEvent[], action: ReleaseAction, view: CampaignView, now: Date): Decision {
  const member = memberOf(view, rollout.id);
  if (!member) return refuse(msg('campaign.refused.releaseWhat'));
  if (rollout.status === 'completed' || deriveRolloutState(rollout.plan, events).completed) {
    return refuse(msg('rollout.refused.finished'));
  }
  if (action.actor.id !== rollout.owner.id) {
    return refuse(msg('campaign.refused.releaseOwnerOnly', { owner: rollout.owner.name, server: member.server }));
  }
  if (member.released) {
    return refuse(msg('campaign.refused.releasedAlready', { server: member.server, user: member.released.by.name }));
  }
  if (waveOpen(view, member.wave)) return refuse(msg('campaign.refused.releaseNotNeeded', { server: member.server, wave: member.wave }));
  const note = (action.note ?? '').trim();
  if (!note) return refuse(msg('campaign.refused.releaseReason', { server: member.server }));
  if (note.length > MAX_NOTE_LENGTH) return refuse(msg('rollout.refused.note-too-long', { max: MAX_NOTE_LENGTH }));
  return { ok: true, events: [{ type: 'released', actor: action.actor, at: now.toISOString(), note, actionKey: action.actionKey }] };
}
