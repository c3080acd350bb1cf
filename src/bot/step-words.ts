/**
 * Step commands as people type them, on every platform: "confirm 3", "skip 4 done
 * last night", "skip 2 anyway the backup ran at 02:00", "problem 5 setup stopped",
 * "undo 3", and the Dutch words. A rollout other than the channel's latest is named by
 * its short reference, right after the verb or the number: "confirm #42 3",
 * "skip 4 #42 done last night". A verb without a usable number ("confirm",
 * "confirm abc") is still a step command: the core answers with the usage instead of
 * starting an interview.
 */
import { START_WORDS, TAKE_WORDS } from '../../conversations/live/words';
import type { StepVerb } from '../rollout/model';
import { withoutCommandName } from '../../conversations/command';
import { takeRef } from '../rollout/short-ref';

/** A Map, not an object: "constructor 3" must not find Object.prototype's. */
const VERBS: ReadonlyMap<string, StepVerb> = new Map([
  ['confirm', 'confirm'],
  ['done', 'confirm'],
  ['bevestig', 'confirm'],
  ['bevestigen', 'confirm'],
  ['skip', 'skip'],
  ['overslaan', 'skip'],
  ['problem', 'problem'],
  ['probleem', 'problem'],
  ['undo', 'undo'],
  ['ongedaan', 'undo'],
  ['terugdraaien', 'undo'],
  ...START_WORDS.map((w) => [w, 'start'] as const),
  ...TAKE_WORDS.map((w) => [w, 'take'] as const),
]);

/** Verbs that are step commands only with a step number: "start over" belongs to the interview. */
const NUMBER_REQUIRED: ReadonlySet<StepVerb> = new Set(['start']);

/** Said right after the step number of a skip: the person accepts the risk of skipping a protective step. */
const ANYWAY = /^(?:anyway|toch)\b[\s:,-]*/i;

export interface StepCommand {
  verb: StepVerb;
  /** The step number as typed (digits only); absent when none was given. */
  number?: string;
  /** The rollout's short reference as typed ("#42"), when one was given. */
  ref?: string;
  /** The reason or note after the number. */
  note?: string;
  /** "skip 2 anyway ...": skip a protective step without being asked again. */
  anyway: boolean;
}

/** The step command in this text, or undefined when it does not start with a step verb. */
export function parseStepCommand(text: string): StepCommand | undefined {
  const match = /^([a-z]+)(?:\s+(?:step|stap))?(?:\s+([\s\S]*))?$/i.exec(withoutCommandName(text));
  const verb = match ? VERBS.get(match[1].toLowerCase()) : undefined;
  if (!match || !verb) return undefined;
  let rest = (match[2] ?? '').trim();
  let ref: string | undefined;
  ({ ref, rest } = takeRef(rest));
  rest = rest.replace(/^(?:step|stap)\s+/i, '');
  const numbered = /^(\d+)(?=\s|$)\s*([\s\S]*)$/.exec(rest);
  if (!numbered) return NUMBER_REQUIRED.has(verb) ? undefined : { verb, anyway: false, ...(ref ? { ref } : {}) };
  let note = numbered[2].trim();
  if (!ref) ({ ref, rest: note } = takeRef(note));
  let anyway = false;
  if (verb === 'skip' && ANYWAY.test(note)) {
    anyway = true;
    note = note.replace(ANYWAY, '').trim();
  }
  return { verb, number: numbered[1], anyway, ...(ref ? { ref } : {}), ...(note ? { note } : {}) };
}
