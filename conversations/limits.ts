/**
 * How much a person may type or name, defined once: the rules enforce these, the
 * parsers read up to them, and each platform's inputs are drawn with them.
 */

/** Longest skip reason or problem note kept (it is drawn on the card). */
export const MAX_NOTE_LENGTH = 500;
/** Most operators a rollout may name (keeps the card and the checks on a click small). */
export const MAX_OPERATORS = 50;
