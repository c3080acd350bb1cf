/**
 * Redraws posted plans for everyone with updateActivity, coalesced per rollout: a
 * burst of clicks becomes one update that draws the latest state (bot.drawRollout)
 * when it runs, so a slow update can never paint an older state over a newer one.
 * Updates of one rollout run one after another; different rollouts run in parallel.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/update-and-delete-bot-messages
 * (The clicker already sees the new card: it was the invoke response.)
 */
import type { ConnectorClient } from 'botframework-connector';
import type { Bot } from '../../src/bot/types';
import type { Logger } from '../../src/log';
import type { MessageRef, Scope } from '../../src/plan/rollout-model';
import { cardActivity, conversationOfRef, createMessenger, planMessageRef } from './conversation';
import { renderCardForTeams } from './render';
import type { RetryOptions } from './retry';

export interface PlanUpdaterOptions {
  bot: Bot;
  logger: Logger;
  connectorFor(serviceUrl: string): Promise<ConnectorClient>;
  /** How long to gather clicks before redrawing. */
  delayMs: number;
  retry: RetryOptions;
}

export interface PlanUpdater {
  schedule(scope: Scope, rolloutId: string): void;
  /** Runs every pending update now and waits for all (shutdown, tests). */
  flush(): Promise<void>;
}

interface Pending {
  scope: Scope;
  rolloutId: string;
  timer?: NodeJS.Timeout;
}

export function createPlanUpdater(options: PlanUpdaterOptions): PlanUpdater {
  const { bot, logger } = options;
  const pending = new Map<string, Pending>();
  const running = new Map<string, Promise<void>>();

  function run(key: string): Promise<void> {
    const entry = pending.get(key);
    if (!entry) return running.get(key) ?? Promise.resolve();
    pending.delete(key);
    if (entry.timer) clearTimeout(entry.timer);
    const previous = running.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => redraw(entry.scope, entry.rolloutId))
      .catch((error: unknown) => logger.warn('teams: plan update failed', { rolloutId: entry.rolloutId, error: String(error) }))
      .finally(() => {
        if (running.get(key) === next) running.delete(key);
      });
    running.set(key, next);
    return next;
  }

  async function redraw(scope: Scope, rolloutId: string): Promise<void> {
    const drawn = await bot.drawRollout(scope, rolloutId);
    if (!drawn) return;
    const refs = drawn.rollout.messages;
    const first = refs.map(conversationOfRef).find(Boolean);
    if (!first) return;
    const cards = drawn.cards.flatMap(renderCardForTeams);
    const messenger = createMessenger(await options.connectorFor(first.serviceUrl), first, options.retry);
    const kept: MessageRef[] = [];
    for (const [index, card] of cards.entries()) {
      const ref = refs[index];
      if (ref) {
        await messenger.update(ref.id, cardActivity(first, card));
        kept.push(ref);
      } else {
        // The plan grew past its messages (long notes): add a part below.
        kept.push(planMessageRef(await messenger.send(cardActivity(first, card)), first, index));
      }
    }
    // Parts no longer needed (the plan shrank) are removed so no stale buttons remain.
    for (const ref of refs.slice(cards.length)) await messenger.remove(ref.id);
    if (kept.length !== refs.length) await bot.setPlanMessages(scope, rolloutId, kept);
  }

  return {
    schedule(scope, rolloutId) {
      const key = `${scope.platform}\u0000${scope.workspace}\u0000${scope.channel}\u0000${rolloutId}`;
      if (pending.has(key)) return;
      const entry: Pending = { scope, rolloutId };
      entry.timer = setTimeout(() => void run(key), options.delayMs);
      entry.timer.unref?.();
      pending.set(key, entry);
    },
    async flush() {
      await Promise.all([...new Set([...pending.keys(), ...running.keys()])].map(run));
    },
  };
}
