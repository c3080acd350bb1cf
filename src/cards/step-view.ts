/**
 * One step as the plan card shows it: where it stands (ready, waiting, done,
 * skipped), its one status line, the citation a person can use, and the actions
 * allowed now. The rules (src/rollout/decide.ts) stay the judge: these are only the
 * buttons that can succeed, so waiting steps carry no Confirm and settled ones only Undo.
 */
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { Plan, PlanStep } from '../../conversations/plan/model';
import type { Rollout } from '../rollout/model';
import { inProgress, numberRanges, stepNumber, unmetRequirements, type RolloutState, type StepState } from '../rollout/status';
import { peopleLine } from './live-lines';
import type { Button, StepBlock, StepStage } from './model';
import { formatTime } from './time';
import { stepNote } from './note-form';

/** A step of a rollout, judged once and drawn in one or two views. */
export interface StepSituation {
  step: PlanStep;
  number: number;
  state: StepState;
  stage: StepStage;
  /** The numbers of the steps it waits for ("2–4"), when waiting. */
  waitsFor?: string;
}

export function situationOf(plan: Plan, state: RolloutState, step: PlanStep, number: number): StepSituation {
  const stepState: StepState = state.steps.get(step.id) ?? { stepId: step.id, status: 'open' };
  if (stepState.status === 'done' || stepState.status === 'skipped') return { step, number, state: stepState, stage: stepState.status };
  const waiting = unmetRequirements(plan, state, step.id);
  if (!waiting.length) return { step, number, state: stepState, stage: 'ready' };
  return { step, number, state: stepState, stage: 'waiting', waitsFor: numberRanges(waiting.map((id) => stepNumber(plan, id))) };
}

/** "KB 328839 · read KB 301378": the article for steps that come from it, then the articles to read. */
export function citationOf(locale: Locale, step: PlanStep): string {
  return [
    step.facts.length ? t(locale, 'card.cite.article') : '',
    step.kbs.length ? t(locale, msg('card.cite.read', { numbers: step.kbs.join(', ') })) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export interface StepDrawing {
  view: 'full' | 'line';
  /** No buttons at all (a finished rollout, a private details view). */
  readOnly: boolean;
  refusal?: string;
  /** The rollout's clock (live-lines.ts rolloutZone), for "in progress — Bob, since 23:14 CET"; default UTC. */
  zone?: string;
}

export function drawStep(rollout: Rollout, s: StepSituation, drawing: StepDrawing): StepBlock {
  const { locale } = rollout;
  const { step, number, stage } = s;
  const details = step.details.map((d) => t(locale, d));
  if (step.node) details.unshift(t(locale, msg('card.status.onNode', { node: step.node })));
  // A ready step's line only points at its full view under "Next up": nothing to open there.
  const pointer = drawing.view === 'line' && stage === 'ready';
  const actions = drawing.readOnly || pointer ? { buttons: [], more: [] } : stepActions(rollout, s);
  const block: StepBlock = {
    type: 'step',
    stepId: step.id,
    number,
    title: t(locale, step.title),
    stage,
    status: s.state.status,
    view: drawing.view,
    statusLine: statusLine(locale, s),
    details,
    citation: citationOf(locale, step),
    sources: step.facts.length ? t(locale, msg('card.cite.sources', { ids: step.facts.join(', ') })) : t(locale, 'card.cite.none'),
    ...actions,
    labels: { details: t(locale, 'card.button.details'), more: t(locale, 'card.button.more') },
  };
  // A step's full text is one click away wherever it is drawn as a line (a finished plan's too).
  if (!pointer && !(drawing.view === 'full' && drawing.readOnly)) block.detailsAction = { k: 'details', r: rollout.id, s: step.id };
  if (s.state.status === 'problem') block.problemLine = t(locale, msg('card.status.problemBy', who(locale, s.state)));
  const people = peopleLine(locale, s.state, drawing.zone ?? 'UTC');
  if (people) block.peopleLine = people;
  if (drawing.refusal) block.refusal = drawing.refusal;
  return block;
}

function who(locale: Locale, s: StepState) {
  return { user: s.by?.name ?? '?', at: formatTime(s.at ?? '', locale), note: s.note ?? '' };
}

function statusLine(locale: Locale, s: StepSituation): string {
  switch (s.stage) {
    case 'done':
      return t(locale, msg('card.status.doneBy', who(locale, s.state)));
    case 'skipped':
      return t(locale, msg('card.status.skippedBy', who(locale, s.state)));
    case 'ready':
      return t(locale, 'card.status.nextUp');
    case 'waiting': {
      const steps = s.waitsFor ?? '';
      return t(locale, msg(/[,–]/.test(steps) ? 'card.status.waitingMany' : 'card.status.waiting', { steps }));
    }
  }
}

/**
 * Confirm where it can succeed now, and Start beside it while nobody is on the step;
 * Skip… with it (a skip respects the gates too); Problem… on any open step (a problem
 * spotted early is worth recording); Take it on a step that can be done now while
 * nobody has it; Undo on whatever has a change to undo (a Start or an assignment included).
 */
function stepActions(rollout: Rollout, s: StepSituation): { buttons: Button[]; more: Button[] } {
  const { buttons, more } = statusActions(rollout, s);
  if (s.stage === 'done' || s.stage === 'skipped') return { buttons, more };
  const { locale } = rollout;
  const payload = (v: 'start' | 'take' | 'undo') => ({ k: 'step' as const, r: rollout.id, s: s.step.id, v });
  // Start and Take it where the step can be taken on now (Next up): a card must stay within one
  // Teams message; a step further on is assigned by typing ("assign 7 @bob", "take 7").
  const ready = s.stage === 'ready';
  const live = {
    buttons: ready && !inProgress(s.state) ? [{ label: t(locale, 'live.button.start'), action: payload('start') }] : [],
    more: ready && !s.state.assignee ? [{ label: t(locale, 'live.button.take'), action: payload('take') }] : [],
  };
  // A Start or an assignment is a change too: Undo takes it back.
  const undo = s.state.changedBy && !more.some((b) => b.action.k === 'step' && b.action.v === 'undo');
  return {
    buttons: [...buttons, ...live.buttons],
    more: [...more, ...live.more, ...(undo ? [{ label: t(locale, 'card.button.undo'), action: payload('undo') }] : [])],
  };
}

function statusActions(rollout: Rollout, s: StepSituation): { buttons: Button[]; more: Button[] } {
  const { locale } = rollout;
  const payload = (v: 'confirm' | 'skip' | 'problem' | 'undo') => ({ k: 'step' as const, r: rollout.id, s: s.step.id, v });
  const confirm: Button = { label: t(locale, 'card.button.confirm'), action: payload('confirm'), style: 'primary' };
  const skip: Button = { label: t(locale, 'card.button.skip'), action: payload('skip'), note: stepNote(locale, 'skip', s.number) };
  const problem: Button = {
    label: t(locale, 'card.button.problem'),
    action: payload('problem'),
    style: 'danger',
    note: stepNote(locale, 'problem', s.number),
  };
  const undo: Button = { label: t(locale, 'card.button.undo'), action: payload('undo') };
  const reported = s.state.status === 'problem';
  switch (s.stage) {
    case 'ready':
      return { buttons: [confirm], more: reported ? [skip, undo] : [skip, problem] };
    case 'waiting':
      return { buttons: [], more: [reported ? undo : problem] };
    case 'done':
    case 'skipped':
      return { buttons: [], more: [undo] };
  }
}
