/**
 * The small subset of Block Kit this adapter draws, typed narrowly so the renderer's
 * output is easy to check against Slack's limits (the types are structurally
 * assignable to @slack/types' KnownBlock; a test keeps it so).
 * https://docs.slack.dev/reference/block-kit/blocks
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
import { SLACK_LIMITS, truncate } from './limits';

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}

export interface SlackButton {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
  style?: 'primary' | 'danger';
}

/** One choice of an overflow menu: what it says and the payload it sends. */
export interface SlackOption {
  text: PlainText;
  value: string;
}

/** The "…" menu beside a step: its secondary actions (Skip…, Problem…, Undo, Details). */
export interface SlackOverflow {
  type: 'overflow';
  action_id: string;
  options: SlackOption[];
}

/** Slack's own people picker; it sends its choice as soon as the menu closes. */
export interface SlackUsersSelect {
  type: 'multi_users_select';
  action_id: string;
  placeholder?: PlainText;
  initial_users?: string[];
  max_selected_items?: number;
}

export type SlackActionElement = SlackButton | SlackOverflow | SlackUsersSelect;

export interface SlackTextInput {
  type: 'plain_text_input';
  action_id: string;
  placeholder?: PlainText;
  initial_value?: string;
  max_length?: number;
  multiline?: boolean;
  dispatch_action_config?: { trigger_actions_on: ('on_enter_pressed' | 'on_character_entered')[] };
}

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: Mrkdwn; fields?: Mrkdwn[]; accessory?: SlackButton | SlackOverflow }
  | { type: 'divider' }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'actions'; block_id?: string; elements: SlackActionElement[] }
  | {
      type: 'input';
      block_id?: string;
      label: PlainText;
      element: SlackTextInput;
      dispatch_action?: boolean;
      optional?: boolean;
    };

/** One Slack message: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters, so
 * user text like "<!channel>" or "A & B" shows as typed and never pings anyone.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes, then fits the result into `max` characters without cutting an entity in half. */
export function fitMrkdwn(text: string, max: number): string {
  return clipMrkdwn(escapeMrkdwn(text), max);
}

/** Fits already-escaped mrkdwn into `max` characters without cutting an entity in half. */
export function clipMrkdwn(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  return truncate(escaped, max).replace(/&[a-z]{0,3}…$/, '…');
}

export function plain(text: string, max: number): PlainText {
  // Slack rejects empty plain_text objects; a lone space keeps the block valid.
  return { type: 'plain_text', text: truncate(text, max) || ' ', emoji: true };
}

export function mrkdwn(text: string): Mrkdwn {
  return { type: 'mrkdwn', text: text || ' ' };
}

/** Characters of visible text in a block: what counts towards the per-message budget. */
export function blockTextLength(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (
        (block.text?.text.length ?? 0) +
        (block.fields ?? []).reduce((n, f) => n + f.text.length, 0) +
        (block.accessory ? elementTextLength(block.accessory) : 0)
      );
    case 'divider':
      return 0;
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + elementTextLength(e), 0);
    case 'input':
      return block.label.text.length + (block.element.placeholder?.text.length ?? 0) + (block.element.initial_value?.length ?? 0);
  }
}

function elementTextLength(element: SlackActionElement): number {
  switch (element.type) {
    case 'button':
      return element.text.text.length;
    case 'overflow':
      return element.options.reduce((n, o) => n + o.text.text.length, 0);
    case 'multi_users_select':
      return element.placeholder?.text.length ?? 0;
  }
}

/** Splits text into pieces of at most `max` characters, preferring line breaks. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never leave an escaped entity ("&amp;") split across two sections.
    const amp = rest.lastIndexOf('&', cut);
    if (amp > 0 && amp > cut - 5 && rest.indexOf(';', amp) >= cut) cut = amp;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

export { SLACK_LIMITS };
