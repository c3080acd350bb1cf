/** What the publisher tells a plan's owner privately once the first post succeeded or failed. */
import { msg, t, where } from '../../conversations/strings';
import { formatRef } from '../plan/short-ref';
import type { Rollout } from '../plan/rollout-model';
import type { RoundContext } from './deliver-rollout';

export const ownerNotices: RoundContext['notices'] = {
  posted: (rollout: Rollout) =>
    t(
      rollout.locale,
      msg('card.interview.posted', { title: t(rollout.locale, rollout.plan.title), ref: formatRef(rollout.ref), where: where(rollout.locale, rollout.place) }),
    ),
  notPosted: (rollout, failure) =>
    t(rollout.locale, msg(failure.failure === 'refused' ? 'card.error.cannotPost' : 'card.error.postFailed', { error: failure.code })),
};
