/**
 * One bounded load run with autocannon's programmatic API, in the bench's own process
 * (the app runs in a child). Each request is built fresh by `next()` so every click
 * carries its own signature, timestamp and idempotency key.
 * Latencies are autocannon's: HDR histograms in whole milliseconds, from the request
 * being written to the response being read (for Slack that is the ack).
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  body: string;
  headers: Record<string, string>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds of measured load (after a short unmeasured warm-up). */
  seconds: number;
  warmupSeconds?: number;
  /** A fixed number of requests instead of `seconds` (no warm-up then). */
  amount?: number;
  next: () => LoadRequest;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Connection errors, timeouts (no answer within 10 s) included. */
  errors: number;
  non2xx: number;
  /** 2xx answers, warm-up included: every one is a request the app fully accepted. */
  acked: number;
}

function run(url: string, connections: number, seconds: number, next: () => LoadRequest, amount?: number) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    ...(amount ? { amount } : {}),
    timeout: 10,
    method: 'POST',
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const built = next();
          return { ...request, body: built.body, headers: { ...request.headers, ...built.headers } };
        },
      },
    ],
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const warmup = options.amount ? 0 : options.warmupSeconds ?? 1;
  // Warm-up: JIT, connection pools, caches (users.info) - not counted.
  const warm = warmup > 0 ? await run(options.url, options.connections, warmup, options.next) : undefined;
  const result = await run(options.url, options.connections, options.seconds, options.next, options.amount);
  return {
    connections: options.connections,
    seconds: result.duration,
    requests: result.requests.total,
    rps: result.requests.total / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    non2xx: result.non2xx,
    acked: result['2xx'] + (warm?.['2xx'] ?? 0),
  };
}
