/**
 * The store: rollouts and their event logs, interview state, and small settings.
 * Two implementations pass the same contract suite (test/src/store/contract.ts):
 * SQLite (embedded default, one file) and Postgres (shared by replicas).
 *
 * Every action is one transaction that serialises on the rollout: read the log, let
 * the pure rules in src/rollout/decide.ts decide, append the events. Nothing is read
 * before the transaction and written after it, so concurrent clicks never lose an
 * update. A repeated action key records nothing and answers 'duplicate'.
 */
import type { Settings } from '../runtime/settings';
import type {
  ActionResult,
  MessageRef,
  NewRollout,
  Rollout,
  RolloutSnapshot,
  RolloutStatus,
  Scope,
} from '../rollout/model';

import type { CampaignStore, CampaignView, StoreAction } from '../campaign/model';
import type { DeliveryStore } from './delivery-model';

/** An action's result; for a rollout of a campaign, the campaign as it stands after it. */
export type StoreActionResult = ActionResult & { campaign?: CampaignView };

export type StoreKind = 'sqlite' | 'postgres';

/** A rollout plus where it came from, for the audit export. */
export interface RolloutFilter {
  status?: RolloutStatus;
  /** Most recent first; default 50. */
  limit?: number;
}

export interface Store extends DeliveryStore, CampaignStore, Settings {
  readonly kind: StoreKind;
  /** Creates or upgrades the schema; safe when several replicas start at once. */
  migrate(): Promise<void>;
  /** Resolves when the database answers; rejects otherwise (drives /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;

  /**
   * Creates a rollout and its 'created' event (and 'operators-set' when operators
   * are given). The same actionKey in the same scope returns the existing rollout.
   */
  createRollout(input: NewRollout): Promise<RolloutSnapshot>;
  /** A rollout of exactly this scope, or undefined (also when it exists in another scope). */
  getRollout(scope: Scope, id: string): Promise<RolloutSnapshot | undefined>;
  /** The rollout with this short reference (#42) in exactly this channel, or undefined. */
  getRolloutByRef(scope: Scope, ref: number): Promise<RolloutSnapshot | undefined>;
  /** Rollouts of one channel (scope) or of a whole workspace (scope without channel). */
  listRollouts(
    scope: Scope | Omit<Scope, 'channel'>,
    filter?: RolloutFilter,
  ): Promise<Rollout[]>;
  /** Remembers where the plan was posted (set once posted; replaced when re-split). */
  setMessages(scope: Scope, id: string, messages: MessageRef[]): Promise<void>;
  /**
   * One transaction: decide with src/rollout/decide.ts (and src/campaign/gate.ts for a
   * rollout of a campaign, whose row is locked in the same transaction) and append.
   */
  applyAction(scope: Scope, id: string, action: StoreAction, now: Date): Promise<StoreActionResult>;

  /** Interview state, by key (platform:workspace:channel:user). Expired entries read as undefined. */
  loadDialog(key: string): Promise<unknown | undefined>;
  saveDialog(key: string, state: unknown, ttlSeconds: number): Promise<void>;
  deleteDialog(key: string): Promise<void>;
}

/** The store's interview state and settings: one file per store implements them. */
export type DialogsAndSettings = Pick<Store, 'loadDialog' | 'saveDialog' | 'deleteDialog' | 'getSetting' | 'putSetting' | 'deleteSetting'>;
