/**
 * The words of a Teams message: the text of an activity is HTML-ish (mentions as
 * <at>Name</at>, other markup, a few entities). One pass over the text, and no
 * regular expression reads it, so a hostile 20 kB message costs time in proportion to
 * its length (a backtracking tag regex took 88 ms on 10,000 "<a" and held /healthz).
 * The text is read only through `length`, `charCodeAt` and `slice`, so a test can
 * count the work.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };
/** The longest entity name above, so an "&" looks at most this far ahead. */
const LONGEST_ENTITY = 4;
const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SEMICOLON = 0x3b;

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * The end of the markup tag that starts at `i` ("<", an optional "/", a letter, then
 * anything but "<" and ">" up to ">"), or -1 when none starts there. The scan stops at
 * the next "<", so no character is scanned by two tags.
 */
function tagEnd(text: string, i: number): number {
  let j = i + 1;
  if (j < text.length && text.charCodeAt(j) === 0x2f) j += 1;
  if (j >= text.length || !isLetter(text.charCodeAt(j))) return -1;
  for (j += 1; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (c === GT) return j + 1;
    if (c === LT) return -1;
  }
  return -1;
}

/** At `i` an "<at" tag starts: the end of the mention "<at ...>name</at>" when `tags` knows it, else -1. */
function mentionEnd(text: string, i: number, openEnd: number, tags: ReadonlyMap<string, string>): number {
  if (text.slice(i, i + 3).toLowerCase() !== '<at' || (text.charCodeAt(i + 3) !== GT && text.charCodeAt(i + 3) > 0x20)) return -1;
  let j = openEnd;
  while (j < text.length && text.charCodeAt(j) !== LT) j += 1;
  if (text.slice(j, j + 5).toLowerCase() !== '</at>') return -1;
  return tags.has(text.slice(i, j + 5)) ? j + 5 : -1;
}

/**
 * Teams message text as plain words, in one pass over the text (no regex reads it,
 * so a hostile 20 kB message costs time in proportion to its length): known mention
 * tags become their replacement, other tags a space, the few HTML entities Teams uses
 * their character; runs of whitespace become one space.
 */
export function plainTextOf(text: string, tags: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LT) {
      const end = tagEnd(text, i);
      if (end < 0) {
        parts.push('<');
        i += 1;
        continue;
      }
      const mention = mentionEnd(text, i, end, tags);
      parts.push(mention < 0 ? ' ' : (tags.get(text.slice(i, mention)) ?? ' '));
      i = mention < 0 ? end : mention;
    } else if (c === AMP) {
      let j = i + 1;
      while (j < n && j <= i + 1 + LONGEST_ENTITY && text.charCodeAt(j) !== SEMICOLON && text.charCodeAt(j) !== AMP) j += 1;
      const name = j < n && text.charCodeAt(j) === SEMICOLON ? text.slice(i + 1, j) : undefined;
      const entity = name !== undefined && Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : undefined;
      parts.push(entity ?? '&');
      i = entity === undefined ? i + 1 : j + 1;
    } else {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== LT && text.charCodeAt(j) !== AMP) j += 1;
      parts.push(text.slice(i, j));
      i = j;
    }
  }
  // One class, no alternation: linear.
  return parts.join('').replace(/\s+/g, ' ').trim();
}
