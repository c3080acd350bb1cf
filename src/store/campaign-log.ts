/**
 * What both stores share about campaigns and that has nothing to do with SQL: rows
 * into a CampaignView, the rollouts a new campaign starts with, and what an action
 * on one of its rollouts changes in the projection (src/campaign/progress.ts) and
 * whose cards must be drawn again because of it.
 */
import { campaignComplete, type CampaignMember, type CampaignView, type NewCampaign, type Release } from '../campaign/model';
import { memberProgress, sharedWaiting, type MemberProgress } from '../campaign/progress';
import type { MessageRef, NewRollout, Rollout, RolloutEvent, Scope } from '../rollout/model';
import { headFromRow, type RolloutHeadRow } from './rollout-log';

/** The campaign's own row joined with its hub rollout and the hub's outbox row. */
export interface CampaignHeadRow extends RolloutHeadRow {
  shared_waiting: unknown;
  messages: unknown;
  post_state: string | null;
}

export interface CampaignMemberRow {
  rollout_id: string;
  position: number | string;
  server: string;
  wave: number | string;
  total: number | string;
  settled: number | string;
  problems: number | string;
  completed: number | boolean;
  released: unknown;
}

// Rows were written by us through these same types, so a cast after parsing is enough.
export function campaignFromRows(head: CampaignHeadRow, members: CampaignMemberRow[]): CampaignView {
  return {
    ...headFromRow(head),
    hubMessages: (head.messages ?? []) as MessageRef[],
    hubFailed: head.post_state === 'failed',
    members: members.map(memberFromRow).sort((a, b) => a.position - b.position),
    sharedWaiting: (head.shared_waiting ?? []) as number[],
  };
}

function memberFromRow(row: CampaignMemberRow): CampaignMember {
  const member: CampaignMember = {
    rolloutId: row.rollout_id,
    position: Number(row.position),
    server: row.server,
    wave: Number(row.wave),
    total: Number(row.total),
    settled: Number(row.settled),
    problems: Number(row.problems),
    completed: Boolean(row.completed),
  };
  if (row.released) member.released = row.released as Release;
  return member;
}

/** A campaign is only ever shown in the channel it was posted in. */
export function samePlace(view: CampaignView, scope: Scope): boolean {
  return view.scope.platform === scope.platform && view.scope.workspace === scope.workspace && view.scope.channel === scope.channel;
}

/** The rollouts a campaign is made of: the hub first, then each server in order. */
export function campaignRollouts(input: NewCampaign): { hub: NewRollout; members: NewRollout[] } {
  const common = {
    scope: input.scope,
    ...(input.place ? { place: input.place } : {}),
    owner: input.owner,
    locale: input.locale,
    operators: input.operators,
    ...(input.address ? { address: input.address } : {}),
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    ...(input.window ? { window: input.window } : {}),
  };
  // The hub keeps the pilot's answers (a rollout has answers); its plan is the shared steps.
  const hub: NewRollout = { ...common, answers: input.members[0].answers, plan: input.hubPlan, actionKey: input.actionKey };
  const members = input.members.map((m, i): NewRollout => ({ ...common, answers: m.answers, plan: m.plan, actionKey: `${input.actionKey}#${i + 1}` }));
  return { hub, members };
}

/** What an action recorded on a campaign's rollout changes beside its log. */
export interface CampaignWrites {
  /** The member's new projection row values, when the rollout is a member and they changed. */
  member?: { rolloutId: string; progress: MemberProgress };
  /** The hub's new list of waiting shared steps, when it changed. */
  sharedWaiting?: number[];
  /** Rollouts whose cards show this change (besides the rollout itself, redrawn anyway). */
  redraw: string[];
  /** The campaign after the change. */
  view: CampaignView;
  /**
   * This change completed the campaign (its last server, or its shared steps): the
   * campaign's closing summary is due, on the hub's outbox row, in this transaction.
   */
  closingDue?: true;
}

function sameProgress(a: CampaignMember, b: MemberProgress): boolean {
  return (
    a.settled === b.settled &&
    a.problems === b.problems &&
    a.completed === b.completed &&
    (a.released === undefined) === (b.released === undefined)
  );
}

/** After `events` were recorded on `rollout` (a hub or member of `view`): what to write and redraw. */
export function campaignWritesAfter(view: CampaignView, rollout: Rollout, events: RolloutEvent[]): CampaignWrites {
  if (rollout.id === view.id) {
    const waiting = sharedWaiting(rollout.plan, events);
    if (waiting.join() === view.sharedWaiting.join()) return { redraw: [], view };
    // Every server's card says whether it waits for the shared steps.
    const after = { ...view, sharedWaiting: waiting };
    return { sharedWaiting: waiting, redraw: view.members.map((m) => m.rolloutId), view: after, ...completing(view, after) };
  }
  const before = view.members.find((m) => m.rolloutId === rollout.id);
  if (!before) return { redraw: [], view };
  const progress = memberProgress(rollout.plan, events);
  if (sameProgress(before, progress)) return { redraw: [], view };
  const after: CampaignMember = { ...before, ...progress };
  if (!progress.released) delete after.released;
  const members = view.members.map((m) => (m.rolloutId === rollout.id ? after : m));
  // The campaign card shows every server; a completed server may open the next wave.
  const nextWave = view.members.map((m) => m.wave).filter((w) => w > before.wave).sort((a, b) => a - b)[0];
  const opened = progress.completed && !before.completed && nextWave !== undefined
    ? view.members.filter((m) => m.wave === nextWave).map((m) => m.rolloutId)
    : [];
  const next = { ...view, members };
  return { member: { rolloutId: rollout.id, progress }, redraw: [view.id, ...opened], view: next, ...completing(view, next) };
}

/** The campaign's closing summary becomes due once, with the change that completes the campaign. */
function completing(before: CampaignView, after: CampaignView): Pick<CampaignWrites, 'closingDue'> {
  return campaignComplete(after) && !campaignComplete(before) ? { closingDue: true } : {};
}
