/**
 * Interview state and small settings on SQLite: interview saves share the group commit
 * with actions (an interview turn is a write too); a setting is on disk before it is
 * answered (installations keep their tokens here).
 */
import type Database from 'better-sqlite3';
import { jsonText } from '../rollout-log';
import type { DialogsAndSettings } from '../store';
import type { GroupCommit } from './group-commit';

export interface SqliteDialogsAndSettingsDeps {
  db: Database.Database;
  sql: (text: string) => Database.Statement;
  grouped: GroupCommit;
  /** Resolves once what was committed is on disk (wal-sync.ts). */
  durable(): Promise<void>;
}

export function createSqliteDialogsAndSettings(deps: SqliteDialogsAndSettingsDeps): DialogsAndSettings {
  const { db, sql, grouped } = deps;
  const saveDialogTx = db.transaction((key: string, state: unknown, ttlSeconds: number, now: number) => {
    // Sweep expired interviews as we go: cheap with the index, no timer needed.
    sql('DELETE FROM dialogs WHERE expires_at <= ?').run(now);
    sql(
      'INSERT INTO dialogs (key, state, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at',
    ).run(key, jsonText(state), now + Math.max(0, ttlSeconds) * 1000);
  });
  const deleteDialogTx = db.transaction((key: string) => void sql('DELETE FROM dialogs WHERE key = ?').run(key));

  return {
    async loadDialog(key) {
      const row = sql('SELECT state FROM dialogs WHERE key = ? AND expires_at > ?').get(key, Date.now()) as
        | { state: string }
        | undefined;
      return row ? JSON.parse(row.state) : undefined;
    },
    async saveDialog(key, state, ttlSeconds) {
      await grouped.run(saveDialogTx, key, state, ttlSeconds, Date.now());
    },
    async deleteDialog(key) {
      await grouped.run(deleteDialogTx, key);
    },

    async getSetting(key) {
      const row = sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      return row ? JSON.parse(row.value) : undefined;
    },
    async putSetting(key, value) {
      sql(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      ).run(key, jsonText(value), new Date().toISOString());
      // Installations (tokens) live here: on disk before the install is answered.
      await deps.durable();
    },
    async deleteSetting(key) {
      sql('DELETE FROM settings WHERE key = ?').run(key);
    },
  };
}
