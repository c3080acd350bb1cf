/**
 * A rollout: one posted plan and its event log. The event log is the truth; step
 * status is derived from it (see status.ts). Rollouts are scoped to the platform,
 * workspace (Slack team/enterprise, Teams tenant, 'local' for the console) and
 * channel they were posted in.
 */
import type { CompleteAnswers, Locale, Place } from '../../conversations/types';
import type { Msg } from '../../conversations/strings';
import type { Plan } from '../../conversations/plan/model';
import type { LiveEventDetail, MaintenanceWindow, StakeholderChannel } from './live-model';

export type Platform = 'slack' | 'teams' | 'console';

export interface Scope {
  platform: Platform;
  /** Slack team (or enterprise) id, Teams tenant id, 'local' for the console. */
  workspace: string;
  /** Slack channel id, Teams conversation id, 'console'. */
  channel: string;
}

export interface UserRef {
  /** Platform user id (Slack U..., Teams AAD object id or 29:..., console login). */
  id: string;
  /** Display name at the time of the action. */
  name: string;
}

/** Where one part of a posted plan lives; opaque to the core, defined by the adapter. */
export interface MessageRef {
  /** e.g. Slack message ts, Teams activity id. */
  id: string;
  /** Adapter-specific extras (Teams conversation reference, Slack thread ts...). */
  meta?: Record<string, unknown>;
}

export type RolloutStatus = 'active' | 'completed';

export interface Rollout {
  id: string;
  /** Its number among the rollouts of its channel, from 1: shown and typed as "#42" (short-ref.ts). */
  ref: number;
  scope: Scope;
  /** Where it was posted: a channel, a group chat, a personal chat or the console (the card's words). */
  place: Place;
  owner: UserRef;
  locale: Locale;
  answers: CompleteAnswers;
  plan: Plan;
  /** The posted plan messages, in order (a long plan is split over several). */
  messages: MessageRef[];
  createdAt: string;
  status: RolloutStatus;
  /** Number of events recorded; grows by one per event. */
  version: number;
}

/** start: I am on it now; take: assign it to me. */
export type StepVerb = 'confirm' | 'skip' | 'problem' | 'undo' | 'start' | 'take';
export const STEP_VERBS: readonly StepVerb[] = ['confirm', 'skip', 'problem', 'undo', 'start', 'take'];

export type RolloutEventType =
  | 'created'
  | 'confirmed'
  | 'skipped'
  | 'problem'
  | 'undone'
  | 'operators-set'
  | 'completed'
  /** A server of a campaign may start before the wave before it is complete (src/campaign/gate.ts). */
  | 'released'
  // The live record (live-model.ts):
  | 'started'
  | 'assigned'
  | 'restriction-set'
  | 'window-set'
  | 'limit-set'
  | 'notify-set'
  | 'reminded';

export interface RolloutEvent extends LiveEventDetail {
  rolloutId: string;
  /** 1-based position in the rollout's log: the total order of what happened. */
  seq: number;
  type: RolloutEventType;
  stepId?: string;
  actor: UserRef;
  /** ISO 8601 UTC. */
  at: string;
  /** Skip reason or problem note. */
  note?: string;
  /** For 'operators-set': who may act from now on (empty: anyone in the channel). */
  operators?: UserRef[];
  /** The idempotency key of the action that caused it. */
  actionKey?: string;
}

/** An event about to be recorded: the store assigns seq. */
export type NewRolloutEvent = Omit<RolloutEvent, 'seq' | 'rolloutId'>;

/** What a person asks to do with a rollout. */
export type RolloutAction =
  | {
      verb: StepVerb;
      stepId: string;
      actor: UserRef;
      note?: string;
      actionKey: string;
      /** For a skip of a step that protects data: the person was told the risk and skips anyway. */
      riskAccepted?: boolean;
    }
  | { verb: 'set-operators'; operators: UserRef[]; actor: UserRef; actionKey: string }
  /** Assign a step (null: to nobody). */
  | { verb: 'assign'; stepId: string; assignee: UserRef | null; actor: UserRef; actionKey: string }
  /** Only the assignee (or the owner) may settle an assigned step: on or off. */
  | { verb: 'restrict'; on: boolean; actor: UserRef; actionKey: string }
  /** The maintenance window (null: none). */
  | { verb: 'set-window'; window: MaintenanceWindow | null; actor: UserRef; actionKey: string }
  /** How long a step may be in progress before a reminder (null: the default). */
  | { verb: 'set-limit'; stepId: string; minutes: number | null; actor: UserRef; actionKey: string }
  /** The stakeholder channel (null: none). */
  | { verb: 'notify'; channel: StakeholderChannel | null; actor: UserRef; actionKey: string }
  /** The delivery worker records the reminders due now (src/rollout/reminders.ts). */
  | { verb: 'remind'; actor: UserRef; actionKey: string };

/** The pure rules' answer to an action (see decide.ts). */
export type Decision =
  | { ok: true; events: NewRolloutEvent[] }
  | { ok: false; reason: Msg };

/** What the store answers after applying an action inside one transaction. */
export type ActionResult =
  | { outcome: 'recorded'; rollout: Rollout; events: RolloutEvent[]; recorded: RolloutEvent[] }
  | { outcome: 'duplicate'; rollout: Rollout; events: RolloutEvent[] }
  | { outcome: 'refused'; rollout: Rollout; events: RolloutEvent[]; reason: Msg }
  /** No such rollout in this scope: the same answer whether it exists elsewhere or not. */
  | { outcome: 'not-found' };

export interface NewRollout {
  scope: Scope;
  /** Where it is posted; default: 'here' for the console, else 'channel'. */
  place?: Place;
  owner: UserRef;
  locale: Locale;
  answers: CompleteAnswers;
  plan: Plan;
  operators: UserRef[];
  /** Idempotency key of the "post plan" click, so a retried click posts one rollout. */
  actionKey: string;
  /** The adapter's note of where to post and how to reach the owner later (Inbound.address). */
  address?: Record<string, unknown>;
  /** The owner's time zone (IANA), for the times the card shows. */
  timeZone?: string;
  /** A maintenance window set during the interview. */
  window?: MaintenanceWindow;
}

export interface RolloutSnapshot {
  rollout: Rollout;
  events: RolloutEvent[];
}
