/**
 * The interview as data: one question per answer key, asked in this order and only
 * while it applies and is still unknown. `applies` is false only when an answer is
 * known not to matter (so an answer given early, before the question that decides
 * it, is kept until it turns out not to apply).
 */
import type { Answers, AnswerKey, CompleteAnswers } from '../types';
import type { MessageKey } from '../strings';
import { isCluster, productsFor, topologiesFor } from './availability';

export type QuestionId = AnswerKey;
/** choice: buttons with values; yes-no: two buttons, boolean answer; name: a text input. */
export type QuestionKind = 'choice' | 'yes-no' | 'name';

export interface Question {
  id: QuestionId;
  kind: QuestionKind;
  /** The values offered now (choice questions; yes-no is always yes/no). */
  choices(a: Answers): string[];
  applies(a: Answers): boolean;
}

export const QUESTION_ORDER: readonly QuestionId[] = [
  'version',
  'product',
  'topology',
  'nodeA',
  'nodeB',
  'evsA',
  'evsB',
  'change',
  'storeHotfix',
  'adc',
  'adcCustomMaps',
  'mailboxManager',
  'interOrgSync',
  'terminalServices',
];

export const NAME_SLOTS = ['nodeA', 'nodeB', 'evsA', 'evsB'] as const;
export type NameSlot = (typeof NAME_SLOTS)[number];

const always = (): boolean => true;
const none = (): string[] => [];
const mayCluster = (a: Answers): boolean =>
  a.topology !== 'single' && (a.product === undefined || a.product === 'enterprise');

const QUESTIONS: Record<QuestionId, Question> = {
  version: { id: 'version', kind: 'choice', choices: () => ['2000', '5.5'], applies: always },
  product: { id: 'product', kind: 'choice', choices: productsFor, applies: always },
  // Only Enterprise can be clustered, so only Enterprise is asked (others are 'single').
  topology: {
    id: 'topology',
    kind: 'choice',
    choices: topologiesFor,
    applies: (a) => a.product === undefined || a.product === 'enterprise',
  },
  nodeA: { id: 'nodeA', kind: 'name', choices: none, applies: mayCluster },
  nodeB: { id: 'nodeB', kind: 'name', choices: none, applies: mayCluster },
  evsA: { id: 'evsA', kind: 'name', choices: none, applies: mayCluster },
  evsB: {
    id: 'evsB',
    kind: 'name',
    choices: none,
    applies: (a) => mayCluster(a) && a.topology !== 'active-passive' && a.version !== '5.5',
  },
  change: { id: 'change', kind: 'choice', choices: () => ['service-pack', 'hotfix'], applies: always },
  storeHotfix: { id: 'storeHotfix', kind: 'yes-no', choices: none, applies: (a) => a.change !== 'service-pack' },
  adc: { id: 'adc', kind: 'yes-no', choices: none, applies: (a) => a.version !== '5.5' },
  adcCustomMaps: {
    id: 'adcCustomMaps',
    kind: 'yes-no',
    choices: none,
    applies: (a) => a.version !== '5.5' && a.adc !== false,
  },
  mailboxManager: { id: 'mailboxManager', kind: 'yes-no', choices: none, applies: (a) => a.version !== '2000' },
  interOrgSync: { id: 'interOrgSync', kind: 'yes-no', choices: none, applies: (a) => a.version !== '2000' },
  // A restart after a Terminal Services session matters for non-clustered Exchange 2000 (C1, C6).
  terminalServices: {
    id: 'terminalServices',
    kind: 'yes-no',
    choices: none,
    applies: (a) => a.version !== '5.5' && !isCluster(a.topology),
  },
};

export function isQuestionId(id: string): id is QuestionId {
  return (QUESTION_ORDER as readonly string[]).includes(id);
}

export function question(id: QuestionId): Question {
  return QUESTIONS[id];
}

/** The first question that applies and has no answer yet; undefined when complete. */
export function nextQuestion(a: Answers): Question | undefined {
  for (const id of QUESTION_ORDER) {
    const q = QUESTIONS[id];
    if (a[id] === undefined && q.applies(a)) return q;
  }
  return undefined;
}

/** The questions answered so far that still apply, in interview order (those a user can change). */
export function answeredQuestions(a: Answers): Question[] {
  return QUESTION_ORDER.map((id) => QUESTIONS[id]).filter((q) => a[q.id] !== undefined && q.applies(a));
}

/** The answers once nothing is left to ask; undefined while questions remain. */
export function completeAnswers(a: Answers): CompleteAnswers | undefined {
  if (nextQuestion(a)) return undefined;
  const { version, product, topology, change } = a;
  if (!version || !product || !topology || !change) return undefined;
  return { ...a, version, product, topology, change };
}

/**
 * Keeps the answers consistent: non-Enterprise products are never clustered (the
 * topology follows), and answers whose question no longer applies are dropped.
 */
export function normalizeAnswers(a: Answers): Answers {
  const out: Answers = { ...a };
  if (out.product !== undefined && out.product !== 'enterprise') out.topology = 'single';
  for (const id of QUESTION_ORDER) {
    // The topology is always part of complete answers ('single' when not asked).
    if (id !== 'topology' && out[id] !== undefined && !QUESTIONS[id].applies(out)) delete out[id];
  }
  return out;
}
