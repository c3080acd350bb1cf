/**
 * Puts what the user said into the answers, in the context of what is known and of
 * the question that was asked: impossible combinations lose one answer with the
 * reason (conflicts.ts), bare words fill open cluster-name slots (or, before the
 * topology is known, wait for it: kept.ts), yes/no answers the open question.
 * Nothing invalid is stored and earlier answers stay unless the user replaced them.
 */
import type { Answers, KeptName } from '../types';
import { msg, type Msg } from '../strings';
import { isCluster } from './availability';
import { applyProposals, clusterProposals, type Dropped, type Merged } from './conflicts';
import { asTyped, isNameAsTyped, looksLikeName, placeNames } from './kept';
import { badName, openNameSlots } from './names';
import type { ParsedText } from './parse';
import { type Question, type QuestionId, nextQuestion, normalizeAnswers, question } from './questions';

export interface Interpretation {
  answers: Answers;
  /** Why something was not stored (a refused name). */
  problems: Msg[];
  /** Answers that could not stand beside the others, and why (conflicts.ts). */
  dropped: Dropped[];
  /** Words that meant nothing here. */
  unknown: string[];
  /**
   * Cluster names typed before the topology was known, still waiting for it. The
   * dialog keeps them in its state, never in `answers` (kept.ts).
   */
  kept: KeptName[];
  /** What happened to kept names ("I'll use EXCH1, EXCH2 as the node names..."), what to say next. */
  notes: Msg[];
}

/** Every value a choice question can ever take (what is offered now may be fewer). */
const CHOICE_VALUES: Partial<Record<QuestionId, readonly string[]>> = {
  version: ['2000', '5.5'],
  product: ['standard', 'enterprise', 'conferencing', 'sbs'],
  topology: ['single', 'active-passive', 'active-active'],
  change: ['service-pack', 'hotfix'],
};

/** The values a yes/no button sends (and the console's words for them). */
const YES_VALUES = ['yes', 'ja', 'true'];
const NO_VALUES = ['no', 'nee', 'false'];

/** After new answers: kept names fill the slots a cluster topology opened, or are dropped. */
function withKeptNames(merged: Merged, kept: readonly KeptName[]): Interpretation {
  const placed = placeNames(merged.answers, [], kept);
  return { ...placed, problems: [...merged.problems, ...placed.problems], dropped: merged.dropped };
}

/** A button click or a submitted input: question id and the raw value. */
export function interpretAnswer(stored: Answers, id: QuestionId, raw: string, kept: readonly KeptName[] = []): Interpretation {
  const q = question(id);
  const value = raw.trim();
  const unchanged = (problems: Msg[], unknown: string[]): Interpretation =>
    ({ answers: stored, problems, dropped: [], unknown, kept: [...kept], notes: [] });
  if (q.kind === 'name') {
    if (value === '') return unchanged([msg('interview.why.emptyName')], []);
    return withKeptNames(applyProposals(stored, { [id]: value }), kept);
  }
  if (q.kind === 'yes-no') {
    const v = value.toLowerCase();
    const yes = YES_VALUES.includes(v);
    if (!yes && !NO_VALUES.includes(v)) return unchanged([], [value]);
    return withKeptNames(applyProposals(stored, { [id]: yes }), kept);
  }
  if (!CHOICE_VALUES[id]?.includes(value)) return unchanged([], [value]);
  return withKeptNames(applyProposals(stored, { [id]: value } as Answers), kept);
}

/** Whether a yes/no word agrees with what the same message already answered to `asked`. */
function agrees(asked: Question, answers: Answers, said: boolean, cluster: boolean): boolean {
  if (asked.id === 'topology') return answers.topology === undefined ? cluster && said : isCluster(answers.topology) === said;
  return answers[asked.id] === said;
}

/**
 * Free text: keywords first, then a yes/no to "Is the Exchange server clustered?",
 * then names for open cluster slots (names kept from earlier first), then yes/no for
 * the open yes/no questions in order. Before the topology is known, words written
 * like computer names are kept for later instead of being "not understood".
 */
export function interpretText(stored: Answers, parsed: ParsedText, kept: readonly KeptName[] = []): Interpretation {
  const asked = nextQuestion(stored);
  const dropped: Dropped[] = [];
  const problems: Msg[] = [];
  const unknown: string[] = [];
  let askKind = false;
  const merge = (base: Answers, proposals: Answers, cluster: boolean): Answers => {
    let wanted = proposals;
    if (cluster && proposals.topology === undefined) {
      const c = clusterProposals(base, proposals);
      wanted = c.proposals;
      dropped.push(...c.dropped);
      askKind ||= c.askKind;
    }
    const merged = applyProposals(base, wanted);
    dropped.push(...merged.dropped);
    problems.push(...merged.problems);
    return merged.answers;
  };
  let answers = merge(stored, parsed.answers, parsed.cluster);
  const yesNo = [...parsed.yesNo];
  // "yes, ADC" / "no, not clustered": the yes or no goes with the answer it came with.
  const answerable = asked !== undefined && (asked.kind === 'yes-no' || asked.id === 'topology');
  if (answerable && yesNo[0]?.first && (answers[asked.id] !== undefined || (asked.id === 'topology' && parsed.cluster))) {
    const said = yesNo.shift();
    if (said && !agrees(asked, answers, said.value, parsed.cluster)) unknown.push(said.text);
  }
  // "Is the Exchange server clustered?" is answered with yes or no too.
  if (yesNo.length > 0 && nextQuestion(answers)?.id === 'topology') {
    const said = yesNo.shift();
    if (said) answers = said.value ? merge(answers, {}, true) : merge(answers, { topology: 'single' }, false);
  }
  const placed = placeLeftovers(answers, parsed, kept, asked);
  answers = placed.answers;
  problems.push(...placed.problems);
  unknown.push(...placed.unknown);
  for (const said of yesNo) {
    const q = nextQuestion(answers);
    if (q && q.kind === 'yes-no') answers = normalizeAnswers({ ...answers, [q.id]: said.value });
    else unknown.push(said.text);
  }
  const notes = [...placed.notes];
  if (askKind && nextQuestion(answers)?.id === 'topology') notes.push(msg('interview.cluster.whichKind'));
  return { answers, problems, dropped, unknown, kept: placed.kept, notes };
}

/**
 * The words no keyword explains, as names. A word is a name only where it can only be
 * one: at a name question (where several words are names only when every one is a
 * valid name as typed and has a slot: "EXCH VS 1!" is one name refused as typed, never
 * cut to "EXCH"); in a message that names the cluster ("active/passive EXCH1 EXCH2",
 * "passive node EXCH2"); or written like a computer name (kept.ts). Elsewhere ("yes
 * banana" to "Is it clustered?") a word is not understood.
 */
function placeLeftovers(answers: Answers, parsed: ParsedText, kept: readonly KeptName[], asked: Question | undefined) {
  const words = parsed.leftovers;
  if (asked?.kind === 'name' && words.length > 0) {
    const fits = words.every(isNameAsTyped) && words.length <= openNameSlots(answers).length;
    if (!fits) {
      const placed = placeNames(answers, [], kept);
      return { ...placed, problems: [badName(words.map(asTyped).join(' ')), ...placed.problems] };
    }
  }
  const namesCluster = asked?.kind === 'name' || parsed.cluster || isCluster(parsed.answers.topology) || words.some((w) => w.slot);
  if (namesCluster) return placeNames(answers, words, kept);
  const placed = placeNames(answers, words.filter(looksLikeName), kept);
  return { ...placed, unknown: [...words.filter((w) => !looksLikeName(w)).map(asTyped), ...placed.unknown] };
}
