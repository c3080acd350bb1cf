/**
 * Plain-text rendering of a neutral card: the console chat, notifications and
 * fallbacks. Choice buttons are numbered so a terminal user can type the number
 * (or the label); texts that speak of buttons are drawn in their typed variant.
 * Steps read as on the other platforms: "Next up" in full, the plan one line a step.
 */
import type { Button, Card, CardBlock, PeopleBlock, StepBlock, StepStage } from './model';

/** Marks that say the state without colour: ready, waiting, done, skipped. */
const STAGE_MARK: Record<StepStage, string> = { ready: '[>]', waiting: '[.]', done: '[x]', skipped: '[-]' };
const PROBLEM_MARK = '[!]';

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
      else if (block.style === 'emphasis') lines.push(`» ${text}`);
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
    case 'people':
      renderPeople(block, lines);
      return;
  }
}

export function stepMark(step: Pick<StepBlock, 'stage' | 'status'>): string {
  return step.status === 'problem' ? PROBLEM_MARK : STAGE_MARK[step.stage];
}

function renderStep(step: StepBlock, lines: string[]): void {
  const heading = `${stepMark(step)} ${step.number}. ${step.title}`;
  if (step.view === 'line') {
    lines.push(`${heading} · ${step.statusLine}`);
    if (step.problemLine) lines.push(`      ! ${step.problemLine}`);
  } else {
    lines.push(heading);
    for (const detail of step.details) lines.push(`      ${detail}`);
    if (step.citation) lines.push(`      ${step.citation}`);
    if (step.problemLine) lines.push(`      ! ${step.problemLine}`);
  }
  if (step.refusal) lines.push(`      ! ${step.refusal}`);
}

function renderPeople(block: PeopleBlock, lines: string[]): void {
  lines.push('', block.label.toUpperCase(), block.text, `  (${block.typed})`);
  if (block.refusal) lines.push(`! ${block.refusal}`);
}
