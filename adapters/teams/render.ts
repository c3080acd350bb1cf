/**
 * Neutral Card -> Adaptive Card 1.5 for Teams: one pure function used for the first
 * post, every update, invoke answers and the benchmark.
 * - Step buttons are Action.Execute (Universal Actions), so Teams sends an
 *   `adaptiveCard/action` invoke we can answer with the redrawn card:
 *   https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
 * - Steps and "Who may act" are drawn by render-step.ts; text and buttons by render-text.ts.
 * - A card above MAX_CARD_BYTES is split at block boundaries over several cards.
 */
import type { ActionsBlock, Card, CardBlock, InputBlock } from '../../src/cards/model';
import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  MAX_ANSWER_BUTTONS,
  MAX_CARD_BYTES,
  cardBytes,
  type AcAction,
  type AcElement,
  type AdaptiveCard,
} from './adaptive-card';
import { choiceInputId, executeData } from './action-data';
import { renderPeople, renderStep, type OpenForm } from './render-step';
import { actionSets, escapeMarkdown, renderButton, richText, textLines } from './render-text';
import { splitIntoParts } from './split';

export { escapeMarkdown, renderButton, richText } from './render-text';

export interface TeamsRenderOptions {
  /** Draw this step's note form open (the clicker's card after Skip… or Problem…). */
  openForm?: OpenForm;
}

export function renderCardForTeams(card: Card, options: TeamsRenderOptions = {}): AdaptiveCard[] {
  const elements = renderBlocks(card.blocks, options);
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

function renderBlocks(blocks: CardBlock[], options: TeamsRenderOptions): AcElement[] {
  const out: AcElement[] = [];
  let separateNext = false;
  for (const block of blocks) {
    if (block.type === 'divider') {
      separateNext = true;
      continue;
    }
    const rendered = renderBlock(block, options);
    if (separateNext && rendered.length) rendered[0] = { ...rendered[0], separator: true, spacing: 'Medium' };
    separateNext = false;
    out.push(...rendered);
  }
  return out;
}

function renderBlock(block: Exclude<CardBlock, { type: 'divider' }>, options: TeamsRenderOptions): AcElement[] {
  switch (block.type) {
    case 'header':
      return [richText(block.text, 'header')];
    case 'text':
      return textLines(block.text, block.style ?? 'plain');
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
      return [renderStep(block, options.openForm)];
    case 'actions':
      return renderActions(block);
    case 'input':
      return [renderInput(block)];
    case 'people':
      return renderPeople(block);
  }
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

function renderInput(block: InputBlock): AcElement {
  const input: AcElement = { type: 'Input.Text', id: block.id, label: block.label };
  if (block.placeholder) input.placeholder = block.placeholder;
  if (block.initial) input.value = block.initial;
  if (block.maxLength) input.maxLength = block.maxLength;
  return input;
}
