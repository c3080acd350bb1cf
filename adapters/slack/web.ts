/**
 * Talking to Slack after the ack: the Web API client and response_url posts, with
 * our own retry policy. The client itself never retries or sleeps on a 429
 * (rejectRateLimitedCalls, retries: 0) so a caller such as the plan updater can wait
 * out Retry-After and then draw the latest state instead of replaying a stale one.
 * https://docs.slack.dev/apis/web-api/rate-limits
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
import { webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/runtime/log';

export type SlackWebClient = InstanceType<typeof webApi.WebClient>;

/** Per-request timeout: long enough for a slow Slack, short enough to retry. */
const REQUEST_TIMEOUT_MS = 10_000;

/** `logger`: ours through toBoltLogger, so the client's lines obey LOG_LEVEL and pass redaction (src/runtime/redact.ts). */
export function createWebClient(token: string | undefined, apiUrl: string | undefined, logger?: BoltLogger): SlackWebClient {
  const options: ConstructorParameters<typeof webApi.WebClient>[1] = {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: REQUEST_TIMEOUT_MS,
    // A method name must never redirect the bot token to another host.
    allowAbsoluteUrls: false,
  };
  if (apiUrl) options.slackApiUrl = apiUrl;
  if (logger) options.logger = logger;
  return new webApi.WebClient(token, options);
}

export interface RetryPolicy {
  attempts: number;
  /** First backoff for 5xx and network errors; doubles each time. */
  baseDelayMs: number;
  /** Longest Retry-After we are willing to wait. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxRetryAfterMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** How long to wait before trying again, or undefined when retrying cannot help. */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  idempotent = true,
): number | undefined {
  const coded = error as { code?: unknown; retryAfter?: unknown; statusCode?: unknown };
  if (coded.code === webApi.ErrorCode.RateLimitedError && typeof coded.retryAfter === 'number') {
    return Math.min(Math.max(coded.retryAfter, 0) * 1000, policy.maxRetryAfterMs);
  }
  if (error instanceof ResponseUrlError && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, policy.maxRetryAfterMs);
  }
  // A 5xx or a timeout may have been carried out anyway: repeat only what is safe to repeat.
  if (!idempotent) return undefined;
  const backoff = policy.baseDelayMs * 2 ** attempt;
  if (coded.code === webApi.ErrorCode.HTTPError && typeof coded.statusCode === 'number') {
    return coded.statusCode >= 500 ? backoff : undefined;
  }
  if (coded.code === webApi.ErrorCode.RequestError) return backoff;
  if (error instanceof ResponseUrlError) return error.status >= 500 ? backoff : undefined;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return backoff;
  if (error instanceof TypeError) return backoff; // fetch: network failure
  return undefined;
}

export interface RetryOptions {
  logger: Logger;
  policy?: RetryPolicy;
  /**
   * False for calls that create something (chat.postMessage): after a 5xx or a
   * timeout the message may exist already, so only a 429 (surely not done) is retried.
   */
  idempotent?: boolean;
}

/** Runs `call` until it succeeds, retrying 429 (after Retry-After), and 5xx and timeouts when idempotent. */
export async function withRetry<T>(what: string, call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { logger, policy = defaultRetryPolicy, idempotent = true } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = retryDelay(error, attempt, policy, idempotent);
      if (delay === undefined || attempt + 1 >= policy.attempts) throw error;
      logger.warn('slack call failed, retrying', { what, attempt: attempt + 1, delayMs: delay, error: String(error) });
      await policy.sleep(delay);
    }
  }
}

export class ResponseUrlError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`response_url answered ${status}`);
  }
}

/** The body Slack accepts at a response_url. */
export interface ResponseUrlMessage {
  text: string;
  blocks?: unknown[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

/**
 * Posts to a response_url (valid 30 minutes, 5 uses). Only https URLs on slack.com
 * are accepted unless `allowedBase` (SLACK_API_URL in tests) covers the URL, so a
 * forged payload cannot make the bot post to a host of its choosing.
 */
export async function postToResponseUrl(
  url: string,
  message: ResponseUrlMessage,
  allowedBase: string | undefined,
): Promise<void> {
  if (!isAllowedResponseUrl(url, allowedBase)) throw new Error('response_url is not a Slack URL');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new ResponseUrlError(res.status, res.status === 429 && retryAfter >= 0 ? retryAfter * 1000 : undefined);
  }
  await res.arrayBuffer();
}

export function isAllowedResponseUrl(url: string, allowedBase: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' && (parsed.hostname === 'slack.com' || parsed.hostname.endsWith('.slack.com'))) {
    return true;
  }
  if (!allowedBase) return false;
  const base = new URL(allowedBase);
  return parsed.protocol === base.protocol && parsed.host === base.host;
}
