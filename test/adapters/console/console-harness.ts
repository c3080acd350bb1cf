/** A console chat on the real core and a real SQLite file, with its output captured. */
import { PassThrough } from 'node:stream';
import { createConsoleChat, CONSOLE_SCOPE } from '../../../adapters/console';
import { createConsoleDelivery } from '../../../adapters/console/delivery';
import { startTestPublisher } from '../../support/publisher';
import { createBot } from '../../../src/bot';
import type { Rollout, RolloutEvent, UserRef } from '../../../src/rollout/model';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import type { TestClock } from '../../support/test-clock';
import type { Publisher } from '../../../src/delivery/publisher';

export interface ConsoleSession {
  store: Store;
  publisher: Publisher;
  /** Waits until the outbox has printed what is due (reminders included). */
  settle(): Promise<void>;
  /** Types one line; returns what the bot printed in answer. */
  say(line: string, as?: UserRef): Promise<string>;
  /** Everything printed so far. */
  transcript(): string;
  latestRollout(): Promise<{ rollout: Rollout; events: RolloutEvent[] }>;
  close(): Promise<void>;
}

export interface ConsoleOptions {
  /** A clock the test controls, for the bot and the publisher. */
  clock?: TestClock;
  /** The people's time zone (default UTC, so times read the same on every machine). */
  timeZone?: string;
  /** Everyone's terminal language (LANG), unless they choose another. */
  locale?: 'en' | 'nl';
}

export async function openConsole(file: string, user: UserRef, exportDir?: string, options: ConsoleOptions = {}): Promise<ConsoleSession> {
  const store = createSqliteStore({ file });
  await store.migrate();
  const { clock } = options;
  const bot = createBot({ store, ...(clock ? { now: () => clock.date() } : {}) });
  let printed = '';
  const terminal = () => {
    const output = new PassThrough();
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    return output;
  };
  // The "channel" every console user sees: the plan and its thread lines, from the outbox.
  const publisher = startTestPublisher(store, [createConsoleDelivery(terminal(), { exportDir })], { bot, ...(clock ? { clock } : {}) });
  const settle = () => publisher.idle();
  const chats = new Map<string, ReturnType<typeof createConsoleChat>>();
  const chatFor = (who: UserRef) => {
    let chat = chats.get(who.id);
    if (!chat) {
      chat = createConsoleChat({ bot, input: new PassThrough(), output: terminal(), user: who, exportDir, settle, timeZone: options.timeZone ?? 'UTC', ...(options.locale ? { locale: options.locale } : {}) });
      chats.set(who.id, chat);
    }
    return chat;
  };
  return {
    store,
    publisher,
    settle,
    async say(line, as = user) {
      const before = printed.length;
      await chatFor(as).handleLine(line);
      await new Promise((resolve) => setImmediate(resolve));
      return printed.slice(before);
    },
    transcript: () => printed,
    async latestRollout() {
      const [latest] = await bot.openRollouts(CONSOLE_SCOPE);
      const id = latest?.id ?? (await store.listRollouts(CONSOLE_SCOPE, { limit: 1 }))[0]?.id;
      const snapshot = id ? await store.getRollout(CONSOLE_SCOPE, id) : undefined;
      if (!snapshot) throw new Error('no rollout was posted');
      return snapshot;
    },
    async close() {
      await publisher.stop();
      await store.close();
    },
  };
}
