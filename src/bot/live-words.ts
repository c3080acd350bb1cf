/**
 * The live record's typed commands (issue 12), read the same way on every platform:
 * "assign 5 @bob" / "assign 5 me" / "assign 5 nobody", "restrict on|off",
 * "window 22:00-02:00" / "window off", "limit 5 90" / "limit 5 default",
 * "notify #change-board" / "notify off", and "mine" / "my steps". The words, English
 * and Dutch, are conversations/live/words.ts's. "start 5" and "take 5" are step
 * commands (step-words.ts).
 */
import {
  ASSIGN_FILLERS,
  ASSIGN_WORDS,
  LIMIT_WORDS,
  MINE_PHRASES,
  NOTIFY_WORDS,
  OFF_WORDS,
  ON_WORDS,
  RESTRICT_WORDS,
  restAfter,
  WINDOW_WORDS,
} from '../../conversations/live/words';
import { withoutCommandName } from '../../conversations/command';
import { takeRef } from '../rollout/short-ref';

/** `ref`: the rollout named by its short reference ("assign #42 5 @bob"), when one was typed. */
export type LiveCommand =
  /** `number`: as typed; `who`: the words naming the person, fillers removed. */
  | { command: 'assign'; number?: string; who: string; ref?: string }
  /** `on` undefined: neither on nor off was said. */
  | { command: 'restrict'; on?: boolean; ref?: string }
  | { command: 'window'; rest: string; ref?: string }
  /** `minutes`: null for "default"; undefined when unreadable. */
  | { command: 'limit'; number?: string; minutes?: number | null; ref?: string }
  | { command: 'notify'; rest: string; ref?: string }
  | { command: 'mine' };

/** "90", "90m", "90 min", "1h", "1,5 uur", "2u": minutes; undefined when it is none of these. */
export function readMinutes(text: string): number | null | undefined {
  const trimmed = text.trim().toLowerCase();
  if (OFF_WORDS.includes(trimmed)) return null;
  const match = /^(\d{1,5}(?:[.,]\d{1,2})?)\s*(m|min|mins|minute|minutes|minuten|minuut|h|u|hr|hrs|hour|hours|uur|uren)?$/.exec(trimmed);
  if (!match) return undefined;
  const amount = Number(match[1].replace(',', '.'));
  const hours = match[2] !== undefined && /^(h|u|hr|hrs|hour|hours|uur|uren)$/.test(match[2]);
  const minutes = Math.round(hours ? amount * 60 : amount);
  return Number.isFinite(minutes) ? minutes : undefined;
}

/** The live command in this text, or undefined when it starts with none of its words. */
export function parseLiveCommand(text: string): LiveCommand | undefined {
  const lower = withoutCommandName(text).trim().toLowerCase().replace(/[.!?]+$/, '');
  if (MINE_PHRASES.includes(lower)) return { command: 'mine' };

  const assign = restAfter(ASSIGN_WORDS, text);
  if (assign !== undefined) {
    const { ref, number, rest } = refAndNumber(assign);
    if (number === undefined) return { command: 'assign', who: '', ...refOf(ref) };
    const who = rest
      .split(/\s+/)
      .filter((w) => w && !ASSIGN_FILLERS.includes(w.toLowerCase()))
      .join(' ');
    return { command: 'assign', number, who, ...refOf(ref) };
  }

  const restrict = restAfter(RESTRICT_WORDS, text);
  if (restrict !== undefined) {
    const { ref, rest } = takeRef(restrict);
    const word = rest.trim().toLowerCase();
    const on = ON_WORDS.includes(word) ? true : OFF_WORDS.includes(word) ? false : undefined;
    return { command: 'restrict', ...(on !== undefined ? { on } : {}), ...refOf(ref) };
  }

  const window = restAfter(WINDOW_WORDS, text);
  if (window !== undefined) {
    const { ref, rest } = takeRef(window);
    return { command: 'window', rest: rest.trim(), ...refOf(ref) };
  }

  const limit = restAfter(LIMIT_WORDS, text);
  if (limit !== undefined) {
    const { ref, number, rest } = refAndNumber(limit);
    if (number === undefined) return { command: 'limit', ...refOf(ref) };
    const minutes = readMinutes(rest);
    return minutes === undefined ? { command: 'limit', number, ...refOf(ref) } : { command: 'limit', number, minutes, ...refOf(ref) };
  }

  const notify = restAfter(NOTIFY_WORDS, text);
  if (notify !== undefined) {
    const { ref, rest } = takeRef(notify);
    return { command: 'notify', rest: rest.trim(), ...refOf(ref) };
  }
  return undefined;
}

const refOf = (ref: string | undefined) => (ref ? { ref } : {});

/** "#42 5 rest", "5 #42 rest" or "5 rest": the short reference (either side of the number), the number, the rest. */
function refAndNumber(text: string): { ref?: string; number?: string; rest: string } {
  const first = takeRef(text);
  const numbered = /^(\d+)(?=\s|$)\s*([\s\S]*)$/.exec(first.rest);
  if (!numbered) return { ...refOf(first.ref), rest: first.rest };
  const after = first.ref ? { rest: numbered[2] } : takeRef(numbered[2]);
  return { ...refOf(first.ref ?? after.ref), number: numbered[1], rest: after.rest };
}
