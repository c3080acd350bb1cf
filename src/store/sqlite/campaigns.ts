/**
 * Campaigns on SQLite (see src/campaign/model.ts). Every write runs inside the
 * store's BEGIN IMMEDIATE transactions, which hold SQLite's one write lock: the
 * action that reads a campaign for its gate and the one that changes the campaign
 * never interleave. A campaign is created by the store's own rollout insert, nested
 * (a savepoint), so hub and members are rollouts like any other.
 */
import type Database from 'better-sqlite3';
import type { CampaignSnapshot, CampaignStore, CampaignView, NewCampaign } from '../../campaign/model';
import { memberProgress, sharedWaiting } from '../../campaign/progress';
import type { NewRollout, Rollout, RolloutEvent, RolloutSnapshot, Scope } from '../../rollout/model';
import { campaignFromRows, campaignRollouts, campaignWritesAfter, samePlace, type CampaignHeadRow, type CampaignMemberRow } from '../campaign-log';
import { closingCode } from '../delivery-model';
import { isPlausibleRolloutId, jsonText } from '../rollout-log';

type Row = Record<string, unknown>;

export interface SqliteCampaignDeps {
  db: Database.Database;
  sql: (text: string) => Database.Statement;
  /** The store's own create transaction (nested here); it records the rollout's outbox row. */
  createRollout: (input: NewRollout) => RolloutSnapshot;
  readRollout: (scope: Scope, id: string) => Rollout | undefined;
  readEvents: (id: string) => RolloutEvent[];
}

export interface SqliteCampaigns extends Pick<CampaignStore, 'campaignOf'> {
  /** Creates a campaign in one transaction (the caller makes it durable and announces the work). */
  create(input: NewCampaign): CampaignSnapshot;
  /** The campaign a rollout belongs to; read inside the caller's transaction. */
  viewOf(rolloutId: string): CampaignView | undefined;
  /** After an action on a campaign's rollout: its projection written, the cards that show it due. */
  recorded(view: CampaignView, rollout: Rollout, events: RolloutEvent[], dueAt: number): CampaignView;
}

const parseJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

export function createSqliteCampaigns(deps: SqliteCampaignDeps): SqliteCampaigns {
  const { db, sql } = deps;

  function viewOf(rolloutId: string): CampaignView | undefined {
    if (!isPlausibleRolloutId(rolloutId)) return undefined;
    const head = sql(
      `SELECT c.id, c.platform, c.workspace, c.channel, c.shared_waiting, r.owner, r.locale, r.messages, r.ref, r.place, d.post_state
       FROM campaigns c JOIN rollouts r ON r.id = c.id LEFT JOIN deliveries d ON d.rollout_id = c.id
       WHERE c.id = COALESCE((SELECT campaign_id FROM campaign_members WHERE rollout_id = ?), ?)`,
    ).get(rolloutId, rolloutId) as Row | undefined;
    if (!head) return undefined;
    for (const col of ['shared_waiting', 'owner', 'messages']) head[col] = parseJson(head[col]);
    const members = (sql('SELECT * FROM campaign_members WHERE campaign_id = ? ORDER BY position').all(head.id) as Row[]).map(
      (row) => ({ ...row, released: parseJson(row.released) }) as unknown as CampaignMemberRow,
    );
    return campaignFromRows(head as unknown as CampaignHeadRow, members);
  }

  function markRedraw(ids: string[], dueAt: number): void {
    const mark = sql('UPDATE deliveries SET redraws = redraws + 1, due_at = COALESCE(due_at, ?) WHERE rollout_id = ?');
    for (const id of ids) mark.run(dueAt, id);
  }

  function recorded(view: CampaignView, rollout: Rollout, events: RolloutEvent[], dueAt: number): CampaignView {
    const writes = campaignWritesAfter(view, rollout, events);
    if (writes.member) {
      const p = writes.member.progress;
      sql('UPDATE campaign_members SET settled = ?, problems = ?, completed = ?, released = ? WHERE rollout_id = ?').run(
        p.settled, p.problems, p.completed ? 1 : 0, p.released ? jsonText(p.released) : null, writes.member.rolloutId);
    }
    if (writes.sharedWaiting) sql('UPDATE campaigns SET shared_waiting = ? WHERE id = ?').run(jsonText(writes.sharedWaiting), view.id);
    markRedraw(writes.redraw, dueAt);
    if (writes.closingDue) {
      sql(`UPDATE deliveries SET closing = MAX(closing, ${closingCode('due')}), due_at = COALESCE(due_at, ?) WHERE rollout_id = ?`).run(dueAt, view.id);
    }
    return writes.view;
  }

  const createTx = db.transaction((input: NewCampaign): CampaignSnapshot => {
    const { hub: hubInput, members } = campaignRollouts(input);
    const hub = deps.createRollout(hubInput);
    const known = viewOf(hub.rollout.id);
    // The same "post campaign" click again: the campaign it created.
    if (known) return { view: known, hub: hub.rollout, hubEvents: hub.events };
    const now = new Date().toISOString();
    const { platform, workspace, channel } = input.scope;
    sql('INSERT INTO campaigns (id, platform, workspace, channel, shared_waiting, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      hub.rollout.id, platform, workspace, channel, jsonText(sharedWaiting(hub.rollout.plan, hub.events)), now);
    const insert = sql(
      `INSERT INTO campaign_members (rollout_id, campaign_id, position, server, wave, total, settled, problems, completed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    members.forEach((memberInput, i) => {
      const member = deps.createRollout(memberInput);
      const p = memberProgress(member.rollout.plan, member.events);
      insert.run(member.rollout.id, hub.rollout.id, i + 1, input.members[i].server, input.members[i].wave, p.total, p.settled, p.problems);
    });
    return { view: viewOf(hub.rollout.id)!, hub: hub.rollout, hubEvents: hub.events };
  });

  return {
    viewOf,
    recorded,
    create: (input) => createTx.immediate(input),
    async campaignOf(scope, rolloutId) {
      const view = viewOf(rolloutId);
      return view && samePlace(view, scope) ? view : undefined;
    },
  };
}
