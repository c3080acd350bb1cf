/**
 * One round of delivery for one rollout, from a snapshot the store handed out with
 * the channel's lease: post the plan if it is not there yet (each part recorded as
 * soon as it is posted), else redraw it from the latest state when the log moved
 * on; then send the thread lines the log has and the channel has not. Every retry
 * is a new round that draws again from the store: an old drawing is never resent.
 *
 * What a failed call means (DeliveryError):
 * - rate-limited: stop here; the channel is closed until Retry-After for everyone.
 * - unsent, or unknown on a call that is safe to repeat (edit, delete): back off, retry.
 * - unknown on a thread line: retried too (a line may then appear twice; losing it
 *   would be worse). Unknown on the plan's first post: not repeated blindly (it may
 *   be there already): the owner is told, and the answers wait at the summary.
 * - gone: a plan part someone deleted is posted again.
 * - refused: given up until the next action; the owner is told if the plan never
 *   made it into the channel.
 */
import type { Card } from '../cards/model';
import type { Logger } from '../runtime/log';
import type { MessageRef, Rollout, RolloutEvent } from '../rollout/model';
import type { ChannelClaim, DeliveryProgress, DeliverySnapshot, DeliveryStore } from '../store/delivery-model';
import type { Store } from '../store/store';
import { placeInCampaign } from './campaign';
import { threadMessages } from './lines';
import { lookForReminders, sendClosing, sendStakeholderNotes } from './live-round';
import { DeliveryError, isDeliveryError, type DeliveryAdapter, type DeliveryTarget } from './types';

export interface RoundContext {
  adapter: DeliveryAdapter;
  /** The outbox, and the rollouts a campaign's closing summary reads. */
  store: DeliveryStore & Pick<Store, 'getRollout'>;
  claim: ChannelClaim;
  logger: Logger;
  now(): number;
  /** Waits for a slot under the platform's limits ('post' or 'edit'), or throws when the lease is lost. */
  pace(kind: 'post' | 'edit'): Promise<void>;
  /** The plan's cards at `nowMs` (a maintenance window counts down on the card). */
  draw(rollout: Rollout, events: RolloutEvent[], nowMs: number): Card[];
  /** Texts for the owner once the first post succeeded or failed. */
  notices: {
    /** `away`: read elsewhere than where the plan is (the owner's personal chat). */
    posted(rollout: Rollout, away?: boolean): string;
    notPosted(rollout: Rollout, failure: DeliveryError): string;
  };
  /** The plan never made it into the channel: let its owner post it again. */
  onNotPosted(rollout: Rollout): Promise<void>;
}

export type RoundOutcome =
  | { kind: 'done' }
  /** Nothing more to this channel before `until` (a Retry-After). */
  | { kind: 'closed'; until: number }
  /** The channel's pace allows nothing more before `until`: still due, no failure. */
  | { kind: 'paced'; until: number }
  /** The lease was lost to another worker: stop at once. */
  | { kind: 'lost' };

/** The backoff after `attempts` failed tries: 1 s doubling to 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** Thrown when the channel's lease was taken over: the round stops without writing. */
export class LeaseLost extends Error {}

/**
 * Thrown by pace() when the channel's next slot is further off than a worker should
 * wait holding it: the round stops (what it sent is recorded), the channel is given
 * back until then, and the worker moves on to other channels.
 */
export class PacedOut extends Error {
  constructor(readonly until: number) {
    super('paced out');
  }
}

export async function deliverRollout(ctx: RoundContext, due: DeliverySnapshot): Promise<RoundOutcome> {
  const { adapter, logger } = ctx;
  let looked: Awaited<ReturnType<typeof lookForReminders>>;
  try {
    looked = await lookForReminders(ctx, due);
  } catch (error) {
    // The store failed: the look stays due and is tried again next round.
    logger.warn('delivery: could not look for reminders', { rollout: due.rollout.id, error: String(error) });
    looked = { snapshot: due, redraw: false };
  }
  const { snapshot, redraw } = looked;
  const { rollout, events, delivery } = snapshot;
  const record = async (progress: DeliveryProgress) => {
    if (!(await ctx.store.recordDelivery(ctx.claim, rollout.id, progress, ctx.now()))) throw new LeaseLost();
  };
  // A campaign's rollouts: the campaign card, and its servers' cards in its thread once it is there.
  const placement = placeInCampaign(rollout, events, snapshot.campaign, ctx.now());
  if (placement.kind === 'wait' || placement.kind === 'never') {
    const progress: DeliveryProgress =
      placement.kind === 'wait' ? { retryAt: ctx.now() + placement.retryInMs } : { postState: 'failed', lastError: 'campaign_not_posted', retryAt: null };
    return record(progress).then(
      (): RoundOutcome => ({ kind: 'done' }),
      (error: unknown): RoundOutcome => {
        if (error instanceof LeaseLost) return { kind: 'lost' };
        throw error;
      },
    );
  }
  const inCampaign = placement.kind === 'campaign' ? placement : undefined;
  const target: DeliveryTarget = { rollout, address: delivery.address, ...(inCampaign?.thread ? { thread: inCampaign.thread } : {}) };
  let refs: MessageRef[] = [...rollout.messages];
  let posting = delivery.postState === 'pending';
  if (delivery.postState === 'failed') {
    // Never posted, and its owner was told: it stays out of the channel until posted anew.
    await record({ retryAt: null, remindAt: null }).catch(() => undefined);
    return { kind: 'done' };
  }
  let step: 'post' | 'edit' | 'line' = 'post';
  try {
    /** Progress not written yet: an edit rides along with the next write (repeating an edit is harmless). */
    let unwritten: DeliveryProgress = {};
    if (posting || delivery.shownVersion < rollout.version || delivery.redraws > 0 || redraw) {
      const parts = adapter.render(target, inCampaign?.cards ?? ctx.draw(rollout, events, ctx.now()));
      refs = await drawParts(ctx, target, parts, refs, posting, (kind) => (step = kind), record);
      // `redrawn`: the changes from outside its log this drawing shows (a campaign card's servers).
      unwritten = { messages: refs, shownVersion: rollout.version, redrawn: delivery.redraws, postState: 'posted', attempts: 0, lastError: null };
      if (posting) {
        await record(unwritten);
        unwritten = {};
        posting = false;
        // A campaign's owner hears once, about the campaign card, not about each server.
        const notice = inCampaign ? inCampaign.ownerNotice : { text: ctx.notices.posted(rollout), textAway: ctx.notices.posted(rollout, true) };
        if (notice) {
          await adapter.tellOwner(target, { kind: 'posted', ...notice }).catch((error: unknown) =>
            logger.warn('delivery: could not tell the owner the plan is posted', { rollout: rollout.id, error: String(error) }),
          );
        }
      }
    }
    step = 'line';
    // A campaign's server writes its lines in the campaign card's thread, beside its card.
    const root = inCampaign?.thread ?? refs[0];
    let linesSent = delivery.linesSent;
    for (const message of root ? threadMessages(rollout, events, delivery.linesSent, adapter.maxThreadText, inCampaign?.lineFor) : []) {
      await ctx.pace('post');
      await adapter.postInThread(target, root, message.text, message.mentions);
      // Each message is recorded as soon as it is out: a retry never sends it again.
      await record({ ...unwritten, linesSent: message.throughSeq });
      unwritten = {};
      linesSent = message.throughSeq;
    }
    if (Object.keys(unwritten).length > 0 || linesSent < rollout.version) {
      await record({ ...unwritten, linesSent: rollout.version, attempts: 0, lastError: null });
    }
    // The live record's: stakeholder lines, then the closing summary once the rollout completed.
    await sendStakeholderNotes({ ctx, target, snapshot, record });
    if (root) await sendClosing({ ctx, target, snapshot, record }, root);
    return { kind: 'done' };
  } catch (error) {
    if (error instanceof LeaseLost) return { kind: 'lost' };
    if (error instanceof PacedOut) return { kind: 'paced', until: error.until };
    return failed(ctx, snapshot, refs, posting, step, error, record);
  }
}

/** Posts (first time) or edits the plan's parts to the latest drawing; returns where they are. */
async function drawParts<P>(
  ctx: RoundContext,
  target: DeliveryTarget,
  parts: P[],
  known: MessageRef[],
  firstPost: boolean,
  doing: (kind: 'post' | 'edit') => void,
  record: (progress: DeliveryProgress) => Promise<void>,
): Promise<MessageRef[]> {
  const adapter = ctx.adapter as DeliveryAdapter<P>;
  const refs = [...known];
  for (const [i, part] of parts.entries()) {
    const ref = refs[i];
    if (ref) {
      doing('edit');
      await ctx.pace('edit');
      try {
        await adapter.edit(target, ref, part);
        continue;
      } catch (error) {
        if (!isDeliveryError(error) || error.failure !== 'gone') throw error;
        ctx.logger.info('delivery: a plan part was deleted; posting it again', { rollout: target.rollout.id, part: i });
      }
    }
    doing(firstPost && refs.length === 0 ? 'post' : 'edit');
    await ctx.pace('post');
    refs[i] = await adapter.post(target, part);
    // Each part is recorded as soon as it is there: a crash now does not post it twice.
    await record({ messages: [...refs] });
  }
  // Parts no longer needed (the plan got shorter) go, so no stale buttons remain.
  for (const extra of refs.splice(parts.length)) {
    await ctx.pace('edit');
    await adapter.remove(target, extra).catch((error: unknown) => {
      if (!isDeliveryError(error) || error.failure !== 'gone') throw error;
    });
  }
  return refs;
}

async function failed(
  ctx: RoundContext,
  { rollout, delivery }: DeliverySnapshot,
  refs: MessageRef[],
  posting: boolean,
  step: 'post' | 'edit' | 'line',
  error: unknown,
  record: (progress: DeliveryProgress) => Promise<void>,
): Promise<RoundOutcome> {
  const now = ctx.now();
  const attempts = delivery.attempts + 1;
  const failure = isDeliveryError(error) ? error : undefined;
  const code = failure?.code ?? (error instanceof Error ? error.message : String(error));
  // 'reason', not 'code': the log redacts a field named code (an OAuth code is a secret).
  const fields = { rollout: rollout.id, step, failure: failure?.failure ?? 'error', reason: code, attempts };
  try {
    if (failure?.failure === 'rate-limited') {
      const until = now + (failure.retryAfterMs ?? 1000);
      await record({ retryAt: until, lastError: code });
      ctx.logger.info('delivery: rate limited; retrying after Retry-After', { ...fields, retryAfterMs: until - now });
      return { kind: 'closed', until };
    }
    // Nothing of the plan reached the channel and repeating may post it twice, or the
    // service refuses: the owner hears it now and may post again with one click.
    const firstPostLost = posting && refs.length === 0 && step === 'post';
    if (failure && firstPostLost && (failure.failure === 'unknown' || failure.failure === 'refused')) {
      await record({ postState: 'failed', lastError: code, attempts, retryAt: null });
      ctx.logger.warn('delivery: the plan could not be posted', fields);
      await ctx.onNotPosted(rollout).catch((e: unknown) => ctx.logger.warn('delivery: could not reopen the interview', { error: String(e) }));
      await ctx.adapter.tellOwner({ rollout, address: delivery.address }, { kind: 'not-posted', text: ctx.notices.notPosted(rollout, failure) }).catch(() => undefined);
      return { kind: 'done' };
    }
    if (failure?.failure === 'refused') {
      await record({ lastError: code, attempts, retryAt: null });
      ctx.logger.warn('delivery: the channel refuses updates; waiting for the next action', fields);
      return { kind: 'done' };
    }
    await record({ lastError: code, attempts, retryAt: now + backoffMs(attempts) });
    ctx.logger.warn('delivery: failed; will retry', { ...fields, retryInMs: backoffMs(attempts) });
    return { kind: 'done' };
  } catch (recordError) {
    if (recordError instanceof LeaseLost) return { kind: 'lost' };
    throw recordError;
  }
}

export { DeliveryError };
