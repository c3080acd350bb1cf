/**
 * Retries a Bot Connector call on 429 and 5xx, honouring Retry-After.
 * Teams throttles bots per conversation and per app:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
 * Other failures (403, 404: the message was deleted, the bot removed) are final, and so
 * are 501 and 505: a call the service does not implement (the M365 Agents Playground
 * answers deleteActivity with 501) will not work on a later attempt either.
 */

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First back-off; doubles each time (with jitter) unless Retry-After says otherwise. */
  baseMs: number;
  /** Longest single wait, also for a large Retry-After. */
  maxMs: number;
  sleep?: (ms: number) => Promise<void>;
  /** False for calls that create something: a 5xx may mean it was done, so only 429 is retried. */
  idempotent?: boolean;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseMs: 500, maxMs: 30_000 };

export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const candidate of [e.statusCode, e.status, e.response?.status]) {
    if (typeof candidate === 'number') return candidate;
  }
  return undefined;
}

/** Retry-After in ms (seconds or an HTTP date), when the failed response had one. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const headers = (error as { response?: { headers?: unknown } }).response?.headers;
  let value: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === 'function') {
    value = (headers as { get(name: string): unknown }).get('retry-after');
  } else if (headers && typeof headers === 'object') {
    value = (headers as Record<string, unknown>)['retry-after'];
  }
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** 5xx answers that say the call itself is unsupported, not that the service is busy. */
const NEVER_TRANSIENT = new Set([501, 505]);

export function isRetryable(error: unknown, idempotent = true): boolean {
  const status = statusOf(error);
  return status === 429 || (idempotent && status !== undefined && status >= 500 && !NEVER_TRANSIENT.has(status));
}

export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= options.attempts || !isRetryable(error, options.idempotent ?? true)) throw error;
      const backoff = options.baseMs * 2 ** (attempt - 1) * (0.8 + Math.random() * 0.4);
      await sleep(Math.min(options.maxMs, retryAfterMs(error) ?? backoff));
    }
  }
}
