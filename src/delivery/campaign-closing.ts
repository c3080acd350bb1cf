/**
 * A campaign's closing summary as the delivery round sends it (src/delivery/live-round.ts):
 * the hub's outbox row owes it once the whole campaign is complete (the store marks it in
 * the transaction that completes the campaign, src/store/campaign-log.ts), and it goes
 * in the campaign card's thread: the summary of every server (src/cards/campaign-closing.ts),
 * then one export holding the shared steps' and every server's events. A server of a
 * campaign never sends a summary of its own. Every server is complete by then, so
 * their logs no longer change: a retried round draws the same parts and goes on where
 * the last one stopped (closingSent).
 */
import { msg, t } from '../../conversations/strings';
import { formatAudit } from '../audit/export';
import type { CampaignView } from '../campaign/model';
import { campaignClosingMessages } from '../cards/campaign-closing';
import type { RolloutSnapshot } from '../rollout/model';
import { formatRef } from '../rollout/short-ref';
import type { DeliverySnapshot } from '../store/delivery-model';
import type { RoundContext } from './deliver-rollout';
import type { ExportFile } from './types';

export interface ClosingContent {
  parts: string[];
  /** The export, made when it is sent. */
  file: () => ExportFile;
}

/**
 * The campaign's summary and export when `snapshot` is its hub; undefined for one of its
 * servers (it sends none); 'wait' while a server's last thread lines are still on their
 * way (its own round sends them): the summary comes after them, last in the thread.
 */
export async function campaignClosing(ctx: RoundContext, snapshot: DeliverySnapshot, view: CampaignView): Promise<ClosingContent | 'wait' | undefined> {
  const { rollout, events } = snapshot;
  if (view.id !== rollout.id) return undefined;
  if (snapshot.delivery.closingSent === 0) {
    const rows = await Promise.all(view.members.map((m) => ctx.store.getDelivery(rollout.scope, m.rolloutId)));
    // (A server whose card never made it into the channel sends no lines: nothing to wait for.)
    if (rows.some((row) => row && row.postState !== 'failed' && row.linesSent < row.wantedVersion)) return 'wait';
  }
  const members = await Promise.all(view.members.map((m) => ctx.store.getRollout(rollout.scope, m.rolloutId)));
  // A server's rollout is never deleted; if one cannot be read now, the round fails and is retried.
  if (members.some((m) => !m)) throw new Error(`campaign ${rollout.id}: a server's rollout could not be read`);
  const record = { view, hub: { rollout, events }, members: members as RolloutSnapshot[] };
  return {
    parts: campaignClosingMessages(record, ctx.adapter.maxThreadText),
    file: () => campaignExport(record.hub, record.members, view, ctx.now()),
  };
}

/** The campaign's audit log (the hub and every server, src/audit/export.ts) as the summary's attachment. */
export function campaignExport(hub: RolloutSnapshot, members: RolloutSnapshot[], view: CampaignView, nowMs: number): ExportFile {
  const day = new Date(nowMs).toISOString().slice(0, 10);
  const all = [hub, ...members];
  const events = all.reduce((n, s) => n + s.events.length, 0);
  return {
    filename: `exchange-sp-campaign-${hub.rollout.id}-${day}.csv`.replace(/[^A-Za-z0-9_.-]/g, '_'),
    mimeType: 'text/csv',
    content: formatAudit(all, 'csv'),
    summary: t(hub.rollout.locale, msg('campaign.close.attached', { ref: formatRef(view.ref), count: members.length, events })),
  };
}
