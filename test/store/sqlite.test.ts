/** The embedded store against a real SQLite file in a temp directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../../src/store/sqlite';
import { bob, channelScope, newRollout } from '../plan/fixtures';
import { describeStoreContract, expectGapless, outcomes, stepAction } from './contract';

function tempFile(): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'exchange-sp-sqlite-'));
  // A nested path: the store creates missing directories itself.
  return { dir, file: join(dir, 'data', 'nested', 'exchange-sp.sqlite') };
}

describeStoreContract('sqlite', async () => {
  const { dir, file } = tempFile();
  const opened = [createSqliteStore({ file })];
  return {
    store: opened[0],
    openAnother: () => {
      const another = createSqliteStore({ file });
      opened.push(another);
      return another;
    },
    dispose: async () => {
      for (const s of opened) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

/** Runs `body` with a database path in a fresh temp directory, removed afterwards. */
async function onDisk(body: (file: string) => Promise<void>): Promise<void> {
  const { dir, file } = tempFile();
  try {
    await body(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('sqlite store on disk', () => {
  it('keeps every confirmation across a restart', async () => {
    await onDisk(async (file) => {
      const first = createSqliteStore({ file });
      await first.migrate();
      const { rollout } = await first.createRollout(newRollout());
      await first.applyAction(channelScope, rollout.id, stepAction('confirm', 'full-backup', bob), new Date());
      await first.putSetting('k', { v: 1 });
      await first.close();

      const second = createSqliteStore({ file });
      await second.migrate();
      const read = await second.getRollout(channelScope, rollout.id);
      expect(read?.events.map((e) => [e.seq, e.type, e.actor.name])).toEqual([[1, 'created', 'Alice'], [2, 'confirmed', 'Bob']]);
      expect(await second.getSetting('k')).toEqual({ v: 1 });
      await second.close();
    });
  });

  it('runs in WAL mode and records each migration once', async () => {
    await onDisk(async (file) => {
      const store = createSqliteStore({ file });
      await store.migrate();
      await store.migrate();
      await store.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
      db.close();
    });
  });

  it('applies actions that arrive together in order, in one commit, each with its own outcome', async () => {
    await onDisk(async (file) => {
      const store = createSqliteStore({ file });
      await store.migrate();
      const { rollout } = await store.createRollout(newRollout());
      const first = stepAction('confirm', 'full-backup', bob);
      // Same turn of the event loop: the gated step sees the two before it, the repeat is a duplicate.
      const results = await Promise.all([
        store.applyAction(channelScope, rollout.id, first, new Date()),
        store.applyAction(channelScope, rollout.id, stepAction('confirm', 'read-release-notes', bob), new Date()),
        store.applyAction(channelScope, rollout.id, stepAction('confirm', 'apply-node-b', bob), new Date()),
        store.applyAction(channelScope, rollout.id, first, new Date()),
        store.applyAction(channelScope, rollout.id, stepAction('confirm', 'apply-node-a', bob), new Date()),
        store.applyAction(channelScope, 'r-no-such-rollout', stepAction('confirm', 'full-backup', bob), new Date()),
      ]);
      expect(results.map((r) => r.outcome)).toEqual(['recorded', 'recorded', 'recorded', 'duplicate', 'refused', 'not-found']);
      const read = await store.getRollout(channelScope, rollout.id);
      expect(read?.events.map((e) => [e.type, e.stepId])).toEqual([
        ['created', undefined],
        ['confirmed', 'full-backup'],
        ['confirmed', 'read-release-notes'],
        ['confirmed', 'apply-node-b'],
      ]);
      expectGapless(read!.events);
      await store.close();
    });
  });

  it('records none of a group whose commit cannot happen, and every caller hears so', async () => {
    await onDisk(async (file) => {
      const store = createSqliteStore({ file, busyTimeoutMs: 50 });
      await store.migrate();
      const { rollout } = await store.createRollout(newRollout());
      // Another process holds the write lock past the busy timeout.
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      const actions = [stepAction('confirm', 'full-backup', bob), stepAction('confirm', 'read-release-notes', bob)];
      const settled = await Promise.allSettled(actions.map((a) => store.applyAction(channelScope, rollout.id, a, new Date())));
      expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      other.exec('ROLLBACK');
      other.close();
      expect((await store.getRollout(channelScope, rollout.id))?.events.map((e) => e.type)).toEqual(['created']);
      // Nothing was claimed either: the same clicks, retried, are recorded once.
      const retried = await Promise.all(actions.map((a) => store.applyAction(channelScope, rollout.id, a, new Date())));
      expect(outcomes(retried)).toEqual({ recorded: 2 });
      await store.close();
    });
  });

  it('finishes actions still waiting for their commit when it closes', async () => {
    await onDisk(async (file) => {
      const store = createSqliteStore({ file });
      await store.migrate();
      const { rollout } = await store.createRollout(newRollout());
      const pending = store.applyAction(channelScope, rollout.id, stepAction('confirm', 'full-backup', bob), new Date());
      await store.close();
      expect((await pending).outcome).toBe('recorded');
      const reopened = createSqliteStore({ file });
      expect((await reopened.getRollout(channelScope, rollout.id))?.events.map((e) => e.type)).toEqual(['created', 'confirmed']);
      await reopened.close();
    });
  });
});
