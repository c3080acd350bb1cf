/**
 * SQLite schema, as numbered migrations recorded in schema_migrations. Append new
 * migrations at the end; never edit one that has shipped. Table and column names
 * match postgres/schema.ts so exports and queries read the same on both.
 *
 * A data table, one per dialect, on purpose: the shipped SQL is what databases ran, so
 * it is not regenerated, and the dialects differ in more than type names (JSON as text,
 * times as ISO text, rowid for order, json_extract in 3's backfill). That both end with
 * the same tables and columns is checked by test/src/store/postgres.test.ts.
 */
import type { Migration } from '../migration';


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
  {
    version: 2,
    name: 'delivery outbox: deliveries, delivery_channels',
    sql: `
      CREATE TABLE deliveries (
        rollout_id TEXT PRIMARY KEY REFERENCES rollouts (id) ON DELETE CASCADE,
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT NOT NULL,
        address TEXT,
        due_at INTEGER,
        wanted_version INTEGER NOT NULL,
        shown_version INTEGER NOT NULL DEFAULT 0,
        lines_sent INTEGER NOT NULL DEFAULT 0,
        post_state TEXT NOT NULL CHECK (post_state IN ('pending', 'posted', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX deliveries_due ON deliveries (due_at) WHERE due_at IS NOT NULL;
      CREATE INDEX deliveries_by_channel ON deliveries (platform, workspace, channel, due_at);
      CREATE TABLE delivery_channels (
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT NOT NULL,
        lease_owner TEXT,
        lease_token INTEGER NOT NULL DEFAULT 0,
        lease_until INTEGER NOT NULL DEFAULT 0,
        not_before INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (platform, workspace, channel)
      );
      -- Rollouts from before the outbox: what they show is what they have; one never
      -- posted stays out of delivery (its owner was told at the time).
      INSERT INTO deliveries (rollout_id, platform, workspace, channel, address, due_at, wanted_version,
          shown_version, lines_sent, post_state, attempts, updated_at)
        SELECT id, platform, workspace, channel, NULL, NULL, version, version, version,
          CASE WHEN messages = '[]' THEN 'failed' ELSE 'posted' END, 0, updated_at
        FROM rollouts;
      INSERT INTO delivery_channels (platform, workspace, channel)
        SELECT DISTINCT platform, workspace, channel FROM rollouts;
    `,
  },
  {
    version: 3,
    name: 'short rollout references per channel (#42), and the place a plan was posted in',
    sql: `
      ALTER TABLE rollouts ADD COLUMN ref INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE rollouts ADD COLUMN place TEXT NOT NULL DEFAULT 'channel'
        CHECK (place IN ('channel', 'group', 'personal', 'here'));
      -- Where earlier plans went, as far as the stored ids and addresses tell.
      UPDATE rollouts SET place = 'here' WHERE platform = 'console';
      UPDATE rollouts SET place = 'personal' WHERE platform = 'slack' AND channel LIKE 'D%';
      UPDATE rollouts SET place = (
          SELECT CASE json_extract(d.address, '$.post.conversationType')
            WHEN 'personal' THEN 'personal' WHEN 'groupChat' THEN 'group' ELSE 'channel' END
          FROM deliveries d WHERE d.rollout_id = rollouts.id)
        WHERE platform = 'teams'
          AND EXISTS (SELECT 1 FROM deliveries d WHERE d.rollout_id = rollouts.id AND json_valid(d.address));
      -- Earlier rollouts are numbered per channel in the order they were created.
      UPDATE rollouts SET ref = (
        SELECT COUNT(*) FROM rollouts AS earlier
        WHERE earlier.platform = rollouts.platform AND earlier.workspace = rollouts.workspace
          AND earlier.channel = rollouts.channel
          AND (earlier.created_at < rollouts.created_at
            OR (earlier.created_at = rollouts.created_at AND earlier.rowid <= rollouts.rowid)));
      CREATE UNIQUE INDEX rollouts_by_ref ON rollouts (platform, workspace, channel, ref);
      -- The last number given out per channel; a new rollout takes the next one.
      CREATE TABLE channel_refs (
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT NOT NULL,
        last_ref INTEGER NOT NULL,
        PRIMARY KEY (platform, workspace, channel)
      );
      INSERT INTO channel_refs (platform, workspace, channel, last_ref)
        SELECT platform, workspace, channel, MAX(ref) FROM rollouts GROUP BY platform, workspace, channel;
    `,
  },
  {
    version: 4,
    name: 'live change record: event details; reminders, stakeholder lines and the closing summary in the outbox',
    sql: `
      -- The live record's fields of an event (assignee, window, reminder...), as JSON.
      ALTER TABLE rollout_events ADD COLUMN detail TEXT;
      -- When the worker next looks at a rollout for reminders and the window's countdown.
      ALTER TABLE deliveries ADD COLUMN remind_at INTEGER;
      -- Events up to this seq have had their stakeholder line sent (or have none).
      ALTER TABLE deliveries ADD COLUMN notices_sent INTEGER NOT NULL DEFAULT 0;
      -- The closing summary: 0 not due, 1 due, 2 delivered; and how many of its parts went out.
      ALTER TABLE deliveries ADD COLUMN closing INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE deliveries ADD COLUMN closing_sent INTEGER NOT NULL DEFAULT 0;
      -- Earlier rollouts had no stakeholder channel: nothing of theirs is owed.
      UPDATE deliveries SET notices_sent = lines_sent;
      CREATE INDEX deliveries_remind ON deliveries (remind_at) WHERE remind_at IS NOT NULL;
    `,
  },
  {
    // 5: 3 is the short references (branch cards), 4 the live record (branch liverecord).
    version: 5,
    name: 'campaigns: several servers in waves, their shared steps on a hub rollout',
    sql: `
      -- A card may show more than its own log (a campaign card, its servers' progress):
      -- changes from outside, counted until a round has drawn them.
      ALTER TABLE deliveries ADD COLUMN redraws INTEGER NOT NULL DEFAULT 0;
      -- A campaign is its hub rollout (the shared steps, the campaign card).
      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY REFERENCES rollouts (id) ON DELETE CASCADE,
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT NOT NULL,
        -- Numbers of the shared preparation steps not yet done or skipped (JSON).
        shared_waiting TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      );
      -- One row per server: its wave, and how far its log is (written with the log).
      CREATE TABLE campaign_members (
        rollout_id TEXT PRIMARY KEY REFERENCES rollouts (id) ON DELETE CASCADE,
        campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        server TEXT NOT NULL,
        wave INTEGER NOT NULL CHECK (wave >= 1),
        total INTEGER NOT NULL,
        settled INTEGER NOT NULL DEFAULT 0,
        problems INTEGER NOT NULL DEFAULT 0,
        completed INTEGER NOT NULL DEFAULT 0,
        released TEXT,
        UNIQUE (campaign_id, position)
      );
    `,
  },
  {
    version: 6,
    name: 'no write-only column: rollouts.operators goes (who may act is in the event log)',
    sql: `
      -- Written since 1 and never read: the operators are the log's 'operators-set' events.
      ALTER TABLE rollouts DROP COLUMN operators;
    `,
  },
];
