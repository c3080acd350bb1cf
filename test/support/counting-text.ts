/**
 * A stand-in for a string that counts how much of it is read, for functions that
 * promise to read their text only through `length`, `charCodeAt` and `slice`
 * (conversations/interview/scan.ts, adapters/teams/message-text.ts). Work is one per
 * character code read plus the length of every slice taken: an operation count, not
 * a clock, so a test can hold "linear" without timing anything. Any other use of the
 * text (a regex, `includes`, indexing) throws, which keeps the promise honest.
 */
export interface CountingText {
  /** Pass this where the function expects its string. */
  text: string;
  work(): number;
}

export function countingText(source: string): CountingText {
  let work = 0;
  const reader = {
    length: source.length,
    charCodeAt(i: number): number {
      work += 1;
      return source.charCodeAt(i);
    },
    slice(start?: number, end?: number): string {
      const part = source.slice(start, end);
      work += part.length + 1;
      return part;
    },
  };
  return { text: reader as unknown as string, work: () => work };
}

/** Hostile texts of about `n` characters: long runs that make backtracking regexes quadratic. */
export function hostileTexts(n: number): Record<string, string> {
  const rep = (unit: string): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  return {
    'dots then a letter': `${'.'.repeat(n - 1)}x`,
    'only dots': '.'.repeat(n),
    spaces: ' '.repeat(n),
    'spaces between two words': `a${' '.repeat(n - 2)}b`,
    'spaced slashes': rep(' / '),
    'decimal commas': rep('5,'),
    'opening brackets': '('.repeat(n),
    'closing punctuation': rep('.!?:)'),
    'quotes around a word': rep('"x".'),
    'unicode spaces and letters': rep('\u00a0é\u2003ß'),
    'one long word': 'x'.repeat(n),
    'tag openings': rep('<a'),
    'an unclosed tag': `<a${'b'.repeat(n - 2)}`,
    'mention openings': rep('<at>x'),
    'mentions': rep('<at>P1</at> '),
    ampersands: '&'.repeat(n),
    'entity starts': rep('&amp'),
    entities: rep('&amp;&lt;'),
  };
}
