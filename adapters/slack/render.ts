/**
 * Neutral Card -> Block Kit messages. Pure: the same card always gives the same
 * blocks, so the first post and every update of a plan are drawn by this one function
 * (and the benchmark can call it without Slack). A card that does not fit Slack's
 * limits (limits.ts) is split over several messages; later parts repeat the title
 * with their number ("Title (2/3)", as in Teams). Every word comes final from the
 * core in the card's language: this renderer adds markup, never words.
 * https://docs.slack.dev/block-kit
 * https://docs.slack.dev/reference/block-kit/blocks/section-block
 */
import type { Locale } from '../../conversations/types';
import { stepMark, type Button, type Card, type CardBlock, type InputBlock, type PeopleBlock, type StepBlock, type StepMarks } from '../../src/cards/model';
import { encodeActionPayload } from '../../src/cards/actions';
import { MAX_OPERATORS } from '../../conversations/limits';
import {
  SLACK_LIMITS as L,
  blockTextLength,
  clipMrkdwn,
  escapeMrkdwn,
  fitMrkdwn,
  mrkdwn,
  plain,
  splitText,
  type SlackActionElement,
  type SlackBlock,
  type SlackButton,
  type SlackMessage,
  type SlackOverflow,
} from './block-kit';
import { encodeButtonValue, encodeOptionValue } from './button-value';

export type { SlackMessage, SlackBlock } from './block-kit';

export interface RenderOptions {
  /**
   * Ignored: the card's words arrive in the card's language (a Dutch plan stays Dutch
   * for an English-speaking clicker). Kept so callers that still pass it compile.
   */
  locale?: Locale;
  /** Permalinks by message ts, for text blocks that refer to a posted plan (status card). */
  permalinks?: Record<string, string>;
}

/** Prefix of the action_id of a text input; its block_id carries the submitting payload. */
export const INPUT_ACTION_PREFIX = 'in:';
/** Prefix of the block_id of the people picker's actions block; then a number, ":" and the payload it sends. */
export const PICKER_BLOCK_PREFIX = 'pick:';

/** Signs beside the words of each state (no meaning rests on colour): ready, waiting, done, skipped. */
const MARKS: StepMarks = {
  ready: ':arrow_forward:',
  waiting: ':hourglass_flowing_sand:',
  done: ':white_check_mark:',
  skipped: ':fast_forward:',
  problem: ':warning:',
};

/** Blocks that must stay in the same message (a step's text and its buttons). */
interface Unit {
  blocks: SlackBlock[];
}

export function renderCardForSlack(card: Card, options: RenderOptions = {}): SlackMessage[] {
  let counter = 0;
  // action_id must be unique within a message; a card-wide counter makes it so in every part.
  const nextId = (prefix: string) => `${prefix}-${counter++}`;
  const button = (b: Button, prefix: string, step?: number): SlackButton => {
    const out: SlackButton = {
      type: 'button',
      action_id: nextId(prefix),
      text: plain(b.label, L.buttonLabel),
      value: encodeButtonValue(b, step),
    };
    if (b.style) out.style = b.style;
    return out;
  };
  const inputSubmitters = new Map<string, Button>();
  for (const block of card.blocks) {
    const buttons = block.type === 'actions' || block.type === 'step' ? block.buttons : [];
    for (const b of buttons) {
      if (b.action.k === 'answer' && b.action.i && !inputSubmitters.has(b.action.i)) inputSubmitters.set(b.action.i, b);
    }
  }

  const overflow = (buttons: Button[], step: number): SlackOverflow | undefined => {
    // Slack refuses a menu with two equal values; two equal actions are one choice anyway.
    const seen = new Set<string>();
    const options = buttons.flatMap((b) => {
      const value = encodeOptionValue(b, step, card.locale);
      if (!value || seen.has(value)) return [];
      seen.add(value);
      return [{ text: plain(b.label, L.optionText), value }];
    });
    if (options.length < L.overflowOptionsMin) return undefined;
    return { type: 'overflow', action_id: nextId(`o${step}`), options: options.slice(0, L.overflowOptionsMax) };
  };
  const units: Unit[] = [];
  let title: string | undefined;
  for (const block of card.blocks) {
    if (block.type === 'header' && title === undefined) title = block.text;
    units.push(...renderBlock(block, { button, overflow, nextId, inputSubmitters, permalinks: options.permalinks ?? {} }));
  }
  return pack(units, notificationText(card), title);
}

interface BlockContext {
  button: (b: Button, prefix: string, step?: number) => SlackButton;
  /** An overflow menu of these actions; undefined for fewer than two. */
  overflow: (buttons: Button[], step: number) => SlackOverflow | undefined;
  nextId: (prefix: string) => string;
  inputSubmitters: Map<string, Button>;
  permalinks: Record<string, string>;
}

function renderBlock(block: CardBlock, ctx: BlockContext): Unit[] {
  switch (block.type) {
    case 'header':
      return [{ blocks: [{ type: 'header', text: plain(block.text, L.headerText) }] }];
    case 'text': {
      const url = block.link ? ctx.permalinks[block.link.message.id] : undefined;
      if (url && isSafeUrl(url)) {
        // The whole line links to the plan: `<url|text>` (the label escaped like any mrkdwn).
        const label = fitMrkdwn(block.text, L.sectionText - url.length - 3);
        return [{ blocks: [{ type: 'section', text: mrkdwn(`<${url}|${label}>`) }] }];
      }
      return renderText(block.text, block.style ?? 'plain');
    }
    case 'facts': {
      const fields = block.items.map((item) =>
        mrkdwn(clipMrkdwn(`*${escapeMrkdwn(item.label)}*\n${escapeMrkdwn(item.value)}`, L.fieldText)),
      );
      return chunk(fields, L.fieldsPerSection).map((part) => ({ blocks: [{ type: 'section', fields: part }] }));
    }
    case 'divider':
      return [{ blocks: [{ type: 'divider' }] }];
    case 'context':
      return [{ blocks: [{ type: 'context', elements: [mrkdwn(fitMrkdwn(block.text, L.contextText))] }] }];
    case 'step':
      return [renderStep(block, ctx)];
    case 'actions': {
      const elements = block.buttons.map((b) => ctx.button(b, 'b'));
      return chunk(elements, L.actionsElements).map((part) => ({ blocks: [{ type: 'actions', elements: part }] }));
    }
    case 'input':
      return [renderInput(block, ctx)];
    case 'people':
      return [renderPeople(block, ctx)];
  }
}

function renderText(text: string, style: 'plain' | 'strong' | 'emphasis' | 'warning' | 'muted'): Unit[] {
  if (style === 'muted') {
    return splitText(escapeMrkdwn(text), L.contextText).map((piece) => ({
      blocks: [{ type: 'context', elements: [mrkdwn(piece)] }],
    }));
  }
  // Room for the markup we wrap around each piece.
  const pieces = splitText(escapeMrkdwn(text), L.sectionText - 20);
  return pieces.map((piece) => {
    const body =
      style === 'strong' || style === 'emphasis' ? `*${piece.trim()}*` : style === 'warning' ? `:warning: ${piece}` : piece;
    return { blocks: [{ type: 'section', text: mrkdwn(body) }] };
  });
}

/**
 * A step in "Next up" (view 'full'): its whole text, then Confirm and a "…" menu with
 * the other actions and "Details". A step of the plan (view 'line'): one line with
 * where it stands, and the menu beside it. Slack cannot open text in place, so
 * "Details" answers privately with the step's full text and sources.
 */
function renderStep(step: StepBlock, ctx: BlockContext): Unit {
  const mark = stepMark(step, MARKS);
  const heading = `${mark} *${step.number}. ${escapeMrkdwn(step.title)}*`;
  const secondary: Button[] = [...step.more];
  if (step.detailsAction) secondary.push({ label: step.labels.details, action: step.detailsAction });
  const problemOnly = step.problemLine ? `\n${MARKS.problem} *${escapeMrkdwn(step.problemLine)}*` : '';
  // Who is on it and who has it, in small words under the step (issue 12).
  const problem = problemOnly + (step.peopleLine ? `\n_${escapeMrkdwn(step.peopleLine)}_` : '');
  if (step.view === 'line') {
    const text = mrkdwn(clipMrkdwn(`${heading} · ${escapeMrkdwn(step.statusLine)}${problem}`, L.sectionText));
    const accessory = ctx.overflow(secondary, step.number) ?? (secondary[0] ? ctx.button(secondary[0], `s${step.number}`, step.number) : undefined);
    return { blocks: [accessory ? { type: 'section', text, accessory } : { type: 'section', text }] };
  }
  const lines = [heading, ...step.details.map(escapeMrkdwn)];
  if (step.citation) lines.push(`_${escapeMrkdwn(step.citation)}_`);
  // The problem and people lines are what people look for: keep them when details must be cut.
  const text = mrkdwn(clipMrkdwn(lines.join('\n'), L.sectionText - problem.length) + problem);
  const elements: SlackActionElement[] = step.buttons.map((b) => ctx.button(b, `s${step.number}`, step.number));
  const menu = ctx.overflow(secondary, step.number);
  if (menu) elements.push(menu);
  else if (secondary[0]) elements.push(ctx.button(secondary[0], `s${step.number}`, step.number));
  const blocks: SlackBlock[] = [{ type: 'section', text }];
  for (const part of chunk(elements, L.actionsElements)) blocks.push({ type: 'actions', elements: part });
  return { blocks };
}

/** Who may act: the access line, and Slack's people picker with "Anyone" beside it. */
function renderPeople(block: PeopleBlock, ctx: BlockContext): Unit {
  const text = mrkdwn(fitMrkdwn(`${block.label}\n${block.text}`, L.sectionText).replace(/^([^\n]*)/, (label) => `*${label}*`));
  const blocks: SlackBlock[] = [{ type: 'section', text }, { type: 'context', elements: [mrkdwn(fitMrkdwn(block.hint, L.contextText))] }];
  // "pick:<n>:<payload>": unique in the message (block ids must be), and what the picker sends.
  const blockId = `${PICKER_BLOCK_PREFIX}${ctx.nextId('p')}:${encodeActionPayload(block.pick)}`;
  if (blockId.length <= L.blockId) {
    const picker: SlackActionElement = {
      type: 'multi_users_select',
      action_id: ctx.nextId('people'),
      placeholder: plain(block.placeholder, L.placeholder),
      max_selected_items: MAX_OPERATORS,
    };
    if (block.selected.length) picker.initial_users = block.selected.map((p) => p.id);
    blocks.push({ type: 'actions', block_id: blockId, elements: [picker, ctx.button(block.anyone, 'people')] });
  }
  return { blocks };
}

function renderInput(input: InputBlock, ctx: BlockContext): Unit {
  const element: SlackBlock & { type: 'input' } = {
    type: 'input',
    label: plain(input.label, L.inputLabel),
    element: { type: 'plain_text_input', action_id: `${INPUT_ACTION_PREFIX}${input.id}` },
  };
  if (input.placeholder) element.element.placeholder = plain(input.placeholder, L.placeholder);
  if (input.initial) element.element.initial_value = input.initial;
  if (input.maxLength) element.element.max_length = Math.min(input.maxLength, L.inputMaxLength);
  const submitter = ctx.inputSubmitters.get(input.id);
  const blockId = submitter ? `input:${encodeActionPayload(submitter.action)}` : undefined;
  if (blockId && blockId.length <= L.blockId) {
    // Enter in the field sends the same answer as clicking its button (Slack allows
    // input blocks with dispatch_action in messages, not only in modals).
    element.block_id = blockId;
    element.dispatch_action = true;
    element.element.dispatch_action_config = { trigger_actions_on: ['on_enter_pressed'] };
  }
  return { blocks: [element] };
}

/** card.fallback, or the first words of the card: Slack wants a notification text on every message. */
function notificationText(card: Card): string {
  const candidates = [card.fallback, ...card.blocks.map((b) => ('text' in b ? b.text : b.type === 'step' ? b.title : ''))];
  return fitMrkdwn(candidates.find((c) => c.trim().length > 0) ?? '…', L.notificationText);
}

/** "Title (2/3)": the part's number, no words (the title is already in the card's language). */
function partTitle(title: string, part: number, total: number): { type: 'plain_text'; text: string; emoji?: boolean } {
  const suffix = ` (${part}/${total})`;
  const room = plain(title, L.headerText - suffix.length);
  return { ...room, text: room.text + suffix };
}

function pack(units: Unit[], text: string, title: string | undefined): SlackMessage[] {
  const messages: SlackMessage[] = [];
  const continuations: SlackBlock[] = [];
  let current: SlackBlock[] = [];
  let used = 0;
  const startNext = () => {
    messages.push({ text, blocks: current });
    current = [];
    used = 0;
    if (title !== undefined) {
      // The total is known once packed: sized here for the widest number it can get.
      const header: SlackBlock = { type: 'header', text: partTitle(title, 99, 99) };
      continuations.push(header);
      current.push(header);
      used += blockTextLength(header);
    }
  };
  for (const unit of units) {
    const size = unit.blocks.reduce((n, b) => n + blockTextLength(b), 0);
    const startsFresh = current.length === 0 || (title !== undefined && current.length === 1 && messages.length > 0);
    if (!startsFresh && (current.length + unit.blocks.length > L.blocksPerMessage || used + size > L.blockTextPerMessage)) {
      startNext();
    }
    current.push(...unit.blocks);
    used += size;
  }
  if (current.length > 0 || messages.length === 0) messages.push({ text, blocks: current });
  continuations.forEach((header, index) => {
    if (header.type === 'header' && title !== undefined) header.text = partTitle(title, index + 2, messages.length);
  });
  return messages;
}

/** Slack's link syntax breaks on |, < and >; only plain https links are drawn. */
function isSafeUrl(url: string): boolean {
  return /^https:\/\/[^\s|<>]+$/.test(url) && url.length < 500;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
