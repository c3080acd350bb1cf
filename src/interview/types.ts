/**
 * The dialog engine's vocabulary: a pure function (state, event) -> (state, outputs).
 * No I/O; the bot (src/bot) loads and saves the state and carries out the outputs.
 */
import type { Answers, CompleteAnswers, KeptName, Locale, Place } from '../../conversations/types';
import type { Command } from '../../conversations/interview/words';
import type { Card } from '../cards/model';
import type { UserRef } from '../rollout/model';
import type { MaintenanceWindow } from '../rollout/live-model';

export interface DialogState {
  locale: Locale;
  answers: Answers;
  /** Earlier answer sets, most recent last, for "back". */
  history: Answers[];
  /** asking: questions remain; summary: waiting for "post plan" or a change. */
  stage: 'asking' | 'summary';
  /** Who may act on the rollout besides the owner (empty: anyone in the channel). */
  operators: UserRef[];
  /** ISO time the interview began. */
  startedAt: string;
  /** Where the plan will be posted ("post the plan in this channel"); absent: a channel. */
  place?: Place;
  /** A maintenance window set during the interview ("window 22:00-02:00"); it goes with the plan. */
  window?: MaintenanceWindow;
  /**
   * Cluster names typed before the topology was known ("2000 enterprise EXCH1 EXCH2"),
   * waiting to fill the name slots once a cluster topology is chosen. Kept beside the
   * answers, never in them, so the plan never sees them. Absent when there are none.
   */
  keptNames?: KeptName[];
  /**
   * `keptNames` as it was before each entry of `history` (same index), for "back".
   * Absent when all are empty; a missing entry means none.
   */
  keptNamesHistory?: KeptName[][];
}

export type DialogCommand = Command;

export type DialogEvent =
  /** `/exchange-sp [text]`, a Teams message to the bot, a console line at the start. */
  | { type: 'start'; text: string; mentions?: UserRef[] }
  /** Any later free text (answers, "back", "nl", "operators @a @b", ...). */
  | { type: 'text'; text: string; mentions?: UserRef[] }
  /** A button or select: question id and value. */
  | { type: 'answer'; question: string; value: string }
  | { type: 'command'; command: DialogCommand; question?: string }
  | { type: 'language'; locale: Locale };

export type DialogOutput =
  /** Show this card to the interviewed user only (question, summary, help, error). */
  | { type: 'card'; card: Card }
  /** The interview is complete and confirmed: post the plan. State is cleared. */
  | { type: 'post-plan'; answers: CompleteAnswers; operators: UserRef[]; locale: Locale; window?: MaintenanceWindow }
  /** The user cancelled: state is cleared. */
  | { type: 'cancelled'; card: Card };

export interface DialogResult {
  /** undefined: the interview is over (posted or cancelled); delete the saved state. */
  state: DialogState | undefined;
  outputs: DialogOutput[];
}

export interface DialogContext {
  /** Locale to start in when there is no state yet (the user's choice, or the platform's hint). */
  locale: Locale;
  /**
   * True when `locale` is only a guess (the platform's language or LANG; the user never
   * chose one): then the words that start an interview may decide its language
   * ("2000 standaard niet geclusterd" starts in Dutch). Absent: the user chose it.
   */
  localeIsGuess?: boolean;
  now: Date;
  /** The person being interviewed (the plan's owner-to-be). */
  user?: UserRef;
  /** Where the plan will be posted; kept in the state for the words that speak of it. */
  place?: Place;
  /** Their time zone (IANA): a window typed in the interview is read on their clock. */
  timeZone?: string;
}
