/**
 * A campaign interview's state and outputs. It is saved where a single interview is
 * (the store's dialogs, one per person per channel), told apart by `kind`.
 */
import type { CompleteAnswers, Locale } from '../../conversations/types';
import type { Card } from '../cards/model';
import type { DialogState } from './types';
import type { UserRef } from '../rollout/model';
import type { MaintenanceWindow } from '../rollout/live-model';

export interface CampaignServerDraft {
  /** As typed; empty only while the first server waits for its name. */
  name: string;
  /** 1 is the pilot. */
  wave: number;
  /** The server's own interview, run by the single-server engine. */
  dialog: DialogState;
}

export interface CampaignDialogState {
  kind: 'campaign';
  locale: Locale;
  servers: CampaignServerDraft[];
  /** The server whose questions are being asked; absent at the summary. */
  current?: number;
  /** Waiting for the name of the server described so far ('first') or of the next one. */
  awaitingName?: 'first' | 'next';
  /** Words said with "add another server" before the first server had a name, used once it has. */
  pendingText?: string;
  /** Who may act on every rollout of the campaign besides the owner (empty: anyone). */
  operators: UserRef[];
  startedAt: string;
  /** A maintenance window set during the interview ("window 22:00-02:00"): every server's and the shared steps'. */
  window?: MaintenanceWindow;
}

export type CampaignOutput =
  | { type: 'card'; card: Card }
  /** Confirmed: post the campaign. The state is cleared. */
  | { type: 'post-campaign'; servers: { server: string; wave: number; answers: CompleteAnswers }[]; operators: UserRef[]; locale: Locale; window?: MaintenanceWindow }
  | { type: 'cancelled'; card: Card };

export interface CampaignResult {
  /** undefined: the interview is over (posted or cancelled). */
  state: CampaignDialogState | undefined;
  outputs: CampaignOutput[];
}

/** Either interview, as the store keeps it. */
export type SavedInterview = DialogState | CampaignDialogState;

export function isCampaignDialog(state: unknown): state is CampaignDialogState {
  return typeof state === 'object' && state !== null && (state as { kind?: unknown }).kind === 'campaign';
}
