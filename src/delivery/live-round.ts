/**
 * The live record's part of a delivery round (issue 12), scheduled work that lives in
 * the store and runs in the worker, never in a timer a restart forgets:
 * - reminders: when the outbox says it is time to look (remindAt), the store records
 *   the reminders due (remindDue: one transaction, decided from the log, so each is
 *   recorded once by whichever worker asks); their thread lines then go out like any
 *   other, from the log. While a window counts down, the same look redraws the card.
 * - stakeholder lines, after the thread lines, with their own cursor (noticesSent):
 *   at least once, never twice across replicas (the channel lease and its fence).
 * - the closing summary of a completed rollout, part by part (closingSent), then its
 *   export; recorded as delivered (closed) once all of it is there. A campaign has one,
 *   on its hub, once the whole campaign is complete (src/delivery/campaign-closing.ts).
 */
import { closingSummaryMessages } from '../cards/closing-summary';
import { stakeholderNotes } from '../cards/stakeholder-notes';
import { formatAudit } from '../audit/export';
import { msg, t } from '../../conversations/strings';
import type { MessageRef } from '../rollout/model';
import type { DeliveryProgress, DeliverySnapshot } from '../store/delivery-model';
import { isDeliveryError, type DeliveryTarget, type ExportFile } from './types';
import type { RoundContext } from './deliver-rollout';
import { campaignClosing } from './campaign-closing';
import { WAIT_FOR_CAMPAIGN_CARD_MS } from './campaign';

/** What one round hands the live record's parts: where to send, what to send from, and how to record progress. */
export interface RoundWork {
  ctx: RoundContext;
  target: DeliveryTarget;
  snapshot: DeliverySnapshot;
  record: (progress: DeliveryProgress) => Promise<void>;
}

/** Reminders due now are recorded; answers the snapshot to deliver, and whether the card must be redrawn for the clock. */
export async function lookForReminders(ctx: RoundContext, snapshot: DeliverySnapshot): Promise<{ snapshot: DeliverySnapshot; redraw: boolean }> {
  const { delivery } = snapshot;
  if (delivery.postState !== 'posted' || delivery.remindAt === null || delivery.remindAt > ctx.now()) return { snapshot, redraw: false };
  const found = await ctx.store.remindDue(ctx.claim, snapshot.rollout.id, ctx.now());
  if (!found) return { snapshot, redraw: false };
  // The campaign it belongs to, as this round was handed it (a reminder changes no campaign).
  const next: DeliverySnapshot = snapshot.campaign ? { ...found, campaign: snapshot.campaign } : found;
  // A window on the card counts down: this look is also its redraw.
  const redraw = next.events.some((e) => e.type === 'window-set');
  return { snapshot: next, redraw };
}

/** Stakeholder lines after the thread lines; a channel that refuses is skipped (logged), not retried forever. */
export async function sendStakeholderNotes(work: RoundWork): Promise<void> {
  const { ctx, target, snapshot, record } = work;
  const { rollout, events, delivery } = snapshot;
  for (const note of stakeholderNotes(rollout, events, delivery.noticesSent)) {
    await ctx.pace('post');
    try {
      await ctx.adapter.postElsewhere(target, note.channel, note.text);
    } catch (error) {
      if (!isDeliveryError(error) || (error.failure !== 'refused' && error.failure !== 'gone')) throw error;
      ctx.logger.warn('delivery: the stakeholder channel refuses the line; it is skipped', { rollout: rollout.id, reason: error.code });
    }
    await record({ noticesSent: note.seq });
  }
  // Only when the cursor has somewhere to go: a round with nothing new writes nothing more.
  if (delivery.noticesSent < rollout.version) await record({ noticesSent: rollout.version, attempts: 0, lastError: null });
}

/**
 * The closing summary's messages, then the export, in the plan's thread; for a campaign,
 * the campaign's one summary and export in its card's thread (src/delivery/campaign-closing.ts).
 */
export async function sendClosing(work: RoundWork, root: MessageRef): Promise<void> {
  const { ctx, target, snapshot, record } = work;
  const { rollout, events, delivery } = snapshot;
  if (delivery.closing !== 'due' || rollout.status !== 'completed') return;
  const closing = snapshot.campaign
    ? await campaignClosing(ctx, snapshot, snapshot.campaign)
    : { parts: closingSummaryMessages(rollout, events, ctx.adapter.maxThreadText), file: () => closingExport(snapshot, ctx.now()) };
  // A campaign's server owes none of its own (a row marked before campaigns had theirs): nothing to send.
  if (!closing) return record({ closed: true });
  if (closing === 'wait') return record({ retryAt: ctx.now() + WAIT_FOR_CAMPAIGN_CARD_MS });
  const { parts } = closing;
  for (let i = delivery.closingSent; i < parts.length; i++) {
    await ctx.pace('post');
    await ctx.adapter.postInThread(target, root, parts[i]);
    await record({ closingSent: i + 1 });
  }
  if (delivery.closingSent <= parts.length) {
    await ctx.pace('post');
    try {
      await ctx.adapter.attachFile(target, root, closing.file());
    } catch (error) {
      if (!isDeliveryError(error) || error.failure !== 'refused') throw error;
      // The summary is there; a channel that takes no files (a scope missing) gets none, said in the log.
      ctx.logger.warn('delivery: the closing export could not be attached', { rollout: rollout.id, reason: error.code });
    }
  }
  await record({ closingSent: parts.length + 1, closed: true });
}

/** The rollout's audit log as the closing summary's attachment. */
export function closingExport({ rollout, events }: Pick<DeliverySnapshot, 'rollout' | 'events'>, nowMs: number): ExportFile {
  const day = new Date(nowMs).toISOString().slice(0, 10);
  return {
    filename: `exchange-sp-${rollout.id}-${day}.csv`.replace(/[^A-Za-z0-9_.-]/g, '_'),
    mimeType: 'text/csv',
    content: formatAudit([{ rollout, events }], 'csv'),
    summary: t(rollout.locale, msg('live.summary.attached', { id: rollout.id, events: events.length })),
  };
}
