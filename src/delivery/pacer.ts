/**
 * Pacing within the platforms' limits: token buckets per key (a channel, a
 * workspace), shared by every rollout this process delivers there. A call reserves
 * its slot and waits for it; a Retry-After closes a key until then for everyone.
 * Slack: https://docs.slack.dev/apis/web-api/rate-limits (chat.postMessage about one
 * message per second per channel; chat.update Tier 3).
 * Teams: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
 * (7 messages per second and 60 per 30 seconds per conversation).
 */
import type { RateLimit } from './types';

interface Bucket {
  tokens: number;
  at: number;
}

export interface Pacer {
  /** Reserves one call under every limit of `key`; returns when it may be made (ms since the epoch). */
  reserve(key: string, limits: readonly RateLimit[], now: number): number;
  /** Nothing goes to `key` before `until` (a Retry-After). */
  closeUntil(key: string, until: number): void;
  /** When `key` is open again (0 when it is). */
  openAt(key: string): number;
  /**
   * When `key`'s buckets are full again: a lease handed to another process (with
   * buckets of its own) must not start before, or the two bursts would add up.
   */
  fullAt(key: string, limits: readonly RateLimit[], now: number): number;
}

export function createPacer(): Pacer {
  const buckets = new Map<string, Bucket>();
  const closed = new Map<string, number>();
  const MAX_KEYS = 10_000;

  /** Reserves one token of one bucket; returns the wait in ms before it is there. */
  const take = (key: string, limit: RateLimit, now: number): number => {
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
      bucket = { tokens: limit.burst, at: now };
      buckets.set(key, bucket);
    }
    // Refill since the last look, up to the burst; a debt (negative tokens) is a queue.
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    bucket.tokens -= 1;
    return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / limit.perSecond) * 1000);
  };

  return {
    reserve(key, limits, now) {
      let wait = 0;
      limits.forEach((limit, i) => (wait = Math.max(wait, take(`${key}#${i}`, limit, now))));
      return now + wait;
    },
    closeUntil(key, until) {
      if (until > (closed.get(key) ?? 0)) closed.set(key, until);
      if (closed.size > MAX_KEYS) closed.delete(closed.keys().next().value as string);
    },
    openAt: (key) => closed.get(key) ?? 0,
    fullAt(key, limits, now) {
      let at = now;
      limits.forEach((limit, i) => {
        const bucket = buckets.get(`${key}#${i}`);
        if (!bucket) return;
        const tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
        at = Math.max(at, now + Math.ceil(((limit.burst - tokens) / limit.perSecond) * 1000));
      });
      return at;
    },
  };
}
