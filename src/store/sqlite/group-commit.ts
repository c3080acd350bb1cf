/**
 * Group commit for SQLite: a COMMIT costs the same for one action as for fifty, and
 * better-sqlite3 runs it on the event loop's thread. Actions that arrive in the same turn
 * of the event loop are applied in arrival order inside one BEGIN IMMEDIATE
 * transaction, each in its own savepoint (better-sqlite3 nests transaction functions
 * that way), and share one COMMIT. Interview saves share it too: an interview turn is
 * a write as well, and at a few hundred turns a second one fsync each would block the
 * loop just the same. An action that throws rolls back only its
 * savepoint; a failed BEGIN or COMMIT rejects every action of the batch, none of which
 * was written, so each caller still hears "not recorded". The answer is given only
 * after the COMMIT is on disk (`durable`, flushed off the loop: wal-sync.ts).
 */
import type Database from 'better-sqlite3';

export interface GroupCommit {
  /**
   * Queues one unit of work for the next shared transaction. `work` is a better-sqlite3
   * transaction function (db.transaction(...)): nested in the batch it runs as a
   * savepoint, so a unit that throws rolls back alone.
   */
  run<A extends unknown[], R>(work: (...args: A) => R, ...args: A): Promise<R>;
  /** Commits what is queued now (before closing the database). */
  flush(): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Queued {
  work: (...args: unknown[]) => unknown;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(
  db: Database.Database,
  /** Told after each COMMIT. */
  committed: () => void = () => undefined,
  /** Resolves once the COMMIT is on disk (wal-sync.ts); answers wait for it. */
  durable: () => Promise<void> = async () => undefined,
  /** Told when a whole batch was rolled back (BEGIN or COMMIT failed): caches of what it wrote must go. */
  aborted: () => void = () => undefined,
): GroupCommit {
  const batchTx = db.transaction((batch: Queued[]): Outcome[] =>
    batch.map((item): Outcome => {
      try {
        return { ok: true, value: item.work(...item.args) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  let queued: Queued[] = [];
  const flush = (): void => {
    const batch = queued;
    queued = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = batchTx.immediate(batch);
    } catch (error) {
      aborted();
      for (const item of batch) item.reject(error);
      return;
    }
    committed();
    const answer = (flushError?: unknown) =>
      batch.forEach((item, i) => {
        const outcome = outcomes[i];
        if (flushError !== undefined) item.reject(flushError);
        else if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
    // Answered once on disk: an acknowledged click survives a power cut.
    durable().then(() => answer(), (error: unknown) => answer(error));
  };
  return {
    flush,
    run: <A extends unknown[], R>(work: (...args: A) => R, ...args: A) =>
      new Promise<R>((resolve, reject) => {
        if (queued.length === 0) setImmediate(flush);
        queued.push({ work: work as (...a: unknown[]) => unknown, args, resolve: resolve as (v: unknown) => void, reject });
      }),
  };
}
