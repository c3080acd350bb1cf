/**
 * Click-to-visible: how long after its ack a click shows on the card in the channel.
 * `users` people, each in their own workspace with their own plan, each clicking
 * Confirm / Undo on step 1 every `thinkMs` (a team at work, not a saturating load);
 * the fake Slack keeps every chat.update it gets with the card's progress text, and a
 * click is visible at the first update of its plan, after it was sent, that shows the
 * state it left (1 or 0 steps done). A click whose next one was acked before it showed
 * is counted as superseded (its state never needed to show).
 */
import { encodeActionPayload } from '../../src/cards/actions';
import type { AppInfo } from '../app-process';
import { drained, type Backlog } from '../backlog';
import type { BenchChild } from '../child';
import type { FakesInfo } from '../fakes-process';
import { BENCH_OWNER, type SeededRollouts } from '../seed';
import { blockActionsBody, signedHeaders } from '../../test/kit/slack-requests';

export interface VisibleFigures {
  users: number;
  thinkMs: number;
  seconds: number;
  clicks: number;
  acked: number;
  visible: number;
  superseded: number;
  /** Clicks never seen on the card (neither visible nor superseded). */
  missing: number;
  ackP50: number;
  ackP99: number;
  p50: number;
  p99: number;
  max: number;
  backlogAfter?: Backlog;
}

/** The plans of the click-to-visible cell: one per person, each in its own workspace. */
export const visibleScope = (i: number) => ({ platform: 'slack' as const, workspace: `TV${i}`, channel: `CV${i}` });
export const visibleMessageTs = (i: number) => `1700000009.${String(i).padStart(6, '0')}`;

interface Sent {
  user: number;
  done: number;
  sentAt: number;
  ackAt?: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

export async function measureClickToVisible(options: {
  fakes: BenchChild<FakesInfo>;
  app: BenchChild<AppInfo>;
  seeded: SeededRollouts;
  users: number;
  seconds: number;
  thinkMs?: number;
  log: (line: string) => void;
}): Promise<VisibleFigures> {
  const { fakes, app, seeded, users } = options;
  const thinkMs = options.thinkMs ?? 2000;
  const url = `http://127.0.0.1:${app.info.port}/slack/events`;
  const responseUrl = `${fakes.info.responseUrlBase}visible`;
  await drained(app.info.port);
  await fakes.call('watchSlack', true);
  const sent: Sent[] = [];
  const until = Date.now() + options.seconds * 1000;
  let n = 0;
  const person = async (u: number) => {
    // Spread the people over the first think time, as a team would.
    await new Promise((r) => setTimeout(r, Math.floor((u / users) * thinkMs)));
    for (let k = 0; Date.now() < until; k++) {
      const verb = k % 2 === 0 ? 'confirm' : 'undo';
      const value = encodeActionPayload({ k: 'step', r: seeded.ids[u], s: seeded.stepId, v: verb });
      const scope = visibleScope(u);
      const body = blockActionsBody({ value, actionTs: `1700000009.${String(++n).padStart(9, '0')}`, user: BENCH_OWNER.id, userName: BENCH_OWNER.name, responseUrl, team: scope.workspace, channel: scope.channel });
      const click: Sent = { user: u, done: verb === 'confirm' ? 1 : 0, sentAt: Date.now() };
      sent.push(click);
      try {
        const res = await fetch(url, { method: 'POST', headers: signedHeaders(body), body, signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        if (res.ok) click.ackAt = Date.now();
      } catch {
        // an unanswered click stays unacked
      }
      await new Promise((r) => setTimeout(r, thinkMs));
    }
  };
  await Promise.all(Array.from({ length: users }, (_, u) => person(u)));
  const backlogAfter = await drained(app.info.port);
  await fakes.call('watchSlack', false);
  const shown = await fakes.call<Record<string, { at: number; text: string }[]>>('slackShownOverTime');

  const latencies: number[] = [];
  const acks: number[] = [];
  let superseded = 0;
  let missing = 0;
  for (const [i, click] of sent.entries()) {
    if (click.ackAt === undefined) continue;
    acks.push(click.ackAt - click.sentAt);
    const next = sent.slice(i + 1).find((c) => c.user === click.user);
    const updates = shown[visibleMessageTs(click.user)] ?? [];
    const seen = updates.find((u) => u.at >= click.sentAt && new RegExp(`\\b${click.done} of \\d+\\b`).test(u.text));
    if (seen && (!next?.ackAt || seen.at <= next.ackAt)) latencies.push(Math.max(0, seen.at - click.ackAt));
    else if (next?.ackAt !== undefined) superseded++;
    else missing++;
  }
  latencies.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  const figures: VisibleFigures = {
    users,
    thinkMs,
    seconds: options.seconds,
    clicks: sent.length,
    acked: acks.length,
    visible: latencies.length,
    superseded,
    missing,
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    ...(backlogAfter ? { backlogAfter } : {}),
  };
  options.log(
    `slack click-to-visible, ${users} people every ${thinkMs} ms: ${figures.visible}/${figures.acked} visible, p50 ${figures.p50} ms p99 ${figures.p99} ms (ack p99 ${figures.ackP99} ms), ${superseded} superseded, ${missing} missing`,
  );
  return figures;
}
