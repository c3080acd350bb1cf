/**
 * A clock the test controls, for the bot (`now`) and the publisher (`Clock`) alike. It
 * runs at the speed of real time from the moment the test sets (so the outbox's short
 * delays pass as they would), and the test moves it on whenever it likes: 46 minutes
 * pass in one call.
 */
import type { Clock } from '../../src/delivery/publisher';

export interface TestClock extends Clock {
  /** The bot's clock. */
  date(): Date;
  /** Moves time on by `ms`. */
  advance(ms: number): void;
  /** Moves time on by `minutes`. */
  advanceMinutes(minutes: number): void;
}

export function createTestClock(startIso: string): TestClock {
  const start = Date.parse(startIso);
  if (Number.isNaN(start)) throw new Error(`not a time: ${startIso}`);
  // The stores stamp a new rollout's first post with the real time; a clock behind it would never see it fall due.
  if (start < Date.now()) throw new Error('a test clock must start after the real time');
  let offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    date: () => new Date(Date.now() + offset),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
    advance(ms) {
      offset += ms;
    },
    advanceMinutes(minutes) {
      offset += minutes * 60_000;
    },
  };
}
