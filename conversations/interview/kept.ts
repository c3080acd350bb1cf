/**
 * Cluster names typed before the topology is known ("2000 enterprise EXCH1 EXCH2"):
 * kept beside the answers (the dialog state holds them, the plan never sees them)
 * until the topology is chosen. A cluster topology fills its open name slots from
 * them in the usual order, with the usual checks; "not clustered" drops them.
 */
import { NETBIOS_NAME, type Answers, type KeptName } from '../types';
import { msg, type Msg } from '../strings';
import { isCluster } from './availability';
import { nameProblem, openNameSlots } from './names';
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

/** Written as typed, apart from brackets, quotes and a sentence's full stop ("EXCH2." but not "foo!!"). */
const PLAIN_WORD = /^[("'`]*[A-Za-z0-9-]+[)"'`.]*$/;

/**
 * Whether a word with no slot yet is worth keeping as a cluster name: a valid NetBIOS
 * name as typed. Only Enterprise Edition can be clustered, so while the product is
 * unknown a bare word is more likely a mistyped answer ("banana" at the product
 * question) than a name: then only words written like computer names count (with a
 * digit, or in capitals: EXCH1, MAILSRV).
 */
export function looksLikeName(left: Leftover, a: Answers): boolean {
  if (!NETBIOS_NAME.test(left.text)) return false;
  if (left.raw !== undefined && !PLAIN_WORD.test(left.raw)) return false;
  if (a.product === 'enterprise') return true;
  return /\d/.test(left.text) || (/[A-Z]/.test(left.text) && left.text === left.text.toUpperCase());
}

/** A word not understood, as typed but for brackets, quotes and full stops ("foo!!", not "foo"). */
function asTyped(left: Leftover): string {
  return left.raw?.replace(/^[("'`]+|[)"'`.]+$/g, '') || left.text;
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
      if (answers.topology === undefined && (wasKept || (room && looksLikeName(left, answers)))) {
        waiting.push(left.slot === undefined ? { text: left.text } : { text: left.text, slot: left.slot });
        newlyKept ||= !wasKept;
      } else if (wasKept) {
        unused.push(left.text);
      } else {
        unknown.push(asTyped(left));
      }
      continue;
    }
    const problem = nameProblem(slot, left.text, { ...answers, ...names });
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
