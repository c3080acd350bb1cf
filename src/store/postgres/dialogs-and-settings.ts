/** Interview state and small settings on Postgres (jsonb values), straight on the pool. */
import type { Pool } from 'pg';
import { jsonText } from '../rollout-log';
import type { DialogsAndSettings } from '../store';

export function createPostgresDialogsAndSettings(pool: Pool): DialogsAndSettings {
  return {
    async loadDialog(key) {
      const { rows } = await pool.query<{ state: unknown }>('SELECT state FROM dialogs WHERE key = $1 AND expires_at > $2', [key, Date.now()]);
      return rows[0]?.state;
    },
    async saveDialog(key, state, ttlSeconds) {
      const now = Date.now();
      // Sweep expired interviews as we go: cheap with the index, no timer needed.
      await pool.query('DELETE FROM dialogs WHERE expires_at <= $1', [now]);
      await pool.query(
        `INSERT INTO dialogs (key, state, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
        [key, jsonText(state), now + Math.max(0, ttlSeconds) * 1000],
      );
    },
    async deleteDialog(key) {
      await pool.query('DELETE FROM dialogs WHERE key = $1', [key]);
    },

    async getSetting(key) {
      const { rows } = await pool.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]);
      return rows[0]?.value;
    },
    async putSetting(key, value) {
      await pool.query(
        `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [key, jsonText(value)],
      );
    },
    async deleteSetting(key) {
      await pool.query('DELETE FROM settings WHERE key = $1', [key]);
    },
  };
}
