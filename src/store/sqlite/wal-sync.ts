/**
 * Durable commits without blocking the event loop. With `synchronous = FULL` SQLite
 * fsyncs the WAL inside every COMMIT, and better-sqlite3 makes that wait on the event
 * loop's thread: every ack behind it waits too. With `synchronous = NORMAL` a COMMIT
 * only writes the WAL; this module then flushes the WAL file to disk with an
 * asynchronous fdatasync on libuv's thread pool, and a write is answered only after
 * the flush that followed its COMMIT. That is FULL's guarantee (the WAL frames of an
 * answered transaction are on disk, so recovery after a power cut replays them), while
 * the loop keeps answering other requests, and commits that land during one flush share
 * the next one.
 * https://www.sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode
 * https://www.sqlite.org/pragma.html#pragma_synchronous
 */
import fs from 'node:fs';
import path from 'node:path';

export interface WalSync {
  /** Resolves once everything committed before this call is on disk. */
  durable(): Promise<void>;
  close(): void;
}

/** For ':memory:' databases: nothing to flush. */
export const noWalSync: WalSync = { durable: async () => undefined, close: () => undefined };

export function createWalSync(databaseFile: string): WalSync {
  const walFile = `${databaseFile}-wal`;
  let fd: number | undefined;
  let synced = false;
  /** The flush under way, and whether a commit arrived after it began. */
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  const open = (): number => {
    if (fd === undefined) {
      fd = fs.openSync(walFile, 'r+');
      if (!synced) {
        // The WAL's directory entry must be on disk too, once: it exists from the first write on.
        const dir = fs.openSync(path.dirname(walFile), 'r');
        try {
          fs.fsyncSync(dir);
        } finally {
          fs.closeSync(dir);
        }
        synced = true;
      }
    }
    return fd;
  };
  const flush = (): Promise<void> =>
    new Promise((resolve, reject) => {
      let handle: number;
      try {
        handle = open();
      } catch (error) {
        // No WAL yet: nothing was written, so nothing waits for the disk.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return resolve();
        return reject(error);
      }
      fs.fdatasync(handle, (error) => (error ? reject(error) : resolve()));
    });

  function durable(): Promise<void> {
    if (!running) {
      running = flush().finally(() => {
        running = undefined;
      });
      return running;
    }
    // A flush is under way but may have started before this commit: wait for the one after it.
    next ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        next = undefined;
        return durable();
      });
    return next;
  }

  return {
    durable,
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
