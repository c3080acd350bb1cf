/**
 * Free text -> what the user said, before any dialog context: answers named by
 * keywords, commands, a language, yes/no, and the leftover words (possible cluster
 * names, or words we did not understand). The dialog decides what leftovers mean.
 */
import type { Answers, Locale } from '../types';
import type { NameSlot, QuestionId } from './questions';
import { operatorsCommandRest } from './operators';
import { PHRASES, type Command, type Word } from './words';

export interface Leftover {
  /** As typed (names keep their case). */
  text: string;
  /** Slot named just before it ("passive node EXCH2"). */
  slot?: NameSlot | 'evs';
  /** The word with the punctuation `text` lost ("foo!!" for "foo"); absent when none was trimmed. */
  raw?: string;
}

export interface ParsedText {
  command?: Command;
  /** For "change <answer>". */
  target?: QuestionId;
  language?: Locale;
  /** The words after an operators command ("@alice @bob", "anyone"), read by readOperators. */
  operators?: string;
  /** Answers named by keywords, in the order typed (later ones win). */
  answers: Answers;
  /** "cluster" without its kind. */
  cluster: boolean;
  /** Bare yes/no words, in order: they answer the open yes/no questions one by one. */
  yesNo: { value: boolean; text: string }[];
  leftovers: Leftover[];
}

/** Splits into words; "5,5" is the Dutch way to write 5.5, "active / passive" is one word. */
export function tokenize(text: string): string[] {
  return words(text).map((w) => w.word);
}

/** The words of `tokenize`, each with the word as typed before its punctuation was trimmed. */
function words(text: string): { word: string; raw: string }[] {
  return text
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/\s*\/\s*/g, '/')
    .split(/[\s,;]+/)
    .map((raw) => ({ raw, word: raw === '?' ? raw : raw.replace(/^[("'`]+|[)"'`.!?:]+$/g, '') }))
    .filter((w) => w.word.length > 0);
}

function matchAt(lower: string[], i: number): { length: number; word: Word } | undefined {
  for (const p of PHRASES) {
    if (p.words.every((w, k) => lower[i + k] === w)) return { length: p.words.length, word: p.word };
  }
  return undefined;
}

export function parseText(text: string): ParsedText {
  const typed = words(text);
  const tokens = typed.map((w) => w.word);
  const lower = tokens.map((t) => t.toLowerCase());
  const out: ParsedText = { answers: {}, cluster: false, yesNo: [], leftovers: [] };
  // Bare "en" is Dutch for "and", so it switches language only when it is all that was said.
  if (lower.length === 1 && lower[0] === 'en') return { ...out, language: 'en' };
  const operators = operatorsCommandRest(text);
  if (operators !== undefined) return { ...out, operators };
  /** The negation word waiting for what it negates ("geen adc"); alone it means no. */
  let negation: string | undefined;
  let pendingSlot: NameSlot | 'evs' | undefined;
  let afterChange = false;
  for (let i = 0; i < tokens.length; ) {
    const m = matchAt(lower, i);
    if (!m) {
      const left: Leftover = pendingSlot ? { text: tokens[i], slot: pendingSlot } : { text: tokens[i] };
      if (typed[i].raw !== tokens[i]) left.raw = typed[i].raw;
      out.leftovers.push(left);
      pendingSlot = undefined;
      if (negation) out.yesNo.push({ value: false, text: negation });
      negation = undefined;
      afterChange = false;
      i += 1;
      continue;
    }
    i += m.length;
    const w = m.word;
    if (afterChange && (w.kind === 'target' || w.kind === 'feature' || w.kind === 'slot' || w.kind === 'cluster')) {
      out.target = w.kind === 'target' || w.kind === 'feature' ? w.target : w.kind === 'cluster' ? 'topology' : w.slot === 'evs' ? 'evsA' : w.slot;
      afterChange = false;
      continue;
    }
    if (w.kind === 'filler' || (w.kind === 'target' && !afterChange)) continue;
    afterChange = false;
    const negate = negation !== undefined;
    // A negation before something it cannot negate was a plain "no" ("no no", "no yes").
    if (negation && w.kind !== 'feature' && w.kind !== 'cluster') out.yesNo.push({ value: false, text: negation });
    negation = undefined;
    switch (w.kind) {
      case 'negation':
        negation = tokens[i - m.length];
        continue; // keeps the negation for the next word ("not a store hotfix")
      case 'set':
        Object.assign(out.answers, w.answers);
        break;
      case 'feature':
        Object.assign(out.answers, negate ? w.off : w.on);
        break;
      case 'cluster':
        if (negate) out.answers.topology = 'single';
        else out.cluster = true;
        break;
      case 'yes':
      case 'no':
        out.yesNo.push({ value: w.kind === 'yes', text: tokens[i - m.length] });
        break;
      case 'command':
        out.command ??= w.command;
        afterChange = w.command === 'change';
        break;
      case 'language':
        out.language = w.locale;
        break;
      case 'slot':
        pendingSlot = w.slot;
        break;
      case 'operators':
      case 'anyone':
        out.leftovers.push({ text: tokens[i - m.length] });
        break;
    }
  }
  // A negation with nothing to negate is a plain "no" ("geen", "niet").
  if (negation) out.yesNo.push({ value: false, text: negation });
  return out;
}
