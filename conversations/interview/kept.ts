/**
 * Cluster names typed before the topology is known ("2000 enterprise EXCH1 EXCH2"):
 * kept beside the answers (the dialog state holds them, the plan never sees them)
 * until the topology is chosen. A cluster topology fills its open name slots from
 * them in the usual order, with the usual checks; "not clustered" drops them.
 */
import { NETBIOS_NAME, type Answers, type KeptName } from '../types';
import { NAME_CLOSERS, OPENERS, trimEnds } from './scan';
import { msg, type Msg } from '../strings';
import { isCluster } from './availability';
import { badName, nameProblem, openNameSlots } from './names';
import type { Leftover } from './parse';
import { NAME_SLOTS, type NameSlot } from './questions';

export interface PlacedNames {
  /** The answers with the names that filled open slots. */
  answers: Answers;
  /** Names refused for a slot (bad or duplicate), with the reason. */
  problems: Msg[];
  /** Typed words that are neither a name for an open slot nor one worth keeping. */
  unknown: string[];
  /** Names still waiting for the topology. */
  kept: KeptName[];
  /** What happened to kept names: kept for later, dropped, or not needed. */
  notes: Msg[];
}

/** The word as typed but for brackets, quotes and a sentence's full stop ("foo!!", not "foo"). */
export function asTyped(left: Leftover): string {
  return (left.raw !== undefined && trimEnds(left.raw, OPENERS, NAME_CLOSERS)) || left.text;
}

/** Whether the word is a valid name as typed ("EXCH2." yes; "foo!!" and "1!" no: the parser trimmed them). */
export function isNameAsTyped(left: Leftover): boolean {
  return asTyped(left) === left.text && NETBIOS_NAME.test(left.text);
}

/**
 * Whether a word typed before the topology is known is kept as a cluster name. Only
 * a word that can only be a name: valid as typed, and written the way computer names
 * are (with a digit, or all in capitals: EXCH1, mail01, MAILSRV). A lower-case word
 * without digits ("banana", a mistyped "clusterd") is far more often a mistyped answer
 * than a name, whatever the product; it is "not understood", and the name questions
 * still come. A wrong name kept here would end up in the plan's steps.
 */
export function looksLikeName(left: Leftover): boolean {
  if (!isNameAsTyped(left)) return false;
  return /[0-9]/.test(left.text) || left.text === left.text.toUpperCase();
}

/** "I'll use EXCH1, EXCH2 as the node names if it is a cluster." */
export function keptNote(kept: readonly KeptName[]): Msg {
  const names = kept.map((k) => k.text).join(', ');
  const nodesOnly = kept.length <= 2 && kept.every((k) => k.slot === undefined || k.slot.startsWith('node'));
  return msg(nodesOnly ? 'interview.kept.nodes' : 'interview.kept.cluster', { names });
}

/**
 * Puts the kept names, then the names typed now, into the open name slots of
 * `answers` (a role named before a name picks its slot; otherwise the order of
 * `openNameSlots`). While the topology is unknown there is no slot: name-like words
 * are kept for later, and names kept earlier stay. Kept names no cluster needs are
 * dropped with a note.
 */
export function placeNames(answers: Answers, typed: readonly Leftover[], kept: readonly KeptName[] = []): PlacedNames {
  const problems: Msg[] = [];
  const unknown: string[] = [];
  const waiting: KeptName[] = [];
  const unused: string[] = [];
  let newlyKept = false;
  const names: Answers = {};
  let open = openNameSlots(answers);
  const candidates: { left: Leftover; wasKept: boolean }[] = [
    ...kept.map((left) => ({ left, wasKept: true })),
    ...typed.map((left) => ({ left, wasKept: false })),
  ];
  for (const { left, wasKept } of candidates) {
    const hinted = left.slot === 'evs' ? open.find((s) => s.startsWith('evs')) : left.slot;
    const slot: NameSlot | undefined = hinted && open.includes(hinted) ? hinted : open[0];
    if (!slot) {
      // No cluster has more than four names (NAME_SLOTS), so no more are kept.
      const room = waiting.length < NAME_SLOTS.length;
      if (answers.topology === undefined && (wasKept || (room && looksLikeName(left)))) {
        waiting.push(left.slot === undefined ? { text: left.text } : { text: left.text, slot: left.slot });
        newlyKept ||= !wasKept;
      } else if (wasKept) {
        unused.push(left.text);
      } else {
        unknown.push(asTyped(left));
      }
      continue;
    }
    // "foo!!" or "1!" is refused as typed, never as the word the parser trimmed it to.
    const problem = asTyped(left) === left.text ? nameProblem(slot, left.text, { ...answers, ...names }) : badName(asTyped(left));
    // A refused name still uses up its slot, so the next name is not shifted into it.
    open = open.filter((s) => s !== slot);
    if (problem) {
      problems.push(problem);
      continue;
    }
    names[slot] = left.text;
  }
  const notes: Msg[] = [];
  if (newlyKept) notes.push(keptNote(waiting));
  if (unused.length > 0) {
    const key = isCluster(answers.topology) ? 'interview.kept.unused' : 'interview.kept.dropped';
    notes.push(msg(key, { names: unused.join(', ') }));
  }
  return { answers: { ...answers, ...names }, problems, unknown, kept: waiting, notes };
}
