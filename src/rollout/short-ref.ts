/**
 * A rollout's short reference, "#42": its number among the rollouts of its channel
 * (given by the store when the rollout is created), short enough to say aloud on a
 * bridge call and to type. The long id stays for the API, button values and exports.
 */

/** "#42", the same in every language. */
export function formatRef(ref: number): string {
  return `#${ref}`;
}

/** A short reference as people type it: "#" and at most nine digits. */
export const SHORT_REF = /^#(\d{1,9})$/;

/** A short reference typed as a word of its own at the start of `text` ("#42 5 @bob"), and what follows it. */
export function takeRef(text: string): { ref?: string; rest: string } {
  const match = /^(#\d{1,9})(?=\s|$)\s*([\s\S]*)$/.exec(text);
  return match ? { ref: match[1], rest: match[2] } : { rest: text };
}

/** 42 for "#42"; undefined for anything else (a long id, a typo). */
export function parseRef(text: string): number | undefined {
  const match = SHORT_REF.exec(text.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  return n >= 1 ? n : undefined;
}
