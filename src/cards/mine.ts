/**
 * "My steps" (issue 12): the open rollouts of the person's workspace in which a step is
 * assigned to them or in their hands, and, in the rollouts they own, the problems
 * nobody has answered; each with a link to its plan message (Slack permalinks, Teams
 * deep links: the renderers' business) and each step's state in a few words. The same
 * card for the Slack App Home tab, Teams' "my steps" in the personal chat and the
 * console's "mine".
 */
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import { progressLine } from './plan-card';
import { formatRef } from '../rollout/short-ref';
import type { Card, CardBlock } from './model';
import { rolloutZone, timeText } from './live-lines';
import type { RolloutSnapshot, UserRef } from '../rollout/model';
import { deriveRolloutState, inProgress, isSettled, numberRanges, stepNumber, unmetRequirements } from '../rollout/status';

/** Rollouts shown at most (a Slack Home tab holds 100 blocks: two a rollout, with room to spare). */
export const MAX_MY_ROLLOUTS = 20;

/** The card for `user`, from the workspace's open rollouts (most recent first). */
export function drawMyStepsCard(locale: Locale, user: UserRef, snapshots: RolloutSnapshot[]): Card {
  const title = t(locale, 'live.mine.title');
  const blocks: CardBlock[] = [{ type: 'header', text: title }, { type: 'text', style: 'muted', text: t(locale, 'live.mine.intro') }];
  let shown = 0;
  let more = 0;
  for (const { rollout, events } of snapshots) {
    const state = deriveRolloutState(rollout.plan, events);
    const zone = rolloutZone(state);
    const lines: string[] = [];
    rollout.plan.steps.forEach((step, index) => {
      const s = state.steps.get(step.id);
      if (!s || isSettled(s.status)) return;
      const mine = s.assignee?.id === user.id || (inProgress(s) && s.started.by.id === user.id);
      const ownersProblem = rollout.owner.id === user.id && s.status === 'problem';
      if (!mine && !ownersProblem) return;
      const waiting = unmetRequirements(rollout.plan, state, step.id);
      const words =
        s.status === 'problem'
          ? msg('live.mine.state.problem', { user: s.by?.name ?? '?', note: s.note ?? '' })
          : inProgress(s)
            ? msg('live.mine.state.inProgress', { time: timeText(rollout.locale, s.started.at, zone) })
            : waiting.length
              ? msg('live.mine.state.waiting', { steps: numberRanges(waiting.map((id) => stepNumber(rollout.plan, id))) })
              : msg('live.mine.state.ready');
      lines.push(t(locale, msg('live.mine.step', { number: index + 1, title: t(rollout.locale, step.title), state: t(locale, words) })));
    });
    if (!lines.length) continue;
    if (shown >= MAX_MY_ROLLOUTS) {
      more++;
      continue;
    }
    shown++;
    const heading = t(locale, msg('live.mine.rollout', { title: t(rollout.locale, rollout.plan.title), id: formatRef(rollout.ref), progress: progressLine(locale, state) }));
    blocks.push(
      { type: 'text', style: 'strong', text: heading, ...(rollout.messages[0] ? { link: { rolloutId: rollout.id, message: rollout.messages[0] } } : {}) },
      { type: 'text', text: lines.join('\n') },
    );
  }
  if (shown === 0) blocks.push({ type: 'text', text: t(locale, 'live.mine.none') });
  if (more > 0) blocks.push({ type: 'context', text: t(locale, msg('live.mine.more', { count: more })) });
  return { fallback: title, blocks };
}
