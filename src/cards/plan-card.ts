/**
 * One function draws a rollout's plan, for its first post and for every update
 * (the Netflix Dispatch pattern): header, the answers in short, warnings, the
 * phases with each step's status and the buttons allowed now, a progress line.
 * Renderers split the card over several platform messages when it is too long.
 */
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { Phase, Plan, PlanStep } from '../plan/model';
import type { Rollout, RolloutEvent } from '../plan/rollout-model';
import { deriveRolloutState, inProgress, numberRanges, stepNumber, unmetRequirements, type RolloutState, type StepState } from '../plan/status';
import type { Button, Card, CardBlock, StepBlock } from './model';
import { formatTime } from './time';
import { peopleLine, rolloutZone, windowLine } from './live-lines';

const PHASE_TITLE = {
  before: 'card.phase.before',
  apply: 'card.phase.apply',
  after: 'card.phase.after',
} as const satisfies Record<Phase, string>;

/** `nowMs`: the moment it is drawn for (the window line counts down); the publisher passes its clock. */
export function drawPlanCard(rollout: Rollout, events: RolloutEvent[], nowMs: number = Date.now()): Card {
  const { locale, plan } = rollout;
  const state = deriveRolloutState(plan, events);
  const title = t(locale, plan.title);
  const progress = progressLine(locale, state);
  const finished = rollout.status === 'completed' || state.completed;

  const blocks: CardBlock[] = [{ type: 'header', text: title }];
  if (plan.summary.length) {
    blocks.push({ type: 'text', text: plan.summary.map((line) => t(locale, line)).join('\n') });
  }
  blocks.push({
    type: 'context',
    text: [
      t(locale, msg('card.rollout.meta', { id: rollout.id, owner: rollout.owner.name, at: formatTime(rollout.createdAt, locale) })),
      accessLine(locale, rollout, state),
    ].join(' · '),
  });
  blocks.push(...liveBlocks(rollout, state, nowMs, finished));
  if (plan.warnings.length) {
    blocks.push({ type: 'text', style: 'strong', text: t(locale, 'card.warnings') });
    for (const warning of plan.warnings) blocks.push({ type: 'text', style: 'warning', text: t(locale, warning) });
  }
  if (finished) {
    blocks.push({
      type: 'text',
      style: 'strong',
      text: t(locale, msg('card.rollout.completed', { at: formatTime(state.completedAt ?? '', locale) })),
    });
  }

  let previousPhase: Phase | undefined;
  plan.steps.forEach((step, index) => {
    if (step.phase !== previousPhase) {
      blocks.push({ type: 'divider' }, { type: 'text', style: 'strong', text: t(locale, PHASE_TITLE[step.phase]) });
      previousPhase = step.phase;
    }
    blocks.push(drawStep(rollout, plan, state, step, index + 1, finished));
  });

  blocks.push({ type: 'divider' }, { type: 'context', text: progress });
  if (plan.notes.length) {
    blocks.push({ type: 'text', style: 'strong', text: t(locale, 'card.notes') });
    for (const note of plan.notes) blocks.push({ type: 'text', style: 'muted', text: t(locale, note) });
  }
  return { fallback: t(locale, msg('card.plan.fallback', { title, progress })), blocks };
}

export function progressLine(locale: Locale, state: RolloutState): string {
  const done = state.done + state.skipped;
  return state.skipped
    ? t(locale, msg('card.progress.skipped', { done, total: state.total, skipped: state.skipped }))
    : t(locale, msg('card.progress', { done, total: state.total }));
}

/** The window (with the time left), the restriction and the stakeholder channel: one small line. */
function liveBlocks(rollout: Rollout, state: RolloutState, nowMs: number, finished: boolean): CardBlock[] {
  const { locale } = rollout;
  const parts: string[] = [];
  if (state.window && !finished) parts.push(windowLine(locale, state.window, nowMs));
  if (state.restricted) parts.push(t(locale, msg('live.card.restricted', { owner: rollout.owner.name })));
  if (state.stakeholders) parts.push(t(locale, msg('live.card.stakeholders', { channel: state.stakeholders.name })));
  return parts.length ? [{ type: 'context', text: parts.join(' · ') }] : [];
}

function accessLine(locale: Locale, rollout: Rollout, state: RolloutState): string {
  if (!state.operators.length) return t(locale, 'card.rollout.anyone');
  const names = state.operators.map((o) => o.name).join(', ');
  return t(locale, msg('card.rollout.operators', { names, owner: rollout.owner.name }));
}

function drawStep(rollout: Rollout, plan: Plan, state: RolloutState, step: PlanStep, number: number, finished: boolean): StepBlock {
  const { locale } = rollout;
  const stepState: StepState = state.steps.get(step.id) ?? { stepId: step.id, status: 'open' };
  const references = [
    step.kbs.length ? t(locale, msg('card.kb', { numbers: step.kbs.join(', ') })) : '',
    step.facts.length ? t(locale, msg('card.facts', { ids: step.facts.join(', ') })) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const details = step.details.map((d) => t(locale, d));
  if (step.node) details.unshift(t(locale, msg('card.status.onNode', { node: step.node })));
  return {
    type: 'step',
    stepId: step.id,
    number,
    title: t(locale, step.title),
    details,
    references,
    status: stepState.status,
    statusLabel: t(locale, `card.status.${stepState.status}`),
    statusLine: statusLine(locale, plan, state, stepState),
    ...withPeople(peopleLine(locale, stepState, rolloutZone(state))),
    buttons: finished ? [] : stepButtons(rollout, stepState, number, unmetRequirements(plan, state, step.id).length === 0),
  };
}

function statusLine(locale: Locale, plan: Plan, state: RolloutState, s: StepState): string | undefined {
  const who = { user: s.by?.name ?? '?', at: formatTime(s.at ?? '', locale), note: s.note ?? '' };
  switch (s.status) {
    case 'done':
      return t(locale, msg('card.status.doneBy', who));
    case 'skipped':
      return t(locale, msg('card.status.skippedBy', who));
    case 'problem':
      return t(locale, msg('card.status.problemBy', who));
    case 'open': {
      const waiting = unmetRequirements(plan, state, s.stepId);
      if (!waiting.length) return undefined;
      const steps = numberRanges(waiting.map((id) => stepNumber(plan, id)));
      return t(locale, msg(waiting.length > 1 ? 'card.status.waitingMany' : 'card.status.waiting', { steps }));
    }
  }
}

function withPeople(line: string | undefined): { peopleLine?: string } {
  return line ? { peopleLine: line } : {};
}

/** Start where it can succeed now (ready, nobody on it); Take it while nobody has the step. */
function liveButtons(rollout: Rollout, s: StepState, ready: boolean): Button[] {
  if (s.status === 'done' || s.status === 'skipped') return [];
  const { locale } = rollout;
  const buttons: Button[] = [];
  if (ready && !inProgress(s)) buttons.push({ label: t(locale, 'live.button.start'), action: { k: 'step', r: rollout.id, s: s.stepId, v: 'start' } });
  if (!s.assignee) buttons.push({ label: t(locale, 'live.button.take'), action: { k: 'step', r: rollout.id, s: s.stepId, v: 'take' } });
  return buttons;
}

function stepButtons(rollout: Rollout, s: StepState, number: number, ready: boolean): Button[] {
  const { locale } = rollout;
  const payload = (v: 'confirm' | 'skip' | 'problem' | 'undo') => ({ k: 'step' as const, r: rollout.id, s: s.stepId, v });
  const confirm: Button = { label: t(locale, 'card.button.confirm'), action: payload('confirm'), style: 'primary' };
  const skip: Button = {
    label: t(locale, 'card.button.skip'),
    action: payload('skip'),
    note: {
      title: t(locale, msg('card.note.skip.title', { number })),
      label: t(locale, 'card.note.skip.label'),
      placeholder: t(locale, 'card.note.skip.placeholder'),
      submit: t(locale, 'card.note.skip.submit'),
    },
  };
  const problem: Button = {
    label: t(locale, 'card.button.problem'),
    action: payload('problem'),
    style: 'danger',
    note: {
      title: t(locale, msg('card.note.problem.title', { number })),
      label: t(locale, 'card.note.problem.label'),
      placeholder: t(locale, 'card.note.problem.placeholder'),
      submit: t(locale, 'card.note.problem.submit'),
    },
  };
  const undo: Button = { label: t(locale, 'card.button.undo'), action: payload('undo') };
  // Undo takes back the latest change, a Start or an assignment included.
  const undoable = s.changedBy !== undefined;
  switch (s.status) {
    case 'open':
      return [confirm, ...liveButtons(rollout, s, ready), skip, problem, ...(undoable ? [undo] : [])];
    case 'problem':
      return [confirm, ...liveButtons(rollout, s, ready), skip, undo];
    case 'done':
    case 'skipped':
      return [undo];
  }
}
