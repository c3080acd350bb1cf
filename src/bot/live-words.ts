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

export type LiveCommand =
  /** `number`: as typed; `who`: the words naming the person, fillers removed. */
  | { command: 'assign'; number?: string; who: string }
  /** `on` undefined: neither on nor off was said. */
  | { command: 'restrict'; on?: boolean }
  | { command: 'window'; rest: string }
  /** `minutes`: null for "default"; undefined when unreadable. */
  | { command: 'limit'; number?: string; minutes?: number | null }
  | { command: 'notify'; rest: string }
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
    const numbered = /^(\d+)(?=\s|$)\s*([\s\S]*)$/.exec(assign);
    if (!numbered) return { command: 'assign', who: '' };
    const who = numbered[2]
      .split(/\s+/)
      .filter((w) => w && !ASSIGN_FILLERS.includes(w.toLowerCase()))
      .join(' ');
    return { command: 'assign', number: numbered[1], who };
  }

  const restrict = restAfter(RESTRICT_WORDS, text);
  if (restrict !== undefined) {
    const word = restrict.toLowerCase();
    return ON_WORDS.includes(word) ? { command: 'restrict', on: true } : OFF_WORDS.includes(word) ? { command: 'restrict', on: false } : { command: 'restrict' };
  }

  const window = restAfter(WINDOW_WORDS, text);
  if (window !== undefined) return { command: 'window', rest: window };

  const limit = restAfter(LIMIT_WORDS, text);
  if (limit !== undefined) {
    const numbered = /^(\d+)(?=\s|$)\s*([\s\S]*)$/.exec(limit);
    if (!numbered) return { command: 'limit' };
    const minutes = readMinutes(numbered[2]);
    return minutes === undefined ? { command: 'limit', number: numbered[1] } : { command: 'limit', number: numbered[1], minutes };
  }

  const notify = restAfter(NOTIFY_WORDS, text);
  if (notify !== undefined) return { command: 'notify', rest: notify };
  return undefined;
}
