/**
 * The real publisher (src/delivery) for in-process tests: a real store, the real
 * platform delivery adapter against a fake far end, polling fast. Pacing is the
 * platform's own unless a test asks for more room.
 */
import { drawPlanCard } from '../../src/cards/plan-card';
import { ownerNotices } from '../../src/delivery/notices';
import { createPublisher, type Publisher, type PublisherOptions } from '../../src/delivery/publisher';
import type { DeliveryAdapter, PlatformLimits } from '../../src/delivery/types';
import { silentLogger } from '../../src/runtime/log';
import type { Store } from '../../src/store/store';
import type { Bot } from '../../src/bot/types';

/** Room enough that a test's burst is not slowed by pacing (the pacing tests use the real limits). */
export const ROOMY_LIMITS: PlatformLimits = {
  postsPerChannel: [{ perSecond: 200, burst: 200 }],
  editsPerChannel: [{ perSecond: 200, burst: 200 }],
  editsPerWorkspace: [{ perSecond: 200, burst: 200 }],
};

export function startTestPublisher(
  store: Store,
  adapters: DeliveryAdapter[],
  options: Partial<PublisherOptions> & { bot?: Pick<Bot, 'planNotPosted'> } = {},
): Publisher {
  const { bot, ...rest } = options;
  const publisher = createPublisher({
    store,
    adapters,
    draw: (rollout, events, nowMs) => [drawPlanCard(rollout, events, { nowMs })],
    notices: ownerNotices,
    onNotPosted: async (rollout) => bot?.planNotPosted(rollout.scope, rollout.id),
    logger: silentLogger,
    pollMs: 25,
    ...rest,
  });
  publisher.start();
  return publisher;
}
