/** The delivery backlog of a running app, from its GET /metrics (src/metrics.ts). */
export interface Backlog {
  /** Rollouts whose channel has not been shown everything yet. */
  pending: number;
  /** How long the oldest of them has been due, in seconds. */
  oldestSeconds: number;
}

export async function backlogAt(port: number): Promise<Backlog | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    const pending = /^exchange_sp_delivery_pending (\d+)$/m.exec(text);
    const oldest = /^exchange_sp_delivery_oldest_seconds ([\d.]+)$/m.exec(text);
    return pending && oldest ? { pending: Number(pending[1]), oldestSeconds: Number(oldest[1]) } : undefined;
  } catch {
    return undefined;
  }
}

/** Waits (bounded) until the app has delivered everything; returns the backlog it ended with. */
export async function drained(port: number, timeoutMs = 120_000): Promise<Backlog | undefined> {
  const until = Date.now() + timeoutMs;
  let last: Backlog | undefined;
  while (Date.now() < until) {
    last = await backlogAt(port);
    if (last?.pending === 0) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}
