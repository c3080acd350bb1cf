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
  /** When the next call under `key` could be made, reserving nothing. */
  nextSlot(key: string, limits: readonly RateLimit[], now: number): number;
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

  /** The tokens of one bucket at `now` (refilled since the last look, up to the burst). */
  const tokensAt = (key: string, limit: RateLimit, now: number): number => {
    const bucket = buckets.get(key);
    return bucket ? Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond) : limit.burst;
  };
  /** The wait in ms before a bucket with `tokens` has one to give. */
  const waitFor = (tokens: number, limit: RateLimit): number => (tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / limit.perSecond) * 1000));
  /** Reserves one token of one bucket; returns the wait in ms before it is there. A debt (negative tokens) is a queue. */
  const take = (key: string, limit: RateLimit, now: number): number => {
    const tokens = tokensAt(key, limit, now);
    if (!buckets.has(key) && buckets.size >= MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
    buckets.set(key, { tokens: tokens - 1, at: now });
    return waitFor(tokens, limit);
  };

  return {
    reserve(key, limits, now) {
      let wait = 0;
      limits.forEach((limit, i) => (wait = Math.max(wait, take(`${key}#${i}`, limit, now))));
      return now + wait;
    },
    nextSlot(key, limits, now) {
      let wait = 0;
      limits.forEach((limit, i) => (wait = Math.max(wait, waitFor(tokensAt(`${key}#${i}`, limit, now), limit))));
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
        const tokens = tokensAt(`${key}#${i}`, limit, now);
        at = Math.max(at, now + Math.ceil(((limit.burst - tokens) / limit.perSecond) * 1000));
      });
      return at;
    },
  };
}
