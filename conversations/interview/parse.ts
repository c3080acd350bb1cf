/**
 * Free text -> what the user said, before any dialog context: answers named by
 * keywords, commands, a language, yes/no, and the leftover words (possible cluster
 * names, or words we did not understand). The dialog decides what leftovers mean.
 * Linear in the text's length (scan.ts), and a text longer than MAX_INTERVIEW_TEXT is
 * not read at all: it comes back as `tooLong`.
 */
import type { Answers, Locale } from '../types';
import type { NameSlot, QuestionId } from './questions';
import { operatorsCommandRest } from './operators';
import { MAX_INTERVIEW_TEXT, scanWords, type TypedWord } from './scan';
import { PHRASES_BY_FIRST_WORD, type Command, type Phrase } from './words';

export interface Leftover {
  /** As typed (names keep their case). */
  text: string;
  /** Slot named just before it ("passive node EXCH2"). */
  slot?: NameSlot | 'evs';
  /** The word with the punctuation `text` lost ("foo!!" for "foo"); absent when none was trimmed. */
  raw?: string;
}

export interface YesNo {
  value: boolean;
  /** As typed. */
  text: string;
  /** Said before any answer or name, as a reply opens ("yes, ADC", "nee, niet geclusterd"). */
  first: boolean;
}

export interface ParsedText {
  /** The text was longer than MAX_INTERVIEW_TEXT: nothing else was read. */
  tooLong?: { length: number; max: number };
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
  yesNo: YesNo[];
  leftovers: Leftover[];
  /** How many phrases of each language were recognised (words both languages use count for neither). */
  votes: Record<Locale, number>;
}

/** Splits into words; "5,5" is the Dutch way to write 5.5, "active / passive" is one word. */
export function tokenize(text: string): string[] {
  return scanWords(text).map((w) => w.word);
}

/** The longest phrase that starts at word `i` (phrases are at most a few words: constant work). */
function matchAt(lower: string[], i: number): Phrase | undefined {
  return PHRASES_BY_FIRST_WORD.get(lower[i])?.find((p) => p.words.every((w, k) => lower[i + k] === w));
}

export function parseText(text: string): ParsedText {
  const out: ParsedText = { answers: {}, cluster: false, yesNo: [], leftovers: [], votes: { en: 0, nl: 0 } };
  if (text.length > MAX_INTERVIEW_TEXT) return { ...out, tooLong: { length: text.length, max: MAX_INTERVIEW_TEXT } };
  const typed: TypedWord[] = scanWords(text);
  const tokens = typed.map((w) => w.word);
  const lower = tokens.map((t) => t.toLowerCase());
  // Bare "en" is Dutch for "and", so it switches language only when it is all that was said.
  if (lower.length === 1 && lower[0] === 'en') return { ...out, language: 'en' };
  const operators = operatorsCommandRest(text);
  if (operators !== undefined) return { ...out, operators };
  const yesNo = (value: boolean, text: string): void => {
    const first = out.yesNo.length === 0 && out.leftovers.length === 0 && !out.cluster && Object.keys(out.answers).length === 0;
    out.yesNo.push({ value, text, first });
  };
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
      if (negation) yesNo(false, negation);
      negation = undefined;
      afterChange = false;
      i += 1;
      continue;
    }
    i += m.words.length;
    if (m.language) out.votes[m.language] += 1;
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
    if (negation && w.kind !== 'feature' && w.kind !== 'cluster') yesNo(false, negation);
    negation = undefined;
    switch (w.kind) {
      case 'negation':
        negation = tokens[i - m.words.length];
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
        yesNo(w.kind === 'yes', tokens[i - m.words.length]);
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
        out.leftovers.push({ text: tokens[i - m.words.length] });
        break;
    }
  }
  // A negation with nothing to negate is a plain "no" ("geen", "niet").
  if (negation) yesNo(false, negation);
  return out;
}
