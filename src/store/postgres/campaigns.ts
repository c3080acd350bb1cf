/**
 * Campaigns on Postgres (see src/campaign/model.ts), shared by replicas. An action on
 * a campaign's rollout locks the rollout row and then the campaign row (FOR UPDATE),
 * always in that order, so every action on a campaign, on any replica, decides its
 * gate on the campaign's latest state and writes the projection before the next one
 * reads it. A campaign is created with the store's own rollout insert, in one
 * transaction with its rows.
 * https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-ROWS
 */
import type { PoolClient } from 'pg';
import type { CampaignView, NewCampaign } from '../../campaign/model';
import { memberProgress, sharedWaiting } from '../../campaign/progress';
import type { NewRollout, Rollout, RolloutEvent, RolloutSnapshot } from '../../rollout/model';
import { campaignFromRows, campaignRollouts, campaignWritesAfter, type CampaignHeadRow, type CampaignMemberRow } from '../campaign-log';
import { closingCode } from '../delivery-model';
import { isPlausibleRolloutId, jsonText } from '../rollout-log';

export interface PostgresCampaigns {
  /** The campaign a rollout belongs to; `lock` takes the campaign row for the rest of the transaction. */
  viewOf(c: PoolClient, rolloutId: string, lock?: boolean): Promise<CampaignView | undefined>;
  /** After an action on a campaign's rollout: its projection written, the cards that show it due. */
  recorded(c: PoolClient, view: CampaignView, rollout: Rollout, events: RolloutEvent[], dueAt: number): Promise<CampaignView>;
  /**
   * Inside a transaction: the hub, the members and the campaign's rows, each rollout by
   * `insertRollout` (which throws when the hub's key was used before: the campaign exists).
   */
  insert(c: PoolClient, input: NewCampaign, insertRollout: (c: PoolClient, input: NewRollout) => Promise<RolloutSnapshot>): Promise<string>;
}

export function createPostgresCampaigns(): PostgresCampaigns {
  async function viewOf(c: PoolClient, rolloutId: string, lock = false): Promise<CampaignView | undefined> {
    if (!isPlausibleRolloutId(rolloutId)) return undefined;
    const head = await c.query<CampaignHeadRow>(
      `SELECT c.id, c.platform, c.workspace, c.channel, c.shared_waiting, r.owner, r.locale, r.messages, r.ref, r.place, d.post_state
       FROM campaigns c JOIN rollouts r ON r.id = c.id LEFT JOIN deliveries d ON d.rollout_id = c.id
       WHERE c.id = COALESCE((SELECT campaign_id FROM campaign_members WHERE rollout_id = $1), $1)${lock ? ' FOR UPDATE OF c' : ''}`,
      [rolloutId],
    );
    if (!head.rows[0]) return undefined;
    const members = await c.query<CampaignMemberRow>('SELECT * FROM campaign_members WHERE campaign_id = $1 ORDER BY position', [head.rows[0].id]);
    return campaignFromRows(head.rows[0], members.rows);
  }

  async function recorded(c: PoolClient, view: CampaignView, rollout: Rollout, events: RolloutEvent[], dueAt: number): Promise<CampaignView> {
    const writes = campaignWritesAfter(view, rollout, events);
    if (writes.member) {
      const p = writes.member.progress;
      await c.query('UPDATE campaign_members SET settled = $2, problems = $3, completed = $4, released = $5 WHERE rollout_id = $1', [
        writes.member.rolloutId, p.settled, p.problems, p.completed, p.released ? jsonText(p.released) : null,
      ]);
    }
    if (writes.sharedWaiting) await c.query('UPDATE campaigns SET shared_waiting = $2 WHERE id = $1', [view.id, jsonText(writes.sharedWaiting)]);
    if (writes.redraw.length > 0) {
      await c.query('UPDATE deliveries SET redraws = redraws + 1, due_at = COALESCE(due_at, $2) WHERE rollout_id = ANY($1::text[])', [
        writes.redraw, dueAt,
      ]);
    }
    if (writes.closingDue) {
      await c.query(`UPDATE deliveries SET closing = GREATEST(closing, ${closingCode('due')}), due_at = COALESCE(due_at, $2) WHERE rollout_id = $1`, [
        view.id, dueAt,
      ]);
    }
    return writes.view;
  }

  async function insert(
    c: PoolClient,
    input: NewCampaign,
    insertRollout: (c: PoolClient, input: NewRollout) => Promise<RolloutSnapshot>,
  ): Promise<string> {
    const { hub: hubInput, members } = campaignRollouts(input);
    const hub = await insertRollout(c, hubInput);
    const { platform, workspace, channel } = input.scope;
    await c.query('INSERT INTO campaigns (id, platform, workspace, channel, shared_waiting, created_at) VALUES ($1, $2, $3, $4, $5, now())', [
      hub.rollout.id, platform, workspace, channel, jsonText(sharedWaiting(hub.rollout.plan, hub.events)),
    ]);
    for (const [i, memberInput] of members.entries()) {
      // Its key is derived from the hub's, which was new: so is this one.
      const member = await insertRollout(c, memberInput);
      const p = memberProgress(member.rollout.plan, member.events);
      await c.query(
        `INSERT INTO campaign_members (rollout_id, campaign_id, position, server, wave, total, settled, problems)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [member.rollout.id, hub.rollout.id, i + 1, input.members[i].server, input.members[i].wave, p.total, p.settled, p.problems],
      );
    }
    return hub.rollout.id;
  }

  return { viewOf, recorded, insert };
}
