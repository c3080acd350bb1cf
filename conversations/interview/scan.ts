/**
 * The interview's text, split into words in one pass. No regular expression reads the
 * user's text here: each character is looked at a bounded number of times, so a
 * hostile message costs time in proportion to its length (a backtracking regex over
 * 20,000 dots took a third of a second). The text is read only through `length`,
 * `charCodeAt` and `slice`, which lets a test count the work.
 */

/**
 * The longest message the interview reads, in characters. A whole interview in one
 * line is a few hundred; a longer message is refused as a whole (never cut, which
 * could change what it says).
 */
export const MAX_INTERVIEW_TEXT = 1000;

/** A word as the parser uses it, and as it was typed before punctuation was trimmed. */
export interface TypedWord {
  word: string;
  raw: string;
}

/** Brackets and quotes that may open a word. */
export const OPENERS = '("\'`';
/** Brackets, quotes and the full stop that may close a word written as a name ("EXCH2."). */
export const NAME_CLOSERS = ')"\'`.';
/** What may close a word in a sentence: also "!", "?" and ":". */
const WORD_CLOSERS = ')"\'`.!?:';

const SLASH = 0x2f;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;

/** The characters JavaScript's `\s` matches. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Ends a plain run of characters: a separator or a slash. */
const isSpecial = (c: number): boolean => isSpace(c) || c === SLASH || c === COMMA || c === SEMICOLON;

/** `word` without leading `openers` and trailing `closers` (two index walks, no regex). */
export function trimEnds(word: string, openers: string, closers: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && openers.includes(word[start])) start += 1;
  while (end > start && closers.includes(word[end - 1])) end -= 1;
  return start === 0 && end === word.length ? word : word.slice(start, end);
}

/**
 * Whitespace, commas and semicolons separate words. A comma between two digits is a
 * decimal comma ("5,5" is the Dutch way to write 5.5); a slash joins the words around
 * it, spaces or not ("active / passive" is "active/passive"). Each word loses leading
 * brackets and quotes and trailing brackets, quotes, ".", "!", "?" and ":" ("?" alone
 * stays: it asks for help); words left empty are dropped.
 */
export function scanWords(text: string): TypedWord[] {
  const out: TypedWord[] = [];
  const n = text.length;
  let raw = '';
  const flush = (): void => {
    if (raw === '') return;
    const word = raw === '?' ? raw : trimEnds(raw, OPENERS, WORD_CLOSERS);
    if (word !== '') out.push({ word, raw });
    raw = '';
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      let j = i + 1;
      while (j < n && isSpace(text.charCodeAt(j))) j += 1;
      // Spaces before a slash belong to it; otherwise they end the word.
      if (j >= n || text.charCodeAt(j) !== SLASH) flush();
      i = j;
    } else if (c === SLASH) {
      raw += '/';
      i += 1;
      while (i < n && isSpace(text.charCodeAt(i))) i += 1;
    } else if (c === COMMA) {
      const decimal = i > 0 && i + 1 < n && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1));
      if (decimal) raw += '.';
      else flush();
      i += 1;
    } else if (c === SEMICOLON) {
      flush();
      i += 1;
    } else {
      let j = i + 1;
      while (j < n && !isSpecial(text.charCodeAt(j))) j += 1;
      raw += text.slice(i, j);
      i = j;
    }
  }
  flush();
  return out;
}
