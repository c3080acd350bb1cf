/**
 * The plan's messages in the channel: first post, coalesced updates, thread notes.
 *
 * Updates are coalesced per rollout: a burst of clicks within `windowMs` becomes one
 * redraw, at most one redraw per rollout is in flight, and a flush always draws the
 * latest state with bot.drawRollout (never a stale card from the click that asked
 * for it). chat.update is safe to repeat, so it is retried on 429 (after
 * Retry-After), 5xx and timeouts; chat.postMessage only on 429, so a retry never
 * posts a plan twice. Everything for one rollout runs in order (post, then notes
 * and updates), so a thread note always finds the plan it belongs to. Notes that
 * pile up behind a busy plan go out together, one line each, in one thread message.
 * https://docs.slack.dev/reference/methods/chat.update
 * https://docs.slack.dev/reference/methods/chat.postMessage#threads
 */
import type { Bot } from '../../src/bot/types';
import type { Card } from '../../src/cards/model';
import type { Logger } from '../../src/log';
import type { MessageRef, Rollout, Scope } from '../../src/plan/rollout-model';
import type { Locale } from '../../conversations/types';
import { escapeMrkdwn } from './block-kit';
import { SLACK_LIMITS, truncate } from './limits';
import { renderCardForSlack, type SlackMessage } from './render';
import { defaultRetryPolicy, withRetry, type RetryPolicy, type SlackWebClient } from './web';

export interface PlanMessagesOptions {
  bot: Bot;
  logger: Logger;
  /** Coalescing window for updates; default 400 ms. */
  windowMs?: number;
  retryPolicy?: RetryPolicy;
}

/**
 * Every call takes the Web API client of the workspace the request came from (its
 * installation's token); an update remembers the latest one for its redraw.
 */
export interface PlanMessages {
  post(rollout: Rollout, cards: Card[], client: SlackWebClient): Promise<void>;
  scheduleUpdate(scope: Scope, rolloutId: string, client: SlackWebClient): void;
  threadNote(rollout: Rollout, text: string, client: SlackWebClient): Promise<void>;
  /** Runs every pending update now and waits for all work in flight. */
  flush(): Promise<void>;
}

interface PendingUpdate {
  scope: Scope;
  rolloutId: string;
  client: SlackWebClient;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  dirty: boolean;
}

/** How many plans' message references are kept in memory beside the store. */
const KNOWN_PLANS = 1000;

interface NoteBatch {
  rollout: Rollout;
  lines: string[];
  client: SlackWebClient;
  done: Promise<void>;
}

/** Lines joined into as few texts of at most `max` characters as they fit in, in order. */
export function joinLines(lines: string[], max: number): string[] {
  const texts: string[] = [];
  for (const line of lines) {
    const last = texts.length - 1;
    if (last >= 0 && texts[last].length + 1 + line.length <= max) texts[last] += `\n${line}`;
    else texts.push(line);
  }
  return texts;
}

export function renderPlanMessages(cards: Card[], locale: Locale): SlackMessage[] {
  return cards.flatMap((card) => renderCardForSlack(card, { locale }));
}

export function createPlanMessages(options: PlanMessagesOptions): PlanMessages {
  const { bot, logger } = options;
  const windowMs = options.windowMs ?? 400;
  const policy = options.retryPolicy ?? defaultRetryPolicy;
  const pending = new Map<string, PendingUpdate>();
  /** Where each plan went, for notes and updates that arrive before the store knows. */
  const known = new Map<string, MessageRef[]>();
  // Only recent plans need it (the store has the rest): keep the latest KNOWN_PLANS.
  const remember = (key: string, refs: MessageRef[]) => {
    known.delete(key);
    known.set(key, refs);
    if (known.size > KNOWN_PLANS) known.delete(known.keys().next().value as string);
  };
  const chains = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<unknown>>();

  /** Thread notes per plan that wait for their turn; later notes join them. */
  const noteBatches = new Map<string, NoteBatch>();
  const keyOf = (scope: Scope, id: string) => `${scope.workspace}/${scope.channel}/${id}`;
  const serial = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (chains.get(key) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    chains.set(key, settled);
    inFlight.add(settled);
    void settled.finally(() => {
      inFlight.delete(settled);
      if (chains.get(key) === settled) chains.delete(key);
    });
    return next;
  };
  const idempotent = { logger, policy };
  const createOnce = { logger, policy, idempotent: false };

  const postMessage = async (client: SlackWebClient, channel: string, message: SlackMessage): Promise<MessageRef> => {
    const res = await withRetry('chat.postMessage', () => client.chat.postMessage({ channel, text: message.text, blocks: message.blocks }), createOnce);
    if (!res.ts) throw new Error('chat.postMessage answered without ts');
    return { id: res.ts, meta: { channel } };
  };

  const redraw = async (entry: PendingUpdate): Promise<void> => {
    const drawn = await bot.drawRollout(entry.scope, entry.rolloutId);
    if (!drawn) return;
    const key = keyOf(entry.scope, entry.rolloutId);
    const refs = drawn.rollout.messages.length > 0 ? drawn.rollout.messages : known.get(key) ?? [];
    if (refs.length === 0) return; // never posted: nothing to update
    const { client } = entry;
    const channel = entry.scope.channel;
    const messages = renderPlanMessages(drawn.cards, drawn.rollout.locale);
    const next: MessageRef[] = [];
    for (const [i, message] of messages.entries()) {
      const ref = refs[i];
      if (ref) {
        await withRetry('chat.update', () => client.chat.update({ channel, ts: ref.id, text: message.text, blocks: message.blocks }), idempotent);
        next.push(ref);
      } else {
        next.push(await postMessage(client, channel, message)); // the plan grew a part
      }
    }
    for (const extra of refs.slice(messages.length)) {
      await withRetry('chat.delete', () => client.chat.delete({ channel, ts: extra.id }), idempotent).catch((error: unknown) =>
        logger.warn('could not delete a plan part', { rollout: entry.rolloutId, error: String(error) }),
      );
    }
    if (next.length !== refs.length || next.some((r, i) => r.id !== refs[i]?.id)) {
      remember(key, next);
      await bot.setPlanMessages(entry.scope, entry.rolloutId, next);
    }
  };

  const run = (entry: PendingUpdate) => {
    entry.timer = undefined;
    entry.dirty = false;
    const key = keyOf(entry.scope, entry.rolloutId);
    entry.running = serial(key, () => redraw(entry))
      .catch((error: unknown) => logger.error('plan update failed', { rollout: entry.rolloutId, error: String(error) }))
      .finally(() => {
        entry.running = undefined;
        if (entry.dirty) arm(entry);
        else pending.delete(key);
      });
  };
  const arm = (entry: PendingUpdate) => {
    if (entry.timer || entry.running) return; // the running flush re-arms when it ends
    entry.timer = setTimeout(() => run(entry), windowMs);
  };

  return {
    post(rollout, cards, client) {
      const key = keyOf(rollout.scope, rollout.id);
      return serial(key, async () => {
        const refs: MessageRef[] = [];
        for (const message of renderPlanMessages(cards, rollout.locale)) {
          refs.push(await postMessage(client, rollout.scope.channel, message));
        }
        remember(key, refs);
        await bot.setPlanMessages(rollout.scope, rollout.id, refs);
      });
    },

    scheduleUpdate(scope, rolloutId, client) {
      const key = keyOf(scope, rolloutId);
      let entry = pending.get(key);
      if (!entry) {
        entry = { scope, rolloutId, client, dirty: false };
        pending.set(key, entry);
      }
      entry.client = client; // a reinstall may have brought a new token
      entry.dirty = true;
      arm(entry);
    },

    threadNote(rollout, text, client) {
      const key = keyOf(rollout.scope, rollout.id);
      const line = truncate(escapeMrkdwn(text), SLACK_LIMITS.sectionText);
      // A note joins the batch still waiting its turn, if there is one: a burst of clicks
      // on one plan becomes a few thread messages, not one per click (Slack allows
      // about one message a second per channel). A lone note goes out at once.
      const waiting = noteBatches.get(key);
      if (waiting) {
        waiting.lines.push(line);
        waiting.client = client;
        return waiting.done;
      }
      const batch: NoteBatch = { rollout, lines: [line], client, done: Promise.resolve() };
      noteBatches.set(key, batch);
      batch.done = serial(key, async () => {
        noteBatches.delete(key); // notes from now on wait for the next turn
        const first = batch.rollout.messages[0] ?? known.get(key)?.[0];
        if (!first) {
          logger.warn('thread note for a plan that was never posted', { rollout: rollout.id });
          return;
        }
        const channel = batch.rollout.scope.channel;
        for (const body of joinLines(batch.lines, SLACK_LIMITS.sectionText)) {
          await withRetry('chat.postMessage', () => batch.client.chat.postMessage({ channel, thread_ts: first.id, text: body }), createOnce);
        }
      });
      return batch.done;
    },

    async flush() {
      // Bounded: a flush that keeps finding new work (clicks during shutdown) stops after a few rounds.
      for (let round = 0; round < 5 && (pending.size > 0 || inFlight.size > 0); round++) {
        for (const entry of pending.values()) {
          if (entry.timer) {
            clearTimeout(entry.timer);
            run(entry);
          }
        }
        await Promise.all([...inFlight, ...[...pending.values()].map((e) => e.running)]);
      }
    },
  };
}
