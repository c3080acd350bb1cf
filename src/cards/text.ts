/**
 * Plain-text rendering of a neutral card: the console chat, notifications and
 * fallbacks. Choice buttons are numbered so a terminal user can type the number
 * (or the label); texts that speak of buttons are drawn in their typed variant.
 */
import type { Button, Card, CardBlock, StepBlock } from './model';
import type { StepStatus } from '../plan/status';

const STATUS_MARK: Record<StepStatus, string> = { open: '[ ]', done: '[x]', skipped: '[-]', problem: '[!]' };

export interface TextRendering {
  text: string;
  /** The numbered choice buttons, index 0 is choice "1". */
  choices: Button[];
}

export function renderCardAsText(card: Card): TextRendering {
  const lines: string[] = [];
  const choices: Button[] = [];
  for (const block of card.blocks) renderBlock(block, lines, choices);
  return { text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(), choices };
}

function renderBlock(block: CardBlock, lines: string[], choices: Button[]): void {
  switch (block.type) {
    case 'header':
      lines.push('', `== ${block.text} ==`);
      return;
    case 'text': {
      // Plain text has no buttons: where a text says how to click, it has a typed variant.
      const text = block.typed ?? block.text;
      if (block.style === 'strong') lines.push('', text.toUpperCase());
      else if (block.style === 'warning') lines.push(`! ${text}`);
      else if (block.style === 'muted') lines.push(`  (${text})`);
      else lines.push(text);
      return;
    }
    case 'facts':
      for (const item of block.items) lines.push(`  ${item.label}: ${item.value}`);
      return;
    case 'divider':
      lines.push('');
      return;
    case 'context':
      lines.push(`  ${block.text}`);
      return;
    case 'step':
      renderStep(block, lines);
      return;
    case 'actions': {
      const labels = block.buttons.map((button) => {
        choices.push(button);
        return `${choices.length}) ${button.label}`;
      });
      lines.push(labels.join('   '));
      return;
    }
    case 'input':
      lines.push(`${block.label}${block.placeholder ? ` (${block.placeholder})` : ''}`);
      return;
  }
}

function renderStep(step: StepBlock, lines: string[]): void {
  lines.push(`${STATUS_MARK[step.status]} ${step.number}. ${step.title}`);
  for (const detail of step.details) lines.push(`      ${detail}`);
  if (step.references) lines.push(`      ${step.references}`);
  if (step.statusLine) lines.push(`      -> ${step.statusLine}`);
  if (step.peopleLine) lines.push(`      -> ${step.peopleLine}`);
}
