/**
 * What a console line means: a step action on the current rollout ("confirm 3",
 * "skip 4 done last night"), a number picking a choice of the last question, a
 * console word (plan, use, quit), or anything else for the bot (answers, help,
 * status, back...). English and Dutch words.
 */
import type { StepVerb } from '../../src/plan/rollout-model';

export type ConsoleLine =
  | { kind: 'step'; verb: StepVerb; number: number; note?: string }
  | { kind: 'choice'; index: number }
  | { kind: 'show' }
  | { kind: 'use'; rolloutId: string }
  | { kind: 'new'; text: string }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'text'; text: string };

const VERBS: Record<string, StepVerb> = {
  confirm: 'confirm',
  done: 'confirm',
  bevestig: 'confirm',
  bevestigen: 'confirm',
  skip: 'skip',
  overslaan: 'skip',
  problem: 'problem',
  probleem: 'problem',
  undo: 'undo',
  ongedaan: 'undo',
  terugdraaien: 'undo',
};

export function parseConsoleLine(line: string): ConsoleLine {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  const step = /^([a-z]+)\s+(?:step\s+|stap\s+)?(\d{1,3})(?:\s+(.*))?$/i.exec(text);
  if (step && VERBS[step[1].toLowerCase()]) {
    return { kind: 'step', verb: VERBS[step[1].toLowerCase()], number: Number(step[2]), note: step[3]?.trim() || undefined };
  }
  if (/^\d{1,2}$/.test(text)) return { kind: 'choice', index: Number(text) - 1 };
  const lower = text.toLowerCase();
  if (['plan', 'show', 'toon'].includes(lower)) return { kind: 'show' };
  if (['quit', 'exit', 'stoppen', 'afsluiten'].includes(lower)) return { kind: 'quit' };
  const use = /^(?:use|gebruik)\s+([A-Za-z0-9_-]{1,24})$/i.exec(text);
  if (use) return { kind: 'use', rolloutId: use[1] };
  const fresh = /^(?:\/?exchange-sp|new|nieuw)\b\s*(.*)$/i.exec(text);
  if (fresh) return { kind: 'new', text: fresh[1] };
  return { kind: 'text', text };
}
