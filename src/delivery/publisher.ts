/**
 * The publisher: the one platform-neutral worker that makes the channel show what
 * the log holds. It leases channels with work due (a lease in the store, so replicas
 * never race on a channel; a dead worker's lease runs out and passes on), and for
 * each due rollout runs a round (deliver-rollout.ts) through that platform's
 * DeliveryAdapter, paced within the platform's limits. It wakes when the store
 * announces work and polls besides, so work left by a dead process is picked up
 * at start and while running.
 */
import { randomBytes } from 'node:crypto';
import type { Card } from '../cards/model';
import type { Logger } from '../runtime/log';
import type { Platform, Rollout, RolloutEvent } from '../rollout/model';
import { channelKey, type ChannelClaim, type DeliveryStore } from '../store/delivery-model';
import { deliverRollout, LeaseLost, PacedOut, type RoundContext } from './deliver-rollout';
import { createPacer, type Pacer } from './pacer';
import type { DeliveryAdapter, DeliveryError, RateLimit } from './types';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PublisherOptions {
  store: RoundContext['store'];
  adapters: DeliveryAdapter[];
  /** The plan's cards at `nowMs` (the publisher's clock: a window counts down on the card). */
  draw(rollout: Rollout, events: RolloutEvent[], nowMs: number): Card[];
  notices: RoundContext['notices'];
  onNotPosted(rollout: Rollout): Promise<void>;
  logger: Logger;
  clock?: Clock;
  /**
   * How long a channel's lease lasts (default 10 s). A heartbeat renews the leases of
   * the channels being delivered, so only a dead or stuck process lets one run out,
   * and a restarted or other replica takes over within this time.
   */
  leaseMs?: number;
  /** How often to look for work nobody announced (default 1 s). */
  pollMs?: number;
  /** Channels delivered at once (default 16). */
  concurrency?: number;
  /** A backlog older than this is logged as a warning (default 60 s). */
  backlogWarnMs?: number;
  pacer?: Pacer;
}

export interface Publisher {
  readonly workerId: string;
  start(): void;
  /** Stops claiming, finishes the rounds under way and releases their channels. */
  stop(): Promise<void>;
  /**
   * Resolves when nothing is being delivered and nothing is due within `horizonMs`
   * (default 2 s: a burst's coalescing delay is waited for, a long Retry-After is not).
   */
  idle(options?: { timeoutMs?: number; horizonMs?: number }): Promise<void>;
}

/** A round must have this much lease left before it makes a platform call (the heartbeat keeps it so). */
const LEASE_MARGIN_MS = 3_000;
/** A lease is given back after this long, so other channels' workers get their turn. */
const MAX_HOLD_MS = 30_000;
/** A worker waits this long at most for a channel's next slot; longer, it gives the channel back meanwhile. */
const MAX_INLINE_WAIT_MS = 250;

export function createPublisher(options: PublisherOptions): Publisher {
  const { store, logger } = options;
  const clock = options.clock ?? systemClock;
  const leaseMs = options.leaseMs ?? 10_000;
  const pollMs = options.pollMs ?? 1000;
  const concurrency = options.concurrency ?? 16;
  const pacer = options.pacer ?? createPacer();
  const workerId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const adapters = new Map<Platform, DeliveryAdapter>(options.adapters.map((a) => [a.platform, a]));
  const active = new Set<Promise<void>>();
  /** The channels this worker is delivering to right now (channelKey), with their claims. */
  const busy = new Map<string, ChannelClaim>();
  let heartbeat: NodeJS.Timeout | undefined;
  const renewAll = async () => {
    for (const claim of busy.values()) {
      await store.renewChannel(claim, clock.now(), leaseMs).catch((error: unknown) =>
        logger.warn('delivery: could not renew a lease', { channel: claim.scope.channel, error: String(error) }),
      );
    }
  };
  let running = false;
  let wake: (() => void) | undefined;
  let wakeTimer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  let unwatch: (() => void) | undefined;
  let lastBacklogCheck = 0;

  /** Set when woken while busy, so the wake-up is not lost. */
  let nudged = false;
  const nudge = () => {
    nudged = true;
    wake?.();
  };
  /** Wakes the loop at `at` (or now), keeping the earliest wake-up asked for. */
  let wakeAt = Infinity;
  const scheduleWake = (at: number) => {
    if (at >= wakeAt) return;
    wakeAt = at;
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(() => {
      wakeAt = Infinity;
      nudge();
    }, Math.max(0, at - clock.now()));
    wakeTimer.unref?.();
  };

  async function deliverChannel(claim: ChannelClaim): Promise<void> {
    const adapter = adapters.get(claim.scope.platform);
    // Posts and edits count separately (Slack: ~1 message a second per channel, chat.update Tier 3
    // per workspace); a Retry-After closes the whole channel.
    const paceKey = `${claim.scope.platform}/${claim.scope.workspace}/${claim.scope.channel}`;
    const postKey = `${paceKey}:post`;
    const workspaceKey = `${claim.scope.platform}/${claim.scope.workspace}`;
    let closedUntil = 0;
    if (!adapter) {
      // A platform this process does not deliver to (e.g. Teams is off here): leave it to one that does.
      await release(claim, clock.now() + 60_000);
      return;
    }
    const pace = async (kind: 'post' | 'edit') => {
      const buckets: [string, readonly RateLimit[]][] =
        kind === 'post'
          ? [[postKey, adapter.limits.postsPerChannel ?? []]]
          : [
              [`${paceKey}:edit`, adapter.limits.editsPerChannel ?? []],
              [`${workspaceKey}:edit`, adapter.limits.editsPerWorkspace ?? []],
            ];
      const now = clock.now();
      // Look first, take a slot only when it is worth waiting for: a slot taken and not
      // used would push every later one back.
      const next = Math.max(now, pacer.openAt(paceKey), ...buckets.map(([key, limits]) => pacer.nextSlot(key, limits, now)));
      if (next - now > MAX_INLINE_WAIT_MS) throw new PacedOut(next);
      const at = Math.max(next, ...buckets.map(([key, limits]) => pacer.reserve(key, limits, now)));
      if (at > clock.now()) await clock.sleep(at - clock.now());
      if (claim.leaseUntil - clock.now() < LEASE_MARGIN_MS && !(await store.renewChannel(claim, clock.now(), leaseMs))) {
        throw new LeaseLost();
      }
    };
    const ctx: RoundContext = {
      adapter,
      store,
      claim,
      logger,
      now: clock.now,
      pace,
      draw: options.draw,
      notices: options.notices,
      onNotPosted: options.onNotPosted,
    };
    const started = clock.now();
    try {
      while (running && clock.now() - started < MAX_HOLD_MS) {
        const due = await store.dueDeliveries(claim, clock.now(), 20);
        if (due.length === 0) break;
        let stop = false;
        for (const snapshot of due) {
          const outcome = await deliverRollout(ctx, snapshot);
          if (outcome.kind === 'lost') return;
          if (outcome.kind === 'closed') {
            closedUntil = outcome.until;
            pacer.closeUntil(paceKey, outcome.until);
            stop = true;
            break;
          }
          if (outcome.kind === 'paced') {
            closedUntil = outcome.until;
            stop = true;
            break;
          }
        }
        if (stop) break;
      }
    } catch (error) {
      // A store failure mid-round: the work stays due and is tried again.
      logger.error('delivery: channel round failed', { channel: claim.scope.channel, error: String(error) });
      closedUntil = clock.now() + 2000;
    }
    // The next holder (maybe another process) starts with full buckets: not before ours are.
    const notBefore = Math.max(closedUntil, pacer.fullAt(postKey, adapter.limits.postsPerChannel ?? [], clock.now()));
    await release(claim, notBefore > clock.now() ? notBefore : 0);
    if (notBefore > clock.now()) scheduleWake(notBefore);
  }

  /** Leases this worker could not give back (the store was down): tried again each round. */
  const unreleased: { claim: ChannelClaim; notBefore: number }[] = [];
  async function release(claim: ChannelClaim, notBefore: number): Promise<void> {
    try {
      await store.releaseChannel(claim, notBefore);
    } catch (error) {
      logger.warn('delivery: could not release a channel; trying again', { error: String(error) });
      unreleased.push({ claim, notBefore });
    }
  }
  async function releaseLeftovers(): Promise<void> {
    for (const { claim, notBefore } of unreleased.splice(0)) await release(claim, notBefore);
  }

  async function checkBacklog(): Promise<void> {
    const now = clock.now();
    if (now - lastBacklogCheck < 10_000) return;
    lastBacklogCheck = now;
    const backlog = await store.deliveryBacklog();
    const age = backlog.oldestDueAt === undefined ? 0 : now - backlog.oldestDueAt;
    if (age > (options.backlogWarnMs ?? 60_000)) {
      logger.warn('delivery backlog is behind', { pending: backlog.pending, oldestSeconds: Math.round(age / 1000) });
    }
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await releaseLeftovers();
        const free = concurrency - active.size;
        if (free > 0) {
          const claims = await store.claimChannels(workerId, clock.now(), leaseMs, free, [...busy.keys()]);
          for (const claim of claims) {
            const key = channelKey(claim.scope);
            busy.set(key, claim);
            const work = deliverChannel(claim).finally(() => {
              busy.delete(key);
              active.delete(work);
              nudge();
            });
            active.add(work);
          }
        }
        await checkBacklog();
      } catch (error) {
        logger.warn('delivery: could not claim work', { error: String(error) });
      }
      if (!nudged) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          const poll = setTimeout(resolve, pollMs);
          poll.unref?.();
        });
      }
      nudged = false;
      wake = undefined;
    }
  }

  return {
    workerId,
    start() {
      if (running) return;
      running = true;
      unwatch = store.watchDeliveries((dueAt) => scheduleWake(dueAt));
      heartbeat = setInterval(() => void renewAll(), Math.max(100, Math.floor(leaseMs / 3)));
      heartbeat.unref?.();
      loop = run();
    },
    async stop() {
      running = false;
      unwatch?.();
      clearTimeout(wakeTimer);
      clearInterval(heartbeat);
      nudge();
      await loop;
      await Promise.all([...active]);
      await releaseLeftovers();
    },
    async idle({ timeoutMs = 10_000, horizonMs = 2000 } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const backlog = await store.deliveryBacklog();
        // A look for reminders that is due on this clock counts as work; one scheduled later does not.
        const remindersDue = backlog.nextRemindAt !== undefined && backlog.nextRemindAt <= clock.now();
        const dueSoon = (backlog.oldestDueAt !== undefined && backlog.oldestDueAt <= clock.now() + horizonMs) || remindersDue;
        if (active.size === 0 && !dueSoon) return;
        if (Date.now() > until) throw new Error(`delivery not idle after ${timeoutMs} ms: ${JSON.stringify(backlog)}`);
        nudge();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}

export type { DeliveryError };
