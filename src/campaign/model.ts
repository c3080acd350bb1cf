/**
 * A campaign: one change on several Exchange servers, a pilot first and the rest in
 * waves (issue 14). It is made of ordinary rollouts, so every rule, the outbox, the
 * thread and the export work as for one server:
 * - one rollout per server (a member), with its own plan from buildPlan, exactly as a
 *   single-server rollout;
 * - one rollout for the campaign itself (the hub), whose plan holds the steps that
 *   concern the organisation rather than one server (shared steps, done once) and
 *   whose card is the campaign card; the members' cards are posted in its thread.
 * The store keeps who belongs to which campaign, in which wave, and how far each
 * member is (a projection of its log, written in the same transaction as the log),
 * so the wave gate is decided inside the transaction that holds the rollout.
 */
import type { CompleteAnswers, Locale, Place } from '../../conversations/types';
import type { Plan } from '../../conversations/plan/model';
import type { MessageRef, Rollout, RolloutAction, RolloutEvent, Scope, UserRef } from '../rollout/model';
import type { MaintenanceWindow } from '../rollout/live-model';

/** Most servers one campaign may hold (the campaign card stays within Block Kit and Adaptive Card limits). */
export const MAX_CAMPAIGN_SERVERS = 20;
/** A campaign plans at least two servers; one server is an ordinary rollout. */
export const MIN_CAMPAIGN_SERVERS = 2;

/** The owner lets a server in a later wave start before the wave before it is complete, and says why. */
export interface ReleaseAction {
  verb: 'release';
  actor: UserRef;
  /** Why the server may start early; required, at most MAX_NOTE_LENGTH characters. */
  note?: string;
  actionKey: string;
}

/** Everything the store applies to a rollout: the rollout's own actions, and a release in a campaign. */
export type StoreAction = RolloutAction | ReleaseAction;

export function isReleaseAction(action: StoreAction): action is ReleaseAction {
  return action.verb === 'release';
}

/** Who released a server early, when and why (the 'released' event, as the campaign keeps it). */
export interface Release {
  by: UserRef;
  at: string;
  note: string;
}

/** One server of a campaign, as the store tracks it beside the server's own log. */
export interface CampaignMember {
  rolloutId: string;
  /** 1-based place in the campaign, as the owner listed the servers. */
  position: number;
  /** The server's name as the owner typed it (NetBIOS, kept verbatim). */
  server: string;
  /** 1 is the pilot; a server may start once the wave before it is complete (or it is released). */
  wave: number;
  /** Steps in its plan. */
  total: number;
  /** Steps done or skipped. */
  settled: number;
  /** Steps with an open problem. */
  problems: number;
  completed: boolean;
  released?: Release;
}

/**
 * What a campaign's rules and cards need to know, read (and, in an action, locked) in
 * the store's transaction: its hub, its members in order, and which shared steps the
 * servers still wait for.
 */
export interface CampaignView extends Pick<Rollout, 'id' | 'ref' | 'scope' | 'place' | 'owner' | 'locale'> {
  /** The campaign's id: its hub rollout's id. */
  id: string;
  /** Its hub's short reference in the channel ("#42"): how people name the campaign. */
  ref: number;
  /** Where the campaign card is (the members' thread root); empty until it is posted. */
  hubMessages: MessageRef[];
  /** The campaign card's first post failed for good: its members are never posted either. */
  hubFailed: boolean;
  members: CampaignMember[];
  /** Numbers (on the campaign card) of the shared preparation steps not yet done or skipped. */
  sharedWaiting: number[];
}

/** One server as posted: its name, wave, answers and plan. */
export interface NewCampaignMember {
  server: string;
  wave: number;
  answers: CompleteAnswers;
  plan: Plan;
}

/** A campaign about to be created, in one transaction: hub, members, projection and outbox rows. */
export interface NewCampaign {
  scope: Scope;
  /** Where it is posted (as NewRollout.place). */
  place?: Place;
  owner: UserRef;
  locale: Locale;
  /** The shared steps, drawn on the campaign card. */
  hubPlan: Plan;
  members: NewCampaignMember[];
  operators: UserRef[];
  /** Idempotency key of the "post campaign" click: a retried click posts one campaign. */
  actionKey: string;
  /** The adapter's note of where to post (Inbound.address), for the hub and every member. */
  address?: Record<string, unknown>;
  /** The owner's time zone (IANA), if the platform told it: the campaign's clock, as NewRollout.timeZone. */
  timeZone?: string;
  /** A maintenance window set in the interview: every rollout of the campaign starts with it. */
  window?: MaintenanceWindow;
}

export interface CampaignSnapshot {
  view: CampaignView;
  hub: Rollout;
  hubEvents: RolloutEvent[];
}

export interface CampaignStore {
  /**
   * Creates the hub and one rollout per server, their first events, the campaign's
   * membership rows and the outbox rows, in one transaction. The same actionKey in the
   * same scope returns the campaign created before.
   */
  createCampaign(input: NewCampaign): Promise<CampaignSnapshot>;
  /** The campaign a rollout of this scope belongs to (as hub or member), or undefined. */
  campaignOf(scope: Scope, rolloutId: string): Promise<CampaignView | undefined>;
}

/** The member of `view` that is this rollout, if it is one. */
export function memberOf(view: CampaignView, rolloutId: string): CampaignMember | undefined {
  return view.members.find((m) => m.rolloutId === rolloutId);
}

/** The waves in use, in order (1 first). */
export function wavesOf(view: Pick<CampaignView, 'members'>): number[] {
  return [...new Set(view.members.map((m) => m.wave))].sort((a, b) => a - b);
}

/** The wave before `wave` that is in use, if any. */
export function previousWave(view: Pick<CampaignView, 'members'>, wave: number): number | undefined {
  return wavesOf(view).filter((w) => w < wave).at(-1);
}

/**
 * Whether the servers of `wave` may start: the first wave always; a later one once
 * every server of the wave before it is complete. A released server may start anyway.
 */
export function waveOpen(view: Pick<CampaignView, 'members'>, wave: number): boolean {
  const before = previousWave(view, wave);
  if (before === undefined) return true;
  return view.members.filter((m) => m.wave === before).every((m) => m.completed);
}

/** Whether this member may start (its wave is open, or the owner released it). */
export function memberMayStart(view: Pick<CampaignView, 'members'>, member: CampaignMember): boolean {
  return member.released !== undefined || waveOpen(view, member.wave);
}

/**
 * Whether the whole campaign is complete: every server completed, and every shared step
 * settled (the hub's plan is its shared preparation steps only, so it completes exactly
 * when none waits any more). Like the wave gate, this only ever turns true.
 */
export function campaignComplete(view: Pick<CampaignView, 'members' | 'sharedWaiting'>): boolean {
  return view.sharedWaiting.length === 0 && view.members.every((m) => m.completed);
}
