/**
 * Neutral Card -> Adaptive Card 1.5 for Teams: one pure function used for the first
 * post, every update, invoke answers and the benchmark.
 * - Step buttons are Action.Execute (Universal Actions), so Teams sends an
 *   `adaptiveCard/action` invoke we can answer with the redrawn card:
 *   https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
 * - A button that needs a note becomes Action.ShowCard with an Input.Text and an
 *   Action.Execute: Teams has no modal like Slack, and inputs don't auto-submit.
 * - Core text is plain: it is drawn as TextRun (no markdown) so "*", "_" or "1." in a
 *   name or note stay literal. FactSet values do take markdown, so they are escaped.
 * - A card above MAX_CARD_BYTES is split at block boundaries over several cards.
 */
import type { ActionsBlock, Button, Card, CardBlock, InputBlock, StepBlock } from '../../src/cards/model';
import type { StepStatus } from '../../src/plan/status';
import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  MAX_ACTIONS_PER_SET,
  MAX_ANSWER_BUTTONS,
  MAX_CARD_BYTES,
  cardBytes,
  type AcAction,
  type AcElement,
  type AdaptiveCard,
} from './adaptive-card';
import { MAX_NOTE_LENGTH } from '../../src/plan/decide';
import { choiceInputId, executeData, noteInputId } from './action-data';
import { splitIntoParts } from './split';
import { planDeepLink } from './deep-link';

type TextStyle = 'plain' | 'strong' | 'warning' | 'muted' | 'context' | 'header';

/** Language-neutral status marks: the words come from the core's status line. */
const STATUS_MARK: Record<StepStatus, string> = { open: '○', done: '✔', skipped: '⤼', problem: '⚠' };
const STATUS_CONTAINER: Partial<Record<StepStatus, string>> = { done: 'good', problem: 'attention' };
const STATUS_COLOR: Record<StepStatus, string> = { open: 'Warning', done: 'Good', skipped: 'Default', problem: 'Attention' };

export function renderCardForTeams(card: Card): AdaptiveCard[] {
  const elements = renderBlocks(card.blocks);
  const whole = wrapCard(elements, card.fallback);
  if (cardBytes(whole) <= MAX_CARD_BYTES) return [whole];
  const header = card.blocks.find((b) => b.type === 'header');
  return splitIntoParts(elements, MAX_CARD_BYTES, (part, index, total) => {
    if (index === 0 || !header) return wrapCard(part, card.fallback);
    // Continuations repeat the title so each message stands on its own in the channel.
    const title = richText(`${header.text} (${index + 1}/${total})`, 'header');
    return wrapCard([title, ...part], card.fallback);
  });
}

function wrapCard(body: AcElement[], fallback: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: fallback,
    body,
    msteams: { width: 'Full' },
  };
}

function renderBlocks(blocks: CardBlock[]): AcElement[] {
  const out: AcElement[] = [];
  let separateNext = false;
  for (const block of blocks) {
    if (block.type === 'divider') {
      separateNext = true;
      continue;
    }
    const rendered = renderBlock(block);
    if (separateNext && rendered.length) rendered[0] = { ...rendered[0], separator: true, spacing: 'Medium' };
    separateNext = false;
    out.push(...rendered);
  }
  return out;
}

function renderBlock(block: Exclude<CardBlock, { type: 'divider' }>): AcElement[] {
  switch (block.type) {
    case 'header':
      return [richText(block.text, 'header')];
    case 'text': {
      const lines = textLines(block.text, block.style ?? 'plain');
      const url = block.link ? planDeepLink(block.link.message) : undefined;
      // A line about a posted plan opens it (the words stay the core's: a link, no label).
      return url ? lines.map((line) => withLink(line, url)) : lines;
    }
    case 'context':
      return textLines(block.text, 'context');
    case 'facts':
      return [
        {
          type: 'FactSet',
          facts: block.items.map((item) => ({ title: escapeMarkdown(item.label), value: escapeMarkdown(item.value) })),
        },
      ];
    case 'step':
      return [renderStep(block)];
    case 'actions':
      return renderActions(block);
    case 'input':
      return [renderInput(block)];
  }
}

/** One element per line: TextRun has no line-break markup. */
function textLines(text: string, style: TextStyle): AcElement[] {
  return text
    .split('\n')
    .map((line, index) => {
      const element = richText(line, style);
      return index === 0 ? element : { ...element, spacing: 'None' as const };
    });
}

function withLink(element: AcElement, url: string): AcElement {
  const inlines = (element as { inlines?: Record<string, unknown>[] }).inlines;
  if (!inlines) return element;
  return { ...element, inlines: inlines.map((run) => ({ ...run, selectAction: { type: 'Action.OpenUrl', url } })) } as AcElement;
}

export function richText(text: string, style: TextStyle): AcElement {
  const run: Record<string, unknown> = { type: 'TextRun', text };
  if (style === 'header') Object.assign(run, { size: 'Large', weight: 'Bolder' });
  if (style === 'strong') run.weight = 'Bolder';
  if (style === 'warning') Object.assign(run, { color: 'Attention' });
  if (style === 'muted' || style === 'context') run.isSubtle = true;
  if (style === 'context') run.size = 'Small';
  return { type: 'RichTextBlock', inlines: [run] };
}

function renderStep(step: StepBlock): AcElement {
  const items: AcElement[] = [
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'auto', items: [richText(STATUS_MARK[step.status], 'strong')] },
        { type: 'Column', width: 'stretch', items: [richText(`${step.number}. ${step.title}`, 'strong')] },
      ],
    },
  ];
  for (const detail of step.details) items.push({ ...richText(detail, 'plain'), spacing: 'Small' });
  if (step.references) items.push({ ...richText(step.references, 'context'), spacing: 'None' });
  if (step.statusLine) {
    items.push({
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: [{ type: 'TextRun', text: step.statusLine, color: STATUS_COLOR[step.status], weight: 'Bolder' }],
    });
  }
  // Who is on it and who has it: a small line under the status.
  if (step.peopleLine) items.push({ ...richText(step.peopleLine, 'context'), spacing: 'None' });
  if (step.buttons.length) items.push(...actionSets(step.buttons.map(renderButton)));
  const container: AcElement = { type: 'Container', id: `step-${step.stepId}`, spacing: 'Medium', items };
  const style = STATUS_CONTAINER[step.status];
  return style ? { ...container, style } : container;
}

function renderActions(block: ActionsBlock): AcElement[] {
  const answers = block.buttons.filter((b) => b.action.k === 'answer' && b.action.v !== undefined && !b.note);
  const question = answers[0]?.action.k === 'answer' ? answers[0].action.q : undefined;
  const sameQuestion = answers.every((b) => b.action.k === 'answer' && b.action.q === question);
  if (question && sameQuestion && answers.length > MAX_ANSWER_BUTTONS) {
    // A long list of answers reads better as a dropdown; the rest stay buttons.
    const others = block.buttons.filter((b) => !answers.includes(b));
    const id = choiceInputId(question);
    const choices: AcElement = {
      type: 'Input.ChoiceSet',
      id,
      style: 'compact',
      value: answers[0].action.k === 'answer' ? answers[0].action.v : undefined,
      choices: answers.map((b) => ({ title: b.label, value: b.action.k === 'answer' ? b.action.v : '' })),
    };
    const submit: AcAction = {
      type: 'Action.Execute',
      title: '✔',
      verb: 'answer',
      style: 'positive',
      data: executeData({ k: 'answer', q: question }, id),
    };
    return [choices, ...actionSets([submit, ...others.map(renderButton)])];
  }
  return actionSets(block.buttons.map(renderButton));
}

/** Teams drops actions past the sixth in a set (host config maxActions): wrap into more sets. */
function actionSets(actions: AcAction[]): AcElement[] {
  const sets: AcElement[] = [];
  for (let i = 0; i < actions.length; i += MAX_ACTIONS_PER_SET) {
    sets.push({ type: 'ActionSet', ...(i ? { spacing: 'Small' as const } : {}), actions: actions.slice(i, i + MAX_ACTIONS_PER_SET) });
  }
  return sets;
}

function renderInput(block: InputBlock): AcElement {
  const input: AcElement = { type: 'Input.Text', id: block.id, label: block.label };
  if (block.placeholder) input.placeholder = block.placeholder;
  if (block.initial) input.value = block.initial;
  if (block.maxLength) input.maxLength = block.maxLength;
  return input;
}

function buttonStyle(button: Button): AcAction['style'] {
  if (button.style === 'primary') return 'positive';
  if (button.style === 'danger') return 'destructive';
  return undefined;
}

export function renderButton(button: Button): AcAction {
  const style = buttonStyle(button);
  if (!button.note) {
    const action: AcAction = { type: 'Action.Execute', title: button.label, verb: button.action.k, data: executeData(button.action) };
    return style ? { ...action, style } : action;
  }
  const id = noteInputId(button.action);
  const submit: AcAction = {
    type: 'Action.Execute',
    title: button.note.submit,
    verb: button.action.k,
    data: executeData(button.action, id),
  };
  const note: AcElement = { type: 'Input.Text', id, label: button.note.label, isMultiline: true, maxLength: MAX_NOTE_LENGTH };
  if (button.note.placeholder) note.placeholder = button.note.placeholder;
  return {
    type: 'Action.ShowCard',
    title: button.label,
    card: {
      type: 'AdaptiveCard',
      body: [richText(button.note.title, 'strong'), note],
      actions: [style ? { ...submit, style } : submit],
    },
  };
}

/** FactSet text is markdown in Teams; a backslash keeps core text literal. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|~<>])/g, '\\$1');
}
