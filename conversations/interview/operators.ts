/**
 * "operators @alice @bob" / "operators anyone": who may act on a plan besides its
 * owner, read the same way during the interview and on a posted plan.
 *
 * A command that restricts access must never widen it. Only the command's own word
 * "anyone" (iedereen) opens a plan to the whole channel; the word is matched on what
 * the user typed, never inside a mentioned person's display name. Every other word must
 * be a resolved mention: a name typed as plain text ("carol", an unlinked "@bob") is
 * refused with the names we could not place, and so is a list that, without its owner,
 * names nobody. A refusal changes nothing.
 *
 * Adapters write each resolved mention into the text as "@" + its name (the same name
 * as in `mentions`), so the mentions can be taken out before the words are read.
 * Adapters look up at most MAX_OPERATORS mentions (src/runtime/mention-lookup.ts); the rest
 * arrive as "@name" words. A list naming more people than a rollout may have is
 * refused as too long, rather than as a list of names we could not place.
 */
import { MAX_OPERATORS } from '../limits';
import { msg, type Msg } from '../strings';
import { restAfter } from '../command';

export interface Person {
  id: string;
  name: string;
}

export type OperatorsChoice =
  /** Who may act from now on; empty: anyone in the channel. */
  | { ok: true; operators: Person[] }
  | { ok: false; reason: Msg };

/** The words that open a plan to everyone in the channel. */
export const ANYONE_WORDS: readonly string[] = ['anyone', 'everyone', 'anybody', 'iedereen'];
/** The command words themselves. */
export const OPERATORS_WORDS: readonly string[] = ['operators', 'operator', 'uitvoerders', 'uitvoerder'];
/** Words that may sit between names ("@alice and @bob"). */
const JOINERS = new Set(['and', 'en', '&', '+', 'plus']);

/** The rest of the text when it starts with an operators command word; undefined otherwise. */
export function operatorsCommandRest(text: string): string | undefined {
  return restAfter(OPERATORS_WORDS, text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function readOperators(rest: string, mentions: readonly Person[], owner: Person | undefined): OperatorsChoice {
  let words = rest;
  // Longest names first, so "@Ann Marie" is not read as "@Ann" and "Marie".
  for (const person of [...mentions].sort((a, b) => b.name.length - a.name.length)) {
    words = words.replace(new RegExp(`@${escapeRegExp(person.name)}(?![\\p{L}\\p{N}_])`, 'giu'), ' ');
  }
  const tokens = words
    .split(/[\s,;]+/)
    .map((w) => w.replace(/[.!?:]+$/, ''))
    .filter((w) => w.length > 0 && !JOINERS.has(w.toLowerCase()));
  const anyone = tokens.filter((w) => ANYONE_WORDS.includes(w.toLowerCase()));
  const unknown = tokens.filter((w) => !ANYONE_WORDS.includes(w.toLowerCase()));
  const people = new Map<string, Person>();
  for (const person of mentions) if (person.id !== owner?.id && !people.has(person.id)) people.set(person.id, person);

  // Unresolved mentions may arrive glued together ("@U1@U2"): count each "@".
  const unresolved = unknown.reduce((sum, w) => sum + (w.match(/@/g)?.length ?? 0), 0);
  const named = new Set(mentions.map((m) => m.id)).size + unresolved;
  if (named > MAX_OPERATORS) return { ok: false, reason: msg('rollout.operators.too-many', { count: named, max: MAX_OPERATORS }) };
  if (unknown.length > 0) {
    const names = unknown.slice(0, 5).map((w) => `"${w.slice(0, 40)}"`).join(', ');
    return { ok: false, reason: msg('rollout.operators.unknown', { names }) };
  }
  if (anyone.length > 0 && mentions.length > 0) return { ok: false, reason: msg('rollout.operators.mixed') };
  if (anyone.length > 0) return { ok: true, operators: [] };
  if (people.size === 0) {
    return { ok: false, reason: msg(mentions.length > 0 ? 'rollout.operators.only-owner' : 'rollout.operators.usage') };
  }
  return { ok: true, operators: [...people.values()] };
}
