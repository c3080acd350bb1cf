/**
 * Postgres schema: the same tables and columns as sqlite/schema.ts, with jsonb and
 * timestamptz. Migrations run under pg_advisory_xact_lock (see index.ts) so two
 * replicas starting together apply each one once. Append only.
 *
 * A data table, one per dialect, on purpose (see sqlite/schema.ts): the shipped SQL is
 * not regenerated; test/src/store/postgres.test.ts checks both end with the same columns.
 */
import type { Migration } from '../migration';

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    name: 'rollouts, events, actions, dialogs, settings',
    sql: `
      CREATE TABLE rollouts (
        id text PRIMARY KEY,
        n bigserial NOT NULL,
        platform text NOT NULL,
        workspace text NOT NULL,
        channel text NOT NULL,
        owner jsonb NOT NULL,
        locale text NOT NULL,
        answers jsonb NOT NULL,
        plan jsonb NOT NULL,
        messages jsonb NOT NULL DEFAULT '[]',
        operators jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL CHECK (status IN ('active', 'completed')),
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        create_key text NOT NULL,
        UNIQUE (platform, workspace, channel, create_key)
      );
      CREATE INDEX rollouts_by_scope ON rollouts (platform, workspace, channel, created_at);
      CREATE INDEX rollouts_by_workspace ON rollouts (platform, workspace, created_at);
      CREATE TABLE rollout_events (
        rollout_id text NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        type text NOT NULL,
        step_id text,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        note text,
        operators jsonb,
        action_key text,
        PRIMARY KEY (rollout_id, seq)
      );
      -- One row per applied action key: the idempotency guard of last resort.
      CREATE TABLE rollout_actions (
        rollout_id text NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
        action_key text NOT NULL,
        seq integer NOT NULL,
        PRIMARY KEY (rollout_id, action_key)
      );
      CREATE TABLE dialogs (
        key text PRIMARY KEY,
        state jsonb NOT NULL,
        expires_at bigint NOT NULL
      );
      CREATE INDEX dialogs_by_expiry ON dialogs (expires_at);
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'delivery outbox: deliveries, delivery_channels',
    sql: `
      CREATE TABLE deliveries (
        rollout_id text PRIMARY KEY REFERENCES rollouts (id) ON DELETE CASCADE,
        platform text NOT NULL,
        workspace text NOT NULL,
        channel text NOT NULL,
        address jsonb,
        due_at bigint,
        wanted_version integer NOT NULL,
        shown_version integer NOT NULL DEFAULT 0,
        lines_sent integer NOT NULL DEFAULT 0,
        post_state text NOT NULL CHECK (post_state IN ('pending', 'posted', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX deliveries_due ON deliveries (due_at) WHERE due_at IS NOT NULL;
      CREATE INDEX deliveries_by_channel ON deliveries (platform, workspace, channel, due_at);
      CREATE TABLE delivery_channels (
        platform text NOT NULL,
        workspace text NOT NULL,
        channel text NOT NULL,
        lease_owner text,
        lease_token bigint NOT NULL DEFAULT 0,
        lease_until bigint NOT NULL DEFAULT 0,
        not_before bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (platform, workspace, channel)
      );
      INSERT INTO deliveries (rollout_id, platform, workspace, channel, address, due_at, wanted_version,
          shown_version, lines_sent, post_state, attempts, updated_at)
        SELECT id, platform, workspace, channel, NULL, NULL, version, version, version,
          CASE WHEN messages = '[]'::jsonb THEN 'failed' ELSE 'posted' END, 0, updated_at
        FROM rollouts;
      INSERT INTO delivery_channels (platform, workspace, channel)
        SELECT DISTINCT platform, workspace, channel FROM rollouts;
    `,
  },
  {
    version: 3,
    name: 'short rollout references per channel (#42), and the place a plan was posted in',
    sql: `
      ALTER TABLE rollouts ADD COLUMN ref integer;
      ALTER TABLE rollouts ADD COLUMN place text NOT NULL DEFAULT 'channel'
        CHECK (place IN ('channel', 'group', 'personal', 'here'));
      UPDATE rollouts SET place = 'here' WHERE platform = 'console';
      UPDATE rollouts SET place = 'personal' WHERE platform = 'slack' AND channel LIKE 'D%';
      UPDATE rollouts r SET place = CASE d.address->'post'->>'conversationType'
          WHEN 'personal' THEN 'personal' WHEN 'groupChat' THEN 'group' ELSE 'channel' END
        FROM deliveries d
        WHERE d.rollout_id = r.id AND r.platform = 'teams' AND d.address IS NOT NULL;
      UPDATE rollouts r SET ref = numbered.num
        FROM (SELECT id, row_number() OVER (PARTITION BY platform, workspace, channel ORDER BY created_at, n) AS num
              FROM rollouts) numbered
        WHERE r.id = numbered.id;
      ALTER TABLE rollouts ALTER COLUMN ref SET NOT NULL;
      CREATE UNIQUE INDEX rollouts_by_ref ON rollouts (platform, workspace, channel, ref);
      CREATE TABLE channel_refs (
        platform text NOT NULL,
        workspace text NOT NULL,
        channel text NOT NULL,
        last_ref integer NOT NULL,
        PRIMARY KEY (platform, workspace, channel)
      );
      INSERT INTO channel_refs (platform, workspace, channel, last_ref)
        SELECT platform, workspace, channel, max(ref) FROM rollouts GROUP BY platform, workspace, channel;
    `,
  },
  {
    version: 4,
    name: 'live change record: event details; reminders, stakeholder lines and the closing summary in the outbox',
    sql: `
      ALTER TABLE rollout_events ADD COLUMN detail jsonb;
      ALTER TABLE deliveries ADD COLUMN remind_at bigint;
      ALTER TABLE deliveries ADD COLUMN notices_sent integer NOT NULL DEFAULT 0;
      ALTER TABLE deliveries ADD COLUMN closing smallint NOT NULL DEFAULT 0;
      ALTER TABLE deliveries ADD COLUMN closing_sent integer NOT NULL DEFAULT 0;
      UPDATE deliveries SET notices_sent = lines_sent;
      CREATE INDEX deliveries_remind ON deliveries (remind_at) WHERE remind_at IS NOT NULL;
    `,
  },
  {
    // 5: 3 is the short references (branch cards), 4 the live record (branch liverecord).
    version: 5,
    name: 'campaigns: several servers in waves, their shared steps on a hub rollout',
    sql: `
      ALTER TABLE deliveries ADD COLUMN redraws integer NOT NULL DEFAULT 0;
      CREATE TABLE campaigns (
        id text PRIMARY KEY REFERENCES rollouts (id) ON DELETE CASCADE,
        platform text NOT NULL,
        workspace text NOT NULL,
        channel text NOT NULL,
        shared_waiting jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL
      );
      CREATE TABLE campaign_members (
        rollout_id text PRIMARY KEY REFERENCES rollouts (id) ON DELETE CASCADE,
        campaign_id text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        position integer NOT NULL,
        server text NOT NULL,
        wave integer NOT NULL CHECK (wave >= 1),
        total integer NOT NULL,
        settled integer NOT NULL DEFAULT 0,
        problems integer NOT NULL DEFAULT 0,
        completed boolean NOT NULL DEFAULT false,
        released jsonb,
        UNIQUE (campaign_id, position)
      );
    `,
  },
  {
    version: 6,
    name: 'no write-only column: rollouts.operators goes (who may act is in the event log)',
    sql: `
      ALTER TABLE rollouts DROP COLUMN IF EXISTS operators;
    `,
  },
];
