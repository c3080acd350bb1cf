/**
 * Group commit for SQLite. With synchronous = FULL every COMMIT waits for an fsync,
 * and better-sqlite3 waits on the event loop's thread: at a few hundred clicks a
 * second the fsyncs, not the work, set the pace. Actions that arrive in the same turn
 * of the event loop are applied in arrival order inside one BEGIN IMMEDIATE
 * transaction, each in its own savepoint (better-sqlite3 nests transaction functions
 * that way), and share one COMMIT. An action that throws rolls back only its
 * savepoint; a failed BEGIN or COMMIT rejects every action of the batch, none of which
 * was written, so each caller still hears "not recorded". The answer is given only
 * after the COMMIT.
 */
import type Database from 'better-sqlite3';

export interface GroupCommit<A extends unknown[], R> {
  /** Queues one unit of work for the next shared transaction. */
  run(...args: A): Promise<R>;
  /** Commits what is queued now (before closing the database). */
  flush(): void;
}

type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export function createGroupCommit<A extends unknown[], R>(
  db: Database.Database,
  /** A better-sqlite3 transaction function: nested in the batch it becomes a savepoint. */
  work: (...args: A) => R,
  /** Told after each COMMIT, with what the batch answered. */
  committed: (values: R[]) => void = () => undefined,
): GroupCommit<A, R> {
  interface Queued {
    args: A;
    resolve: (value: R) => void;
    reject: (error: unknown) => void;
  }
  const batchTx = db.transaction((batch: Queued[]): Outcome<R>[] =>
    batch.map((item): Outcome<R> => {
      try {
        return { ok: true, value: work(...item.args) };
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
    let outcomes: Outcome<R>[];
    try {
      outcomes = batchTx.immediate(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    const values: R[] = [];
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) {
        values.push(outcome.value);
        item.resolve(outcome.value);
      } else {
        item.reject(outcome.error);
      }
    });
    committed(values);
  };
  return {
    flush,
    run: (...args) =>
      new Promise((resolve, reject) => {
        if (queued.length === 0) setImmediate(flush);
        queued.push({ args, resolve, reject });
      }),
  };
}
