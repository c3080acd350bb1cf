/** What the publisher tells a plan's owner privately once the first post succeeded or failed. */
import { msg, t, where } from '../../conversations/strings';
import { tOn } from '../../conversations/strings/platform';
import { formatRef } from '../rollout/short-ref';
import type { Rollout } from '../rollout/model';
import type { RoundContext } from './deliver-rollout';

export const ownerNotices: RoundContext['notices'] = {
  posted: (rollout: Rollout, away = false) =>
    t(
      rollout.locale,
      msg('card.interview.posted', { title: t(rollout.locale, rollout.plan.title), ref: formatRef(rollout.ref), where: where(rollout.locale, rollout.place, away) }),
    ),
  notPosted: (rollout, failure) =>
    // How to post again is said in the platform's words (Teams has no /exchange-sp).
    tOn(rollout.scope.platform, rollout.locale, msg(failure.failure === 'refused' ? 'card.error.cannotPost' : 'card.error.postFailed', { error: failure.code })),
};
