/**
 * Looking up the people a message mentions (Slack users.info, Teams getMember), for
 * every adapter: at most MAX_MENTIONS_RESOLVED per message, a few at a time, within
 * one time budget. One command once named 640 people and made 641 sequential calls;
 * 20 mentions against a slow Slack took 31 s. No command can name more operators than
 * MAX_OPERATORS, so looking up more would only cost time: mentions past the cap stay
 * unresolved words, and the operators reader answers that the list is too long.
 */
import { MAX_OPERATORS } from '../../conversations/limits';

/** Most mentions one message has looked up. */
export const MAX_MENTIONS_RESOLVED = MAX_OPERATORS;
/** Look-ups in flight at once: quick for a handful, gentle on the platform's rate limits. */
export const MENTION_LOOKUP_CONCURRENCY = 8;
/** The look-ups of one message end by then; those still running go without an answer. */
export const MENTION_LOOKUP_BUDGET_MS = 3000;

export interface LookupLimits {
  max: number;
  concurrency: number;
  budgetMs: number;
}

export const MENTION_LOOKUP_LIMITS: LookupLimits = {
  max: MAX_MENTIONS_RESOLVED,
  concurrency: MENTION_LOOKUP_CONCURRENCY,
  budgetMs: MENTION_LOOKUP_BUDGET_MS,
};

/**
 * Looks up the first `limits.max` keys, `limits.concurrency` at a time, and answers
 * with what came back within `limits.budgetMs`: a failed or late look-up is simply
 * missing from the map (the caller has a fallback), and none starts after the budget.
 */
export async function lookUpWithin<K, V>(
  keys: readonly K[],
  lookup: (key: K) => Promise<V>,
  limits: LookupLimits = MENTION_LOOKUP_LIMITS,
): Promise<Map<K, V>> {
  const wanted = keys.slice(0, limits.max);
  const found = new Map<K, V>();
  let next = 0;
  let expired = false;
  const worker = async () => {
    while (!expired && next < wanted.length) {
      const key = wanted[next++];
      try {
        const value = await lookup(key);
        if (!expired) found.set(key, value);
      } catch {
        // Missing from the map: the caller falls back to what the message itself says.
      }
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, limits.budgetMs);
    timer.unref();
  });
  const workers = Array.from({ length: Math.min(limits.concurrency, wanted.length) }, worker);
  await Promise.race([Promise.all(workers), budget]);
  expired = true;
  clearTimeout(timer);
  return found;
}
