/**
 * Plain-text rendering of a neutral card: the console chat, notifications and
 * fallbacks. Choice buttons are numbered so a terminal user can type the number
 * (or the label); texts that speak of buttons are drawn in their typed variant.
 * Steps read as on the other platforms: "Next up" in full, the plan one line a step.
 */
import { stepMark, type Button, type Card, type CardBlock, type PeopleBlock, type StepBlock, type StepMarks } from './model';

/** Marks that say the state without colour: ready, waiting, done, skipped. */
const MARKS: StepMarks = { ready: '[>]', waiting: '[.]', done: '[x]', skipped: '[-]', problem: '[!]' };

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
      // A button that asks for a text first is typed in plain text (the card says what to type).
      const labels = block.buttons.filter((button) => !button.note).map((button) => {
        choices.push(button);
        return `${choices.length}) ${button.label}`;
      });
      if (labels.length) lines.push(labels.join('   '));
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

function renderStep(step: StepBlock, lines: string[]): void {
  const heading = `${stepMark(step, MARKS)} ${step.number}. ${step.title}`;
  if (step.view === 'line') {
    lines.push(`${heading} · ${step.statusLine}`);
    if (step.problemLine) lines.push(`      ! ${step.problemLine}`);
    if (step.peopleLine) lines.push(`      -> ${step.peopleLine}`);
  } else {
    lines.push(heading);
    for (const detail of step.details) lines.push(`      ${detail}`);
    if (step.citation) lines.push(`      ${step.citation}`);
    if (step.problemLine) lines.push(`      ! ${step.problemLine}`);
    if (step.peopleLine) lines.push(`      -> ${step.peopleLine}`);
  }
  if (step.refusal) lines.push(`      ! ${step.refusal}`);
}

function renderPeople(block: PeopleBlock, lines: string[]): void {
  lines.push('', block.label.toUpperCase(), block.text, `  (${block.typed})`);
  if (block.refusal) lines.push(`! ${block.refusal}`);
}
