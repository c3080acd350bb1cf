/** Short texts around a plan: the thread line for each recorded event, the channel status list. */
import { msg, t, where, type MessageKey, type Msg } from '../../conversations/strings';
import { tOn, type PlatformName } from '../../conversations/strings/platform';
import type { Locale } from '../../conversations/types';
import { progressLine } from './plan-card';
import type { Card, CardBlock } from './model';
import type { Rollout, RolloutEvent, RolloutEventType, RolloutSnapshot } from '../rollout/model';
import { formatRef } from '../rollout/short-ref';
import { deriveRolloutState, stepNumber, type StepState } from '../rollout/status';
import { liveBackTo, liveNoteFor, tookSuffix } from './live-notes';

const STEP_NOTES: Partial<Record<RolloutEventType, MessageKey>> = {
  confirmed: 'card.thread.confirmed',
  skipped: 'card.thread.skipped',
  problem: 'card.thread.problem',
  undone: 'card.thread.undone',
};

/**
 * The team's record line for one event, in the plan's language; undefined for
 * 'created'. With the rollout's log (`events`, holding this event), an undo also says
 * what the step went back to ("back to: problem reported by Bob: ...").
 */
export function threadNoteFor(rollout: Rollout, event: RolloutEvent, events?: RolloutEvent[]): string | undefined {
  const { locale, plan } = rollout;
  const key = STEP_NOTES[event.type];
  if (key && event.stepId) {
    const step = plan.steps.find((s) => s.id === event.stepId);
    const line = t(
      locale,
      msg(key, {
        user: event.actor.name,
        number: stepNumber(plan, event.stepId),
        title: step ? t(locale, step.title) : event.stepId,
        note: event.note ?? '',
      }),
    );
    if (event.type === 'confirmed') return line + tookSuffix(rollout, event, events ?? []);
    if (event.type !== 'undone' || !events) return line;
    const after = deriveRolloutState(plan, events.filter((e) => e.seq <= event.seq)).steps.get(event.stepId);
    return after ? `${line} ${t(locale, msg('card.thread.backTo', { state: t(locale, backTo(after)) }))}` : line;
  }
  if (event.type === 'operators-set') {
    const names = (event.operators ?? []).map((o) => o.name).join(', ');
    return names
      ? t(locale, msg('card.thread.operators', { user: event.actor.name, names }))
      : t(locale, msg('card.thread.operatorsAnyone', { user: event.actor.name, where: where(locale, rollout.place) }));
  }
  if (event.type === 'completed') return t(locale, 'card.thread.completed');
  return liveNoteFor(rollout, event, events);
}

/** What a step shows after an undo: the change underneath, or open. */
function backTo(step: StepState): Msg {
  const live = liveBackTo(step);
  if (live) return live;
  const who = { user: step.by?.name ?? '?', note: step.note ?? '' };
  switch (step.status) {
    case 'open':
      return msg('card.backTo.open');
    case 'done':
      return msg('card.backTo.done', who);
    case 'skipped':
      return msg('card.backTo.skipped', who);
    case 'problem':
      return msg('card.backTo.problem', who);
  }
}

/**
 * `/exchange-sp status`: the open rollouts here with their progress; `here` says where
 * ("in this channel"); with none, how to plan one in `platform`'s words.
 */
export function drawStatusCard(locale: Locale, snapshots: RolloutSnapshot[], here: string = where(locale), platform: PlatformName = 'slack'): Card {
  const title = t(locale, 'card.status.title', { where: here });
  if (!snapshots.length) {
    const none = tOn(platform, locale, msg('card.status.none', { where: here }));
    return { fallback: none, blocks: [{ type: 'text', text: none }] };
  }
  const blocks: CardBlock[] = [{ type: 'header', text: title }];
  for (const { rollout, events } of snapshots) {
    const state = deriveRolloutState(rollout.plan, events);
    const progress = progressLine(locale, state);
    blocks.push({
      type: 'text',
      text: t(locale, msg('card.status.line', { title: t(locale, rollout.plan.title), progress, ref: formatRef(rollout.ref), owner: rollout.owner.name })),
      link: rollout.messages[0] ? { rolloutId: rollout.id, message: rollout.messages[0] } : undefined,
    });
    // Open problems first catch the eye: each with its step, who reported it and the note.
    rollout.plan.steps.forEach((step, index) => {
      const s = state.steps.get(step.id);
      if (s?.status !== 'problem') return;
      const params = { number: index + 1, title: t(locale, step.title), user: s.by?.name ?? '?', note: s.note ?? '' };
      blocks.push({ type: 'text', style: 'warning', text: t(locale, msg('card.status.problemLine', params)) });
    });
  }
  return { fallback: title, blocks };
}
