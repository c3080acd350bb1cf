/**
 * The setup the adapter suites share: a temp directory, a migrated SQLite store in it
 * and the real bot on that store; `hooks` registers one for the file (beforeAll) or
 * a fresh one per test (beforeEach) and removes it again after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBot } from '../../src/bot';
import type { Bot } from '../../src/bot/types';
import { createSqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/store';

export interface BotSuiteOptions {
  /** A fresh store and bot for every test (default: one for the whole file). */
  each?: boolean;
  /** The store's outbox delay (ms). */
  deliveryDelayMs?: number;
  /** The bot's clock (a test clock). */
  now?: () => Date;
}

export interface BotSuite {
  dir: string;
  store: Store;
  bot: Bot;
}

export async function openBotSuite(prefix: string, options: BotSuiteOptions = {}): Promise<BotSuite> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const store = createSqliteStore({ file: path.join(dir, 'test.sqlite'), ...(options.deliveryDelayMs !== undefined ? { deliveryDelayMs: options.deliveryDelayMs } : {}) });
  await store.migrate();
  const bot = createBot({ store, ...(options.now ? { now: options.now } : {}) });
  return { dir, store, bot };
}

export async function closeBotSuite(suite: BotSuite): Promise<void> {
  // A test may have closed the store itself (the database-failure tests).
  await suite.store.close().catch(() => undefined);
  rmSync(suite.dir, { recursive: true, force: true });
}

/**
 * Registers the jest hooks: `open` starts what the suite needs on top of the bot
 * (a harness) and hands it to the test file; `close` stops it before the store closes.
 */
export function hooks<S extends BotSuite>(
  each: boolean | undefined,
  open: () => Promise<S>,
  close: (suite: S) => Promise<void>,
): void {
  let suite: S | undefined;
  (each ? beforeEach : beforeAll)(async () => {
    suite = await open();
  });
  (each ? afterEach : afterAll)(async () => {
    if (!suite) return;
    const current = suite;
    suite = undefined;
    await close(current);
    await closeBotSuite(current);
  });
}

/** A store and the real bot for each test (or, with `each: false`, for the file); `ready` gets them first. */
export function useBot(prefix: string, ready: (suite: BotSuite) => void, options: BotSuiteOptions = {}): void {
  hooks(
    options.each ?? true,
    async () => {
      const suite = await openBotSuite(prefix, options);
      ready(suite);
      return suite;
    },
    async () => undefined,
  );
}
