/**
 * Did every acknowledged click become an event? Counts Confirm/Undo events in the
 * app's SQLite file, read-only beside the running app (WAL lets a reader in).
 */
import Database from 'better-sqlite3';

export function countStepEvents(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM rollout_events WHERE type IN ('confirmed', 'undone')").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Waits until the after-ack work has written `expected` events, or the count stops moving for 2 s. */
export async function settledStepEvents(file: string, expected: number, timeoutMs = 30_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  let last = -1;
  let stable = 0;
  while (Date.now() < until) {
    const now = countStepEvents(file);
    if (now >= expected) return now;
    stable = now === last ? stable + 1 : 0;
    if (stable >= 4) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return countStepEvents(file);
}
