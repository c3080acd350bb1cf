/**
 * The small pieces every Teams card is made of: text as TextRun (core text is plain,
 * so "*", "_" or "1." in a name or note stay literal), buttons as Action.Execute
 * (Universal Actions: Teams sends an `adaptiveCard/action` invoke we answer with the
 * redrawn card), and action rows that Teams does not cut short.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
 * Text keeps the host's default colours, chosen by weight, size and subtlety only:
 * the coloured text styles of Teams' host configs fall under 4.5:1 in some theme
 * (test/adapters/teams/contrast.test.ts checks every pair used).
 */
import type { Button, StepMarks } from '../../src/cards/model';
import { MAX_NOTE_LENGTH } from '../../conversations/limits';
import { MAX_ACTIONS_PER_SET, type AcAction, type AcElement } from './adaptive-card';
import { executeData, noteInputId } from './action-data';

export type TextStyle = 'plain' | 'strong' | 'emphasis' | 'warning' | 'muted' | 'context' | 'header';

/** Signs that say a step's state beside its words: ready, waiting, done, skipped; a problem. */
export const TEAMS_MARKS: StepMarks = { ready: '▶', waiting: '◷', done: '✔', skipped: '↷', problem: '⚠' };

export function richText(text: string, style: TextStyle): AcElement {
  const run: Record<string, unknown> = { type: 'TextRun', text: style === 'warning' ? `⚠ ${text}` : text };
  if (style === 'header') Object.assign(run, { size: 'Large', weight: 'Bolder' });
  if (style === 'strong' || style === 'emphasis') run.weight = 'Bolder';
  if (style === 'muted' || style === 'context') run.isSubtle = true;
  if (style === 'context') run.size = 'Small';
  return { type: 'RichTextBlock', inlines: [run] };
}

/** One element per line: TextRun has no line-break markup. */
export function textLines(text: string, style: TextStyle): AcElement[] {
  return text.split('\n').map((line, index) => {
    const element = richText(line, style);
    return index === 0 ? element : { ...element, spacing: 'None' as const };
  });
}

/** Teams drops actions past the sixth in a set (host config maxActions): wrap into more sets. */
export function actionSets(actions: AcAction[]): AcElement[] {
  const sets: AcElement[] = [];
  for (let i = 0; i < actions.length; i += MAX_ACTIONS_PER_SET) {
    sets.push({ type: 'ActionSet', ...(i ? { spacing: 'Small' as const } : {}), actions: actions.slice(i, i + MAX_ACTIONS_PER_SET) });
  }
  return sets;
}

function buttonStyle(button: Button): AcAction['style'] {
  if (button.style === 'primary') return 'positive';
  if (button.style === 'danger') return 'destructive';
  return undefined;
}

/** A button; one that needs a note first opens an inline form (Action.ShowCard) whose submit carries it. */
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
