import { startsWithCommandName, withoutCommandName } from '../../conversations/command';
/**
 * What a console line means: a number picking a choice of the last question, a
 * console word (plan, use, details, new, quit), or anything else for the core (answers, help,
 * status, export, and step commands such as "confirm 3", which the core reads the
 * same way for every platform). English and Dutch words.
 */
export type ConsoleLine =
  | { kind: 'choice'; index: number }
  | { kind: 'show' }
  | { kind: 'use'; rolloutId: string }
  /** A step's whole text and sources ("details 5"): the plan shows most steps as one line. */
  | { kind: 'details'; number: number }
  | { kind: 'new'; text: string }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'text'; text: string };

export function parseConsoleLine(line: string): ConsoleLine {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  if (/^\d{1,2}$/.test(text)) return { kind: 'choice', index: Number(text) - 1 };
  const lower = text.toLowerCase();
  if (['plan', 'show', 'toon'].includes(lower)) return { kind: 'show' };
  if (['quit', 'exit', 'stoppen', 'afsluiten'].includes(lower)) return { kind: 'quit' };
  const details = /^details?\s+(\d{1,4})$/i.exec(text);
  if (details) return { kind: 'details', number: Number(details[1]) };
  // A rollout id, or its short reference as the plan shows it ("use #42").
  const use = /^(?:use|gebruik)\s+([A-Za-z0-9_-]{1,24}|#\d{1,9})$/i.exec(text);
  if (use) return { kind: 'use', rolloutId: use[1] };
  if (startsWithCommandName(text)) return { kind: 'new', text: withoutCommandName(text) };
  const fresh = /^(?:new|nieuw)\b\s*(.*)$/i.exec(text);
  if (fresh) return { kind: 'new', text: fresh[1] };
  return { kind: 'text', text };
}
