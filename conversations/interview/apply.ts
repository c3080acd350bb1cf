/**
 * Puts what the user said into the answers, in the context of what is known:
 * impossible combinations are refused with their reason (FACTS P4), bare words fill
 * open cluster-name slots (or, before the topology is known, wait for it: kept.ts),
 * yes/no answers the open yes/no question. Nothing invalid is stored and earlier
 * answers stay unless the user replaced them.
 */
import type { Answers, AnswerKey, KeptName } from '../types';
import { msg, type Msg } from '../strings';
import { findConflicts, isCluster } from './availability';
import { nameProblem } from './names';
import { placeNames } from './kept';
import type { ParsedText } from './parse';
import { type QuestionId, QUESTION_ORDER, nextQuestion, normalizeAnswers, question } from './questions';

export interface Interpretation {
  answers: Answers;
  /** Why something was not stored (or an earlier answer had to go). */
  problems: Msg[];
  /** Words that meant nothing here. */
  unknown: string[];
  /**
   * Cluster names typed before the topology was known, still waiting for it. The
   * dialog keeps them in its state, never in `answers` (kept.ts).
   */
  kept: KeptName[];
  /** What happened to kept names ("I'll use EXCH1, EXCH2 as the node names..."). */
  notes: Msg[];
}

/** Every value a choice question can ever take (what is offered now may be fewer). */
const CHOICE_VALUES: Partial<Record<QuestionId, readonly string[]>> = {
  version: ['2000', '5.5'],
  product: ['standard', 'enterprise', 'conferencing', 'sbs'],
  topology: ['single', 'active-passive', 'active-active'],
  change: ['service-pack', 'hotfix'],
};

const order = (k: AnswerKey): number => QUESTION_ORDER.indexOf(k);

function put(a: Answers, key: AnswerKey, value: Answers[AnswerKey]): void {
  if (value === undefined) delete a[key];
  else (a as Record<AnswerKey, unknown>)[key] = value;
}

/**
 * Merges new answers into the stored ones. Of two that cannot both hold, the answer
 * to the earlier question wins when only one of them is new (a changed version drops
 * a topology that no longer exists; a typed topology cannot undo the version); when
 * both are new neither is stored.
 */
export function applyProposals(stored: Answers, proposals: Answers): Interpretation {
  const fresh: Answers = { ...proposals };
  const draft: Answers = { ...stored, ...fresh };
  // A non-Enterprise topology was set automatically, so a new product asks it again.
  if (fresh.product !== undefined && fresh.topology === undefined && stored.product !== undefined &&
      stored.product !== 'enterprise' && fresh.product !== stored.product) {
    delete draft.topology;
  }
  const problems: Msg[] = [];
  for (let round = 0; round < 4; round++) {
    const conflicts = findConflicts(draft);
    if (conflicts.length === 0) break;
    const c = conflicts[0];
    const [x, y] = [...c.keys].sort((p, q) => order(p) - order(q));
    const newX = fresh[x] !== undefined && draft[x] === fresh[x];
    const newY = fresh[y] !== undefined && draft[y] === fresh[y];
    problems.push(msg(c.reason));
    if (newX && newY) {
      put(draft, x, stored[x]);
      put(draft, y, stored[y]);
      delete fresh[x];
      delete fresh[y];
    } else if (newX) {
      delete draft[y];
    } else {
      put(draft, y, stored[y]);
      delete fresh[y];
    }
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
  return { answers: normalizeAnswers(draft), problems, unknown: [], kept: [], notes: [] };
}

/** After new answers: kept names fill the slots a cluster topology opened, or are dropped. */
function withKeptNames(result: Interpretation, kept: readonly KeptName[]): Interpretation {
  const placed = placeNames(result.answers, [], kept);
  return { ...placed, problems: [...result.problems, ...placed.problems], unknown: [...result.unknown, ...placed.unknown] };
}

/** A button click or a submitted input: question id and the raw value. */
export function interpretAnswer(stored: Answers, id: QuestionId, raw: string, kept: readonly KeptName[] = []): Interpretation {
  const q = question(id);
  const value = raw.trim();
  const unchanged = (problems: Msg[], unknown: string[]): Interpretation => ({ answers: stored, problems, unknown, kept: [...kept], notes: [] });
  if (q.kind === 'name') {
    if (value === '') return unchanged([msg('interview.why.emptyName')], []);
    return withKeptNames(applyProposals(stored, { [id]: value }), kept);
  }
  if (q.kind === 'yes-no') {
    const v = value.toLowerCase();
    const yes = ['yes', 'ja', 'true'].includes(v);
    if (!yes && !['no', 'nee', 'false'].includes(v)) return unchanged([], [value]);
    return withKeptNames(applyProposals(stored, { [id]: yes }), kept);
  }
  if (!CHOICE_VALUES[id]?.includes(value)) return unchanged([], [value]);
  return withKeptNames(applyProposals(stored, { [id]: value } as Answers), kept);
}

/**
 * Free text: keywords first, then names for open cluster slots (names kept from
 * earlier first), then yes/no. Before the topology is known, name-like words are
 * kept for later instead of being "not understood".
 */
export function interpretText(stored: Answers, parsed: ParsedText, kept: readonly KeptName[] = []): Interpretation {
  const proposals: Answers = { ...parsed.answers };
  if (parsed.cluster && proposals.topology === undefined) {
    const version = proposals.version ?? stored.version;
    const product = proposals.product ?? stored.product;
    // Exchange 5.5 clusters are active/passive only; a non-Enterprise product gets its reason.
    if (version === '5.5' || (product !== undefined && product !== 'enterprise')) proposals.topology = 'active-passive';
    else if (product === undefined) proposals.product = 'enterprise';
  }
  const first = applyProposals(stored, proposals);
  const placed = placeNames(first.answers, parsed.leftovers, kept);
  let answers = placed.answers;
  const problems = [...first.problems, ...placed.problems];
  const unknown = [...placed.unknown];
  for (const said of parsed.yesNo) {
    const q = nextQuestion(answers);
    if (q && q.kind === 'yes-no') answers = normalizeAnswers({ ...answers, [q.id]: said.value });
    else unknown.push(said.text);
  }
  return { answers, problems, unknown, kept: placed.kept, notes: placed.notes };
}
