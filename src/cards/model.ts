/**
 * The neutral card model: what the bot shows, described once and drawn three ways
 * (Block Kit in adapters/slack, Adaptive Card 1.5 in adapters/teams, plain text in
 * src/cards/text.ts). All strings are final text in the user's language, with no
 * markup: renderers escape them for their platform.
 */
import type { ActionPayload } from './actions';
import type { StepStatus } from '../plan/status';
import type { MessageRef } from '../plan/rollout-model';

export interface Card {
  /** Short text for notifications and fallbacks (Slack `text`, Teams summary). */
  fallback: string;
  blocks: CardBlock[];
}

export type CardBlock =
  | HeaderBlock
  | TextBlock
  | FactsBlock
  | DividerBlock
  | StepBlock
  | ActionsBlock
  | InputBlock
  | ContextBlock;

export interface HeaderBlock {
  type: 'header';
  text: string;
}

export interface TextBlock {
  type: 'text';
  text: string;
  /** strong: a phase heading; warning: a trap not to miss; muted: background. */
  style?: 'plain' | 'strong' | 'warning' | 'muted';
  /** The text is about a posted plan: renderers that can, link to its first message. */
  link?: { rolloutId: string; message: MessageRef };
  /**
   * The same text for a surface without buttons (the console's plain text), where a
   * choice is typed rather than clicked. Final text, like `text`.
   */
  typed?: string;
}

export interface FactsBlock {
  type: 'facts';
  items: { label: string; value: string }[];
}

export interface DividerBlock {
  type: 'divider';
}

/** Small print: progress line, who/when, ids. */
export interface ContextBlock {
  type: 'context';
  text: string;
}

/** One step of a plan with its status and the buttons allowed now. */
export interface StepBlock {
  type: 'step';
  stepId: string;
  /** 1-based number in the plan, as users refer to it ("confirm 3"). */
  number: number;
  title: string;
  details: string[];
  /** e.g. "KB 316794 · E2K-3" */
  references: string;
  status: StepStatus;
  /** The status as a word in the card's language ("Done", "Klaar"): renderers never translate. */
  statusLabel: string;
  /** e.g. "Done by Alice, 24 Nov 10:32 UTC" or "Waiting for step 4". */
  statusLine?: string;
  /**
   * Who is on it and who has it (issue 12), final text: "in progress — Bob, since 23:14
   * CET · assigned to Carol", or "took 1 h 5 min" once done after a Start.
   */
  peopleLine?: string;
  buttons: Button[];
}

export interface ActionsBlock {
  type: 'actions';
  buttons: Button[];
}

/** A free-text field; its value is sent with the button that names it in `input`. */
export interface InputBlock {
  type: 'input';
  id: string;
  label: string;
  placeholder?: string;
  initial?: string;
  maxLength?: number;
}

export interface Button {
  label: string;
  action: ActionPayload;
  style?: 'primary' | 'danger';
  /**
   * The action needs a short text from the clicker first (skip reason, problem note).
   * Slack opens a modal, Teams shows an inline card, the console asks for it.
   */
  note?: { title: string; label: string; placeholder?: string; submit: string };
}
