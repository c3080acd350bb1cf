/** Short texts around a plan: the thread line for each recorded event, the channel status list. */
import { msg, t, type MessageKey } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import { progressLine } from '../cards/plan-card';
import type { Card, CardBlock } from '../cards/model';
import type { Rollout, RolloutEvent, RolloutEventType, RolloutSnapshot } from '../plan/rollout-model';
import { deriveRolloutState, stepNumber } from '../plan/status';

const STEP_NOTES: Partial<Record<RolloutEventType, MessageKey>> = {
  confirmed: 'card.thread.confirmed',
  skipped: 'card.thread.skipped',
  problem: 'card.thread.problem',
  undone: 'card.thread.undone',
};

/** The team's record line for one event, in the plan's language; undefined for 'created'. */
export function threadNoteFor(rollout: Rollout, event: RolloutEvent): string | undefined {
  const { locale, plan } = rollout;
  const key = STEP_NOTES[event.type];
  if (key && event.stepId) {
    const step = plan.steps.find((s) => s.id === event.stepId);
    return t(
      locale,
      msg(key, {
        user: event.actor.name,
        number: stepNumber(plan, event.stepId),
        title: step ? t(locale, step.title) : event.stepId,
        note: event.note ?? '',
      }),
    );
  }
  if (event.type === 'operators-set') {
    const names = (event.operators ?? []).map((o) => o.name).join(', ');
    return names
      ? t(locale, msg('card.thread.operators', { user: event.actor.name, names }))
      : t(locale, msg('card.thread.operatorsAnyone', { user: event.actor.name }));
  }
  if (event.type === 'completed') return t(locale, 'card.thread.completed');
  return undefined;
}

/** `/exchange-sp status`: the channel's open rollouts with their progress. */
export function drawStatusCard(locale: Locale, snapshots: RolloutSnapshot[]): Card {
  const title = t(locale, 'card.status.title');
  if (!snapshots.length) {
    const none = t(locale, 'card.status.none');
    return { fallback: none, blocks: [{ type: 'text', text: none }] };
  }
  const blocks: CardBlock[] = [{ type: 'header', text: title }];
  for (const { rollout, events } of snapshots) {
    const progress = progressLine(locale, deriveRolloutState(rollout.plan, events));
    blocks.push({
      type: 'text',
      text: t(locale, msg('card.status.line', { title: t(locale, rollout.plan.title), progress, id: rollout.id, owner: rollout.owner.name })),
      link: rollout.messages[0] ? { rolloutId: rollout.id, message: rollout.messages[0] } : undefined,
    });
  }
  return { fallback: title, blocks };
}
