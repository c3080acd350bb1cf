/**
 * One function draws a rollout's plan, for its first post and for every update
 * (the Netflix Dispatch pattern), so that a tired admin at 2 a.m. sees first what
 * to do now:
 * - the title, the plan's short reference (#42), who started it;
 * - the progress line ("3 of 8 steps done · next: 4. Stop antivirus…");
 * - "Next up": the steps that can be done now, in full, with their Confirm;
 * - the traps not to miss;
 * - the plan by phase, one line per step (done steps shrink to who and when),
 *   each step's full text one click away;
 * - the answers behind the plan, background notes, and who may act.
 * A refused click may be drawn under what was clicked, for the clicker's copy only.
 * Renderers split the card over several platform messages when it is too long.
 */
import { msg, t, where } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { Phase } from '../../conversations/plan/model';
import type { Rollout, RolloutEvent } from '../rollout/model';
import { formatRef } from '../rollout/short-ref';
import { deriveRolloutState, type RolloutState } from '../rollout/status';
import type { Card, CardBlock, PeopleBlock } from './model';
import { drawStep, situationOf, type StepSituation } from './step-view';
import { formatTime } from './time';
import { rolloutZone, windowLine } from './live-lines';

const PHASE_TITLE = {
  before: 'card.phase.before',
  apply: 'card.phase.apply',
  after: 'card.phase.after',
} as const satisfies Record<Phase, string>;

/** Where a refusal is drawn when it is about who may act rather than a step. */
export const PEOPLE_SECTION = 'people';

export interface DrawOptions {
  /** A refused click, drawn at the step it was about (its id) or at PEOPLE_SECTION. */
  refusal?: { at: string; text: string };
  /** The moment it is drawn for (a maintenance window counts down on the card); default now. The publisher passes its clock. */
  nowMs?: number;
}

export function drawPlanCard(rollout: Rollout, events: RolloutEvent[], options: DrawOptions = {}): Card {
  const { locale, plan } = rollout;
  const state = deriveRolloutState(plan, events);
  const title = t(locale, plan.title);
  const finished = rollout.status === 'completed' || state.completed;
  const steps = plan.steps.map((step, index) => situationOf(plan, state, step, index + 1));
  const ready = finished ? [] : steps.filter((s) => s.stage === 'ready');
  const refusalAt = (id: string) => (options.refusal?.at === id ? { refusal: options.refusal.text } : {});
  const progress = progressWithNext(locale, state, ready);
  const zone = rolloutZone(state);

  const blocks: CardBlock[] = [
    { type: 'header', text: title },
    {
      type: 'context',
      text: t(locale, msg('card.rollout.meta', { ref: formatRef(rollout.ref), owner: rollout.owner.name, at: formatTime(rollout.createdAt, locale) })),
    },
  ];
  if (finished) {
    blocks.push({ type: 'text', style: 'strong', text: t(locale, msg('card.rollout.completed', { at: formatTime(state.completedAt ?? '', locale) })) });
    blocks.push({ type: 'context', text: progress });
  } else {
    blocks.push({ type: 'text', style: 'emphasis', text: progress });
  }
  blocks.push(...liveBlocks(rollout, state, options.nowMs ?? Date.now(), finished));

  if (ready.length) {
    blocks.push({ type: 'divider' }, { type: 'text', style: 'strong', text: t(locale, 'card.nextUp') });
    for (const s of ready) blocks.push(drawStep(rollout, s, { view: 'full', readOnly: false, zone, ...refusalAt(s.step.id) }));
  }

  if (plan.warnings.length) {
    blocks.push({ type: 'divider' }, { type: 'text', style: 'strong', text: t(locale, 'card.warnings') });
    for (const warning of plan.warnings) blocks.push({ type: 'text', style: 'warning', text: t(locale, warning) });
  }

  let previousPhase: Phase | undefined;
  for (const s of steps) {
    if (s.step.phase !== previousPhase) {
      blocks.push({ type: 'divider' }, { type: 'text', style: 'strong', text: t(locale, PHASE_TITLE[s.step.phase]) });
      previousPhase = s.step.phase;
    }
    // A ready step's refusal goes with its full view under "Next up".
    const refusal = s.stage === 'ready' && !finished ? {} : refusalAt(s.step.id);
    blocks.push(drawStep(rollout, s, { view: 'line', readOnly: finished, zone, ...refusal }));
  }

  if (plan.summary.length) {
    blocks.push({ type: 'divider' }, { type: 'text', style: 'strong', text: t(locale, 'card.answers') });
    blocks.push({ type: 'text', text: plan.summary.map((line) => t(locale, line)).join('\n') });
  }
  if (plan.notes.length) {
    blocks.push({ type: 'text', style: 'strong', text: t(locale, 'card.notes') });
    for (const note of plan.notes) blocks.push({ type: 'text', style: 'muted', text: t(locale, note) });
  }
  // In a chat with the bot alone there is nobody else to let in.
  if (!finished && rollout.place !== 'personal') {
    blocks.push({ type: 'divider' }, peopleBlock(rollout, events, state, refusalAt(PEOPLE_SECTION).refusal));
  }
  return { fallback: t(locale, msg('card.plan.fallback', { title, progress })), locale, blocks };
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

/** "3 of 8 steps done" (with the skipped ones counted apart). */
export function progressLine(locale: Locale, state: RolloutState): string {
  const done = state.done + state.skipped;
  return state.skipped
    ? t(locale, msg('card.progress.skipped', { done, total: state.total, skipped: state.skipped }))
    : t(locale, msg('card.progress', { done, total: state.total }));
}

/** "3 of 8 steps done · next: 4. Stop antivirus…", or "· next: steps 1–4" when several can be done. */
export function progressWithNext(locale: Locale, state: RolloutState, ready: StepSituation[]): string {
  const progress = progressLine(locale, state);
  if (ready.length === 1) {
    const [only] = ready;
    return t(locale, msg('card.progress.nextOne', { progress, number: only.number, title: t(locale, only.step.title) }));
  }
  if (ready.length > 1) {
    const steps = ready.map((s) => s.number);
    const contiguous = steps.every((n, i) => i === 0 || n === steps[i - 1] + 1);
    const list = contiguous && steps.length > 2 ? `${steps[0]}–${steps.at(-1)}` : steps.join(', ');
    return t(locale, msg('card.progress.nextMany', { progress, steps: list }));
  }
  return progress;
}

/** "Anyone in this channel can confirm steps." or "Only Bob and Alice (owner) can act on this plan." */
export function accessLine(rollout: Rollout, state: RolloutState): string {
  const { locale } = rollout;
  if (!state.operators.length) return t(locale, 'card.rollout.anyone', { where: where(locale, rollout.place) });
  const names = state.operators.map((o) => o.name).join(', ');
  return t(locale, msg('card.rollout.operators', { names, owner: rollout.owner.name }));
}

function peopleBlock(rollout: Rollout, events: RolloutEvent[], state: RolloutState, refusal: string | undefined): PeopleBlock {
  const { locale } = rollout;
  const known = new Map<string, { id: string; name: string }>();
  for (const person of [...state.operators, ...events.map((e) => e.actor), rollout.owner]) {
    if (!known.has(person.id)) known.set(person.id, { id: person.id, name: person.name });
  }
  const here = where(locale, rollout.place);
  const block: PeopleBlock = {
    type: 'people',
    label: t(locale, 'card.people.title'),
    text: accessLine(rollout, state),
    hint: t(locale, msg('card.people.owner', { owner: rollout.owner.name })),
    typed: t(locale, 'card.people.typed'),
    placeholder: t(locale, 'card.people.placeholder'),
    selected: state.operators.map((o) => ({ id: o.id, name: o.name })),
    candidates: [...known.values()],
    pick: { k: 'operators', r: rollout.id, v: 'pick' },
    submit: t(locale, 'card.people.save'),
    anyone: { label: t(locale, 'card.people.anyone', { where: here }), action: { k: 'operators', r: rollout.id, v: 'anyone' } },
  };
  if (refusal) block.refusal = refusal;
  return block;
}

/**
 * One step's full text for its clicker alone (where a card cannot open it in place):
 * the step, where it stands, and the FACTS ids it comes from.
 */
export function drawStepDetails(rollout: Rollout, events: RolloutEvent[], stepId: string): Card | undefined {
  const { locale, plan } = rollout;
  const index = plan.steps.findIndex((s) => s.id === stepId);
  if (index < 0) return undefined;
  const state = deriveRolloutState(plan, events);
  const s = situationOf(plan, state, plan.steps[index], index + 1);
  const step = drawStep(rollout, s, { view: 'full', readOnly: true, zone: rolloutZone(state) });
  const context = `${formatRef(rollout.ref)} · ${t(locale, plan.title)}`;
  return {
    fallback: `${step.number}. ${step.title}`,
    locale,
    blocks: [step, { type: 'context', text: step.statusLine }, { type: 'context', text: step.sources }, { type: 'context', text: context }],
  };
}
