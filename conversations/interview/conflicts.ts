/**
 * New answers merged into the stored ones, so that no combination that cannot exist
 * (FACTS P4) is ever stored. When two answers cannot both hold, exactly one of them
 * goes, by one rule, and the user is told which and why:
 *
 * - Both said in the same message: the answer users get wrong most often goes. The
 *   Exchange version stays (5.5 and 2000 are different products an administrator does
 *   not mix up); then the topology (a cluster is hardware one can see); the edition
 *   goes first: it is the answer most often misremembered, and a cluster implies
 *   Enterprise anyway. So "5.5 enterprise active/active" keeps Exchange 5.5 Enterprise
 *   and asks the topology again, and "2000 standard active/passive" keeps the
 *   active/passive cluster, which makes it Enterprise Edition.
 * - One said now, the other before: the answer to the earlier question wins. A new
 *   version or edition replaces a topology that no longer fits (that is what changing
 *   it means); a new topology cannot overrule a version or edition given before.
 */
import type { Answers, AnswerKey } from '../types';
import { msg, type MessageKey, type Msg } from '../strings';
import { findConflicts, isCluster, NO_CLUSTER_REASON } from './availability';
import { nameProblem } from './names';
import { QUESTION_ORDER, normalizeAnswers } from './questions';

/** An answer that had to go, and why. */
export interface Dropped {
  /** The answer in words ("Standard Edition", "active/active cluster"). */
  answer: Msg;
  reason: MessageKey;
}

export interface Merged {
  answers: Answers;
  /** Names refused (bad or duplicate). */
  problems: Msg[];
  dropped: Dropped[];
}

/** Of two answers in one message that cannot both hold, the one later in this list goes. */
const KEPT_FIRST: readonly AnswerKey[] = ['version', 'topology', 'product'];

const order = (k: AnswerKey): number => QUESTION_ORDER.indexOf(k);
const trust = (k: AnswerKey): number => {
  const i = KEPT_FIRST.indexOf(k);
  return i < 0 ? KEPT_FIRST.length : i;
};

function put(a: Answers, key: AnswerKey, value: Answers[AnswerKey]): void {
  if (value === undefined) delete a[key];
  else (a as Record<AnswerKey, unknown>)[key] = value;
}

/** A choice answer in words, as the summary shows it. */
export function valueMsg(key: AnswerKey, value: Answers[AnswerKey]): Msg {
  return msg(`interview.value.${key}.${String(value)}` as MessageKey);
}

export function applyProposals(stored: Answers, proposals: Answers): Merged {
  const fresh: Answers = { ...proposals };
  const draft: Answers = { ...stored, ...fresh };
  // A non-Enterprise topology was set automatically, so a new product asks it again.
  if (fresh.product !== undefined && fresh.topology === undefined && stored.product !== undefined &&
      stored.product !== 'enterprise' && fresh.product !== stored.product) {
    delete draft.topology;
  }
  const problems: Msg[] = [];
  const dropped: Dropped[] = [];
  for (let c = findConflicts(draft)[0], round = 0; c !== undefined; c = findConflicts(draft)[0], round++) {
    if (round >= 6) {
      // Never reached by the rules above (each round settles one pair); a safe stop all the same.
      delete draft[[...c.keys].sort((p, q) => order(q) - order(p))[0]];
      continue;
    }
    const [x, y] = [...c.keys].sort((p, q) => order(p) - order(q));
    const isNew = (k: AnswerKey): boolean => fresh[k] !== undefined && draft[k] === fresh[k];
    const bothNew = isNew(x) && isNew(y);
    const loser = bothNew ? (trust(x) > trust(y) ? x : y) : y;
    dropped.push({ answer: valueMsg(loser, draft[loser]), reason: c.reason });
    // A new answer that goes leaves what was stored before, unless the message also
    // replaced the answer that stays: then the loser is simply unknown again.
    if (isNew(loser) && !bothNew) put(draft, loser, stored[loser]);
    else delete draft[loser];
    delete fresh[loser];
  }
  // A cluster needs Enterprise (P4): "2000 active/passive" says which product it is.
  if (isCluster(draft.topology) && draft.product === undefined) draft.product = 'enterprise';
  for (const slot of ['nodeA', 'nodeB', 'evsA', 'evsB'] as const) {
    const name = fresh[slot];
    if (name === undefined) continue;
    const problem = nameProblem(slot, name, { ...draft, [slot]: undefined });
    if (problem) {
      problems.push(problem);
      put(draft, slot, stored[slot]);
    }
  }
  return { answers: normalizeAnswers(draft), problems, dropped };
}

/**
 * "cluster" (or "yes" to "Is it clustered?") without its kind, as answers to merge.
 * Exchange 5.5 clusters come in one kind, active/passive. Otherwise a cluster means
 * Enterprise Edition and its kind is still to ask (`askKind`). An edition that is never
 * clustered goes by the rule above: said in the same message, the edition goes; given
 * before, it stays and the cluster goes.
 */
export function clusterProposals(stored: Answers, proposals: Answers): { proposals: Answers; dropped: Dropped[]; askKind: boolean } {
  const version = proposals.version ?? stored.version;
  const product = proposals.product ?? stored.product;
  if (version === '5.5') return { proposals: { ...proposals, topology: 'active-passive' }, dropped: [], askKind: false };
  if (product === undefined || product === 'enterprise') {
    return { proposals: { ...proposals, product: 'enterprise' }, dropped: [], askKind: true };
  }
  const reason = NO_CLUSTER_REASON[product];
  if (proposals.product !== undefined) {
    return { proposals: { ...proposals, product: 'enterprise' }, dropped: [{ answer: valueMsg('product', product), reason }], askKind: true };
  }
  return { proposals, dropped: [{ answer: msg('interview.value.cluster'), reason }], askKind: false };
}
