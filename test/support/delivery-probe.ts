/**
 * What a running app's outbox holds, read from its GET /metrics (src/metrics.ts): a
 * test waits until everything recorded has been delivered instead of guessing a time.
 */
export async function pendingDeliveries(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    const match = /^exchange_sp_delivery_pending (\d+)$/m.exec(text);
    return res.ok && match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves once the app's outbox is empty (bounded); false when it never was. */
export async function delivered(url: string, timeoutMs = 20_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if ((await pendingDeliveries(url)) === 0) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}
