/** The embedded store against a real SQLite file in a temp directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../../src/store/sqlite';
import { bob, channelScope, newRollout } from '../plan/fixtures';
import { describeStoreContract, stepAction } from './contract';

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

describe('sqlite store on disk', () => {
  it('keeps every confirmation across a restart', async () => {
    const { dir, file } = tempFile();
    try {
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
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs in WAL mode and records each migration once', async () => {
    const { dir, file } = tempFile();
    try {
      const store = createSqliteStore({ file });
      await store.migrate();
      await store.migrate();
      await store.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
