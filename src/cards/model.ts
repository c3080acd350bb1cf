/**
 * The neutral card model: what the bot shows, described once and drawn three ways
 * (Block Kit in adapters/slack, Adaptive Card 1.5 in adapters/teams, plain text in
 * src/cards/text.ts). All strings are final text in the user's language, with no
 * markup: renderers escape them for their platform.
 */
import type { ActionPayload } from './actions';
import type { StepStatus } from '../rollout/status';
import type { MessageRef } from '../rollout/model';
import type { Locale } from '../../conversations/types';

export interface Card {
  /** Short text for notifications and fallbacks (Slack `text`, Teams summary). */
  fallback: string;
  /** The language its words are in, for what a renderer must fetch later (a Slack note modal's texts). */
  locale?: Locale;
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
  | ContextBlock
  | PeopleBlock;

export interface HeaderBlock {
  type: 'header';
  text: string;
}

export interface TextBlock {
  type: 'text';
  text: string;
  /** strong: a heading; emphasis: a line to catch the eye (progress); warning: a trap not to miss; muted: background. */
  style?: 'plain' | 'strong' | 'emphasis' | 'warning' | 'muted';
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

/**
 * Where a step stands, as a tired admin needs to see it: it can be done now (ready),
 * it waits for earlier steps (waiting), or it is settled (done, skipped).
 */
export type StepStage = 'ready' | 'waiting' | 'done' | 'skipped';

/** The sign each renderer puts beside a step's words (no meaning rests on colour). */
export type StepMarks = Record<StepStage | 'problem', string>;

/** A step's sign: a problem outranks the stage. */
export function stepMark(step: Pick<StepBlock, 'stage' | 'status'>, marks: StepMarks): string {
  return step.status === 'problem' ? marks.problem : marks[step.stage];
}

/** One step of a plan: what it is, where it stands, and what may be done with it now. */
export interface StepBlock {
  type: 'step';
  stepId: string;
  /** 1-based number in the plan, as users refer to it ("confirm 3"). */
  number: number;
  title: string;
  stage: StepStage;
  /** The status from the log (a problem may be reported on a ready or a waiting step). */
  status: StepStatus;
  /**
   * full: everything shown with its buttons ("Next up"); line: one line (number,
   * title, status line), the rest opened on request (a toggle, an overflow menu).
   */
  view: 'full' | 'line';
  /** "Done by Alice · 24 Nov 2026 10:32 UTC", "waits for steps 2–4", "next up". */
  statusLine: string;
  /** "Problem reported by Bob · 10:32: setup stopped", while a problem is open. */
  problemLine?: string;
  /**
   * Who is on it and who has it (issue 12), final text: "in progress — Bob, since 23:14
   * CET · assigned to Carol", or "took 1 h 5 min" once done after a Start.
   */
  peopleLine?: string;
  /** How, where, why. */
  details: string[];
  /** The citation a person can use: "KB 328839 · read KB 301378" (empty for the bot's own advice). */
  citation: string;
  /** For the details view only: the FACTS ids the step comes from, in words. */
  sources: string;
  /** The primary action (Confirm, on a ready step). */
  buttons: Button[];
  /** The other actions allowed now (Skip…, Problem…, Undo): behind "More" or an overflow menu. */
  more: Button[];
  /** Opens the step's full text where a platform cannot toggle it in place (Slack: a private reply). */
  detailsAction?: ActionPayload;
  /** Button words, final in the card's language. */
  labels: { details: string; more: string };
  /** Why the viewer's last click on this step was refused (drawn under it, for them alone). */
  refusal?: string;
}

/**
 * Who may act on a plan, and the control its owner changes it with: the platform's
 * people picker (Slack multi_users_select, Teams Input.ChoiceSet over the members) and
 * a button that opens the plan to anyone. Others may use it too: the core refuses.
 */
export interface PeopleBlock {
  type: 'people';
  label: string;
  /** "Anyone in this channel can confirm steps." / "Only Bob and Alice (owner) can act on this plan." */
  text: string;
  /** "Only Alice, who posted this plan, can change who may act." */
  hint: string;
  /** The same hint where nothing can be picked (the console): what to type. */
  typed: string;
  placeholder: string;
  /** The operators now (preselected in the picker). */
  selected: { id: string; name: string }[];
  /** People the plan knows, offered before any search: the operators, whoever acted on it, its owner. */
  candidates: { id: string; name: string }[];
  /** Sent with the picked people. */
  pick: ActionPayload;
  /** Teams' picker needs a button to send the choice (Slack sends on change). */
  submit: string;
  /** "Anyone in this channel". */
  anyone: Button;
  /** Why the viewer's last change was refused (drawn here, for them alone). */
  refusal?: string;
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
