/**
 * SQLite schema, as numbered migrations recorded in schema_migrations. Append new
 * migrations at the end; never edit one that has shipped. Table and column names
 * match postgres-schema.ts so exports and queries read the same on both.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'rollouts, events, actions, dialogs, settings',
    sql: `
      CREATE TABLE rollouts (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT NOT NULL,
        owner TEXT NOT NULL,
        locale TEXT NOT NULL,
        answers TEXT NOT NULL,
        plan TEXT NOT NULL,
        messages TEXT NOT NULL DEFAULT '[]',
        operators TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL CHECK (status IN ('active', 'completed')),
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        create_key TEXT NOT NULL,
        UNIQUE (platform, workspace, channel, create_key)
      );
      CREATE INDEX rollouts_by_scope ON rollouts (platform, workspace, channel, created_at);
      CREATE INDEX rollouts_by_workspace ON rollouts (platform, workspace, created_at);
      CREATE TABLE rollout_events (
        rollout_id TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        step_id TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT,
        operators TEXT,
        action_key TEXT,
        PRIMARY KEY (rollout_id, seq)
      );
      -- One row per applied action key: the idempotency guard (one action may add
      -- several events, e.g. 'confirmed' + 'completed', so it can't live on events).
      CREATE TABLE rollout_actions (
        rollout_id TEXT NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
        action_key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (rollout_id, action_key)
      );
      CREATE TABLE dialogs (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX dialogs_by_expiry ON dialogs (expires_at);
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
];
