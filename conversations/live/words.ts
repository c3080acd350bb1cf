/**
 * The words of the live change record's commands (issue 12), in English and Dutch,
 * defined once: the core's command reader (src/bot/live-words.ts), the interview
 * (a window set before the plan is posted) and the help texts all use these.
 */

/** "start 5": I am on step 5 now. Only with a number ("start over" belongs to the interview). */
export const START_WORDS: readonly string[] = ['start', 'begin', 'starten', 'beginnen'];
/** "take 5": assign step 5 to me. */
export const TAKE_WORDS: readonly string[] = ['take', 'neem', 'pak'];
/** "assign 5 @bob", "assign 5 me", "assign 5 nobody". */
export const ASSIGN_WORDS: readonly string[] = ['assign', 'toewijzen', 'wijs'];
/** Words that may stand between the number and the person ("wijs 5 toe aan @bob", "assign 5 to @bob"). */
export const ASSIGN_FILLERS: readonly string[] = ['to', 'toe', 'aan'];
/** The person is the one who typed it. */
export const ME_WORDS: readonly string[] = ['me', 'myself', 'mij', 'mezelf', 'ik'];
/** Nobody: the step is unassigned. */
export const NOBODY_WORDS: readonly string[] = ['nobody', 'none', 'no-one', 'noone', 'niemand'];
/** "restrict on" / "restrict off": only the assignee (or the owner) may settle an assigned step. */
export const RESTRICT_WORDS: readonly string[] = ['restrict', 'beperk', 'beperken'];
/** "window 22:00-02:00". */
export const WINDOW_WORDS: readonly string[] = ['window', 'venster', 'onderhoudsvenster'];
/** "limit 5 60": step 5 may be in progress 60 minutes before a reminder. */
export const LIMIT_WORDS: readonly string[] = ['limit', 'limiet'];
/** "notify #change-board". */
export const NOTIFY_WORDS: readonly string[] = ['notify', 'meld', 'melden'];
/** "mine", "my steps": the steps waiting on me, in every open rollout. */
export const MINE_PHRASES: readonly string[] = ['mine', 'my steps', 'mijn stappen'];

/** Turning something on or off ("restrict on", "window off", "notify off", "limit 5 default"). */
export const ON_WORDS: readonly string[] = ['on', 'yes', 'aan', 'ja'];
export const OFF_WORDS: readonly string[] = ['off', 'no', 'none', 'uit', 'nee', 'geen', 'default', 'standaard'];

/** "to" / "tot" / "until" between two times of a window ("22:00 to 02:00"). */
export const UNTIL_WORDS: readonly string[] = ['to', 'until', 'till', 'tot'];

export { restAfter } from '../command';
