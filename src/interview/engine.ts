/**
 * The interview engine: (state, event) -> (state, outputs). Pure: the time comes in
 * `ctx`, nothing is read or written; the bot saves the state and shows the cards.
 * Questions, words and rules live in conversations/interview; this file only
 * decides what happens next.
 */
import type { Answers, KeptName, Locale, Place } from '../../conversations/types';
import { msg, t, where, type Msg } from '../../conversations/strings';
import { completeAnswers, isQuestionId, nextQuestion, question, type QuestionId } from '../../conversations/interview/questions';
import { parseText, type ParsedText } from '../../conversations/interview/parse';
import { MAX_INTERVIEW_TEXT } from '../../conversations/interview/scan';
import { readOperators } from '../../conversations/interview/operators';
import { restAfter, WINDOW_WORDS } from '../../conversations/live/words';
import { readWindow } from '../rollout/window';
import { windowText } from '../cards/live-lines';
import { interpretAnswer, interpretText, type Interpretation } from '../../conversations/interview/apply';
import { echoChanges } from '../../conversations/interview/describe';
import { keptNote } from '../../conversations/interview/kept';
import type { UserRef } from '../rollout/model';
import { cancelledCard, changeCard, helpCard, noRemarks, questionCard, summaryCard, type Remarks } from '../cards/interview';
import type { DialogCommand, DialogContext, DialogEvent, DialogResult, DialogState } from './types';
import { withoutCommandName } from '../../conversations/command';

export function newDialogState(locale: Locale, now: Date, place?: Place): DialogState {
  const state: DialogState = { locale, answers: {}, history: [], stage: 'asking', operators: [], startedAt: now.toISOString() };
  return place ? { ...state, place } : state;
}

/** The card for where the interview stands: the next question, or the summary. */
export function currentCard(state: DialogState, remarks: Remarks = noRemarks()) {
  const q = nextQuestion(state.answers);
  if (!q) return summaryCard(state.locale, state.answers, state.operators, remarks, state.place, state.window);
  return questionCard(state.locale, state.answers, q, remarks, state.history.length > 0);
}

function show(state: DialogState, remarks?: Remarks): DialogResult {
  return { state, outputs: [{ type: 'card', card: currentCard(state, remarks) }] };
}

function remarks(partial: Partial<Remarks>): Remarks {
  return { ...noRemarks(), ...partial };
}

/** Names kept for a cluster whose topology is not known yet (the state leaves the field out when there are none). */
function keptOf(state: DialogState): KeptName[] {
  return state.keptNames ?? [];
}

/** The kept names before each history entry, one per entry (left out when all are empty). */
function keptHistoryOf(state: DialogState, length = state.history.length): KeptName[][] {
  return Array.from({ length }, (_, i) => state.keptNamesHistory?.[i] ?? []);
}

/** The state with these kept names; empty ones are left out, so states without names look as before. */
function withKept(state: DialogState, kept: KeptName[], keptHistory: KeptName[][]): DialogState {
  const next: DialogState = { ...state };
  delete next.keptNames;
  delete next.keptNamesHistory;
  if (kept.length > 0) next.keptNames = kept;
  if (keptHistory.some((k) => k.length > 0)) next.keptNamesHistory = keptHistory;
  return next;
}

/** New answers and kept names; the old ones go on the history for "back". */
function advance(state: DialogState, answers: Answers, kept: KeptName[]): DialogState {
  const next: DialogState = { ...state, answers, history: [...state.history, state.answers] };
  return withKept(next, kept, [...keptHistoryOf(state), keptOf(state)]);
}

/** Stores new answers (one "back" undoes them all) and shows what comes next. */
function withAnswers(state: DialogState, result: Interpretation, extra: Partial<Remarks> = {}): DialogResult {
  const echo = echoChanges(state.answers, result.answers);
  const changed =
    JSON.stringify(result.answers) !== JSON.stringify(state.answers) ||
    JSON.stringify(result.kept) !== JSON.stringify(keptOf(state));
  const next: DialogState = changed ? advance(state, result.answers, result.kept) : { ...state };
  next.stage = nextQuestion(next.answers) ? 'asking' : 'summary';
  return show(next, remarks({ ...extra, echo, names: result.notes, problems: result.problems, dropped: result.dropped, unknown: result.unknown }));
}

/** "That message is too long": said instead of reading it, and nothing changes. */
function tooLong(length: number): Msg {
  return msg('interview.tooLong', { length, max: MAX_INTERVIEW_TEXT });
}

/** The language the words are written in, when they say so more in one language than the other. */
function languageOfWords(parsed: ParsedText): Locale | undefined {
  if (parsed.votes.nl > parsed.votes.en) return 'nl';
  if (parsed.votes.en > parsed.votes.nl) return 'en';
  return undefined;
}

/**
 * At the summary a reply of only yes-words or "post" posts the plan, and only no-words
 * offer the answers to change; anything else is read as answers.
 */
function summaryReply(state: DialogState, parsed: ParsedText): DialogCommand | undefined {
  if (state.stage !== 'summary' || nextQuestion(state.answers)) return undefined;
  const nothingElse = Object.keys(parsed.answers).length === 0 && !parsed.cluster && parsed.leftovers.length === 0 && !parsed.target;
  if (!nothingElse || (parsed.command !== undefined && parsed.command !== 'confirm')) return undefined;
  if (parsed.yesNo.every((w) => w.value) && (parsed.command === 'confirm' || parsed.yesNo.length > 0)) return 'confirm';
  if (parsed.command === undefined && parsed.yesNo.length > 0 && parsed.yesNo.every((w) => !w.value)) return 'change';
  return undefined;
}

function runCommand(state: DialogState, command: DialogCommand, target?: string): DialogResult {
  switch (command) {
    case 'back': {
      if (state.history.length === 0) return show(state, remarks({ notes: [msg('interview.nothingToUndo')] }));
      const last = state.history.length - 1;
      const answers = state.history[last];
      // The names kept before that answer come back with it, and are said again.
      const kept = keptHistoryOf(state)[last];
      const next = withKept({ ...state, answers, history: state.history.slice(0, -1) }, kept, keptHistoryOf(state, last));
      next.stage = nextQuestion(answers) ? 'asking' : 'summary';
      return show(next, remarks({ names: kept.length > 0 ? [keptNote(kept)] : [] }));
    }
    case 'restart': {
      const fresh = withKept({ ...state, answers: {}, history: [], stage: 'asking', operators: [] }, [], []);
      return show(fresh, remarks({ notes: [msg('interview.restarted')] }));
    }
    case 'cancel':
      return { state: undefined, outputs: [{ type: 'cancelled', card: cancelledCard(state.locale) }] };
    case 'help':
      return { state, outputs: [{ type: 'card', card: helpCard(state.locale, state.place) }, { type: 'card', card: currentCard(state) }] };
    case 'confirm': {
      const complete = completeAnswers(state.answers);
      if (!complete) return show(state, remarks({ notes: [msg('interview.notComplete')] }));
      // A plan is posted only from a summary the user has seen.
      if (state.stage !== 'summary') return show({ ...state, stage: 'summary' });
      return {
        state: undefined,
        outputs: [
          { type: 'post-plan', answers: complete, operators: state.operators, locale: state.locale, ...(state.window ? { window: state.window } : {}) },
        ],
      };
    }
    case 'change':
      return changeAnswer(state, target);
  }
}

/** Forgets one answer and asks it again; without a known answer, offers the choice. */
function changeAnswer(state: DialogState, target: string | undefined): DialogResult {
  const a = state.answers;
  const id: QuestionId | undefined = target !== undefined && isQuestionId(target) ? target : undefined;
  if (!id || a[id] === undefined || !question(id).applies(a)) {
    const notes = target !== undefined ? [msg('interview.change.cannot')] : [];
    return { state, outputs: [{ type: 'card', card: changeCard(state.locale, a, remarks({ notes })) }] };
  }
  const answers: Answers = { ...a };
  delete answers[id];
  // A non-Enterprise product's topology was automatic: a new product asks it again.
  if (id === 'product' && a.product !== 'enterprise') delete answers.topology;
  return show({ ...advance(state, answers, keptOf(state)), stage: 'asking' });
}

function onText(state: DialogState, text: string, mentions: UserRef[] | undefined, ctx: DialogContext): DialogResult {
  const window = restAfter(WINDOW_WORDS, text);
  if (window !== undefined) return onWindow(state, window, ctx);
  return onParsed(state, parseText(text), text, mentions, ctx.user);
}

/** "window 22:00-02:00" during the interview: kept with the answers and posted with the plan. */
function onWindow(state: DialogState, rest: string, ctx: DialogContext): DialogResult {
  const reading = readWindow(rest, ctx.now.getTime(), ctx.timeZone);
  if (!reading.ok) return show(state, remarks({ problems: [reading.reason] }));
  const next: DialogState = { ...state };
  delete next.window;
  if (reading.window) next.window = reading.window;
  const note = reading.window ? msg('live.window.interview', { window: windowText(state.locale, reading.window) }) : msg('live.window.interviewNone');
  return show(next, remarks({ notes: [note] }));
}

function onParsed(state: DialogState, parsed: ParsedText, text: string, mentions: UserRef[] | undefined, user: UserRef | undefined): DialogResult {
  if (parsed.tooLong) return show(state, remarks({ problems: [tooLong(parsed.tooLong.length)] }));
  if (parsed.operators !== undefined) {
    const choice = readOperators(parsed.operators, mentions ?? [], user);
    // Refused: the earlier choice stands, and the user is told why.
    if (!choice.ok) return show(state, remarks({ problems: [{ ...choice.reason, params: { where: where(state.locale, state.place), ...choice.reason.params } }] }));
    const chosen = choice.operators;
    const anyone = t(state.locale, 'interview.operators.anyone', { where: where(state.locale, state.place) });
    const names = chosen.length === 0 ? anyone : chosen.map((u) => u.name).join(', ');
    const note = msg('interview.operators.set', { names });
    return show({ ...state, operators: chosen }, remarks({ notes: [note] }));
  }
  const notes: Msg[] = [];
  let current = state;
  if (parsed.language) {
    current = { ...state, locale: parsed.language };
    notes.push(msg('interview.languageSet'));
  }
  const hasAnswers = Object.keys(parsed.answers).length > 0 || parsed.cluster || parsed.leftovers.length > 0 || parsed.yesNo.length > 0;
  const atSummary = summaryReply(current, parsed);
  if (atSummary) return runCommand(current, atSummary);
  // "change version" asks again; "change 5.5" just gives the new answer.
  if (parsed.command === 'change' && (parsed.target || !hasAnswers)) return runCommand(current, 'change', parsed.target);
  // "ok, 2000 standard": the answers count; posting waits for the summary.
  const postWithAnswers = parsed.command === 'confirm' && hasAnswers;
  if (parsed.command && parsed.command !== 'change' && !postWithAnswers) return runCommand(current, parsed.command);
  // One word at a name question is that name, even when it is also a keyword ("EXCHANGE", "TS"); not yes or no.
  const asked = nextQuestion(current.answers);
  const word = text.trim();
  if (asked?.kind === 'name' && !parsed.language && parsed.yesNo.length === 0 && /^\S+$/.test(word)) {
    return withAnswers(current, interpretAnswer(current.answers, asked.id, word, keptOf(current)), { notes });
  }
  if (!hasAnswers) return show(current, remarks({ notes }));
  return withAnswers(current, interpretText(current.answers, parsed, keptOf(current)), { notes });
}

function start(state: DialogState | undefined, text: string, mentions: UserRef[] | undefined, ctx: DialogContext): DialogResult {
  if (text.length > MAX_INTERVIEW_TEXT) return refuseTooLong(state, text.length, ctx);
  const words = withoutCommandName(text).trim();
  if (state && words === '') return show(state, remarks({ notes: [msg('interview.resumed')] }));
  const parsed = parseText(words);
  // Words typed in one language start the interview in it, unless the user chose one.
  const guessed = !state && ctx.localeIsGuess ? languageOfWords(parsed) : undefined;
  const fresh = newDialogState(guessed ?? state?.locale ?? ctx.locale, ctx.now, ctx.place);
  // "help" alone, with no interview under way, is a question about the bot: it begins no
  // interview (nothing saved, no "is preparing a plan" line in a shared channel).
  if (!state && parsed.command === 'help' && Object.keys(parsed.answers).length === 0 && !parsed.language) {
    return { state: undefined, outputs: [{ type: 'card', card: helpCard(fresh.locale, fresh.place) }] };
  }
  return words === '' ? show(fresh) : onParsed(fresh, parsed, words, mentions, ctx.user);
}

/** A message too long to read: said so, and nothing changes (no interview is begun or restarted). */
function refuseTooLong(state: DialogState | undefined, length: number, ctx: DialogContext): DialogResult {
  if (state) return show(state, remarks({ problems: [tooLong(length)] }));
  const text = t(ctx.locale, tooLong(length));
  return { state: undefined, outputs: [{ type: 'card', card: { fallback: text, blocks: [{ type: 'text', text, style: 'warning' }] } }] };
}

export function stepDialog(saved: DialogState | undefined, event: DialogEvent, ctx: DialogContext): DialogResult {
  // Where the plan will go may be known only now (or have changed): its words follow.
  const state = saved && ctx.place && saved.place !== ctx.place ? { ...saved, place: ctx.place } : saved;
  switch (event.type) {
    case 'start':
      return start(state, event.text, event.mentions, ctx);
    case 'text':
      if (event.text.length > MAX_INTERVIEW_TEXT) return refuseTooLong(state, event.text.length, ctx);
      return state ? onText(state, event.text, event.mentions, ctx) : start(undefined, event.text, event.mentions, ctx);
    case 'language': {
      const base = state ?? newDialogState(event.locale, ctx.now, ctx.place);
      return show({ ...base, locale: event.locale }, remarks({ notes: [msg('interview.languageSet')] }));
    }
    case 'command': {
      if (!state && event.command === 'cancel') {
        return { state: undefined, outputs: [{ type: 'cancelled', card: cancelledCard(ctx.locale) }] };
      }
      return runCommand(state ?? newDialogState(ctx.locale, ctx.now, ctx.place), event.command, event.question);
    }
    case 'answer': {
      if (event.value.length > MAX_INTERVIEW_TEXT) return refuseTooLong(state, event.value.length, ctx);
      const base = state ?? newDialogState(ctx.locale, ctx.now, ctx.place);
      // A click on an old card for a question that no longer applies (the topology
      // is let through: its refusal carries the real reason, P4).
      const id = event.question;
      if (!isQuestionId(id) || (id !== 'topology' && !question(id).applies(base.answers))) {
        return show(base, remarks({ problems: [msg('interview.why.stale')] }));
      }
      return withAnswers(base, interpretAnswer(base.answers, id, event.value, keptOf(base)));
    }
  }
}
