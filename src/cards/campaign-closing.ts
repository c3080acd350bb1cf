/**
 * The closing summary a completed campaign leaves in its campaign card's thread (issue
 * 14), once for the whole campaign (its servers post none of their own), from the logs
 * alone and in the campaign's language: when the campaign got under way and when it
 * completed; per server its wave, its own start and end, how long its apply steps took
 * and who confirmed its steps; the servers released early and why; then, across the
 * shared steps and every server, the skipped steps with their reasons and the problems
 * with how they ended (the single rollout's lines, src/cards/closing-summary.ts, each
 * headed with its server). Times are on the campaign's clock (its hub's).
 */
import { msg, t } from '../../conversations/strings';
import type { CampaignView } from '../campaign/model';
import type { Rollout, RolloutEvent, RolloutSnapshot } from '../rollout/model';
import { deriveRolloutState } from '../rollout/status';
import { formatRef } from '../rollout/short-ref';
import { problemLines, skippedLines, threadMessagesOf } from './closing-summary';
import { dayTimeText, durationText, rolloutZone } from './live-lines';

/** The campaign as its closing summary reads it: the hub and its servers' logs, in the campaign's order. */
export interface CampaignRecord {
  view: CampaignView;
  hub: RolloutSnapshot;
  /** One per member of `view`, in the same order. */
  members: RolloutSnapshot[];
}

const startOf = (rollout: Rollout, events: RolloutEvent[]) => deriveRolloutState(rollout.plan, events).startedAt ?? rollout.createdAt;
const endOf = (rollout: Rollout, events: RolloutEvent[]) => deriveRolloutState(rollout.plan, events).completedAt ?? events.at(-1)?.at ?? rollout.createdAt;
const earliest = (times: string[]) => times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
const latest = (times: string[]) => times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

/** The summary's lines, headings included. */
export function campaignClosingLines(record: CampaignRecord): string[] {
  const { view, hub } = record;
  const locale = hub.rollout.locale;
  const zone = rolloutZone(deriveRolloutState(hub.rollout.plan, hub.events));
  const all = [hub, ...record.members];
  const start = earliest(all.map((s) => startOf(s.rollout, s.events)));
  const end = latest(all.map((s) => endOf(s.rollout, s.events)));
  const lines = [
    t(locale, msg('campaign.close.title', { ref: formatRef(view.ref), title: t(locale, hub.rollout.plan.title) })),
    t(locale, msg('campaign.close.times', {
      start: dayTimeText(locale, start, zone),
      end: dayTimeText(locale, end, zone),
      duration: durationText(locale, Date.parse(end) - Date.parse(start)),
      count: view.members.length,
    })),
    '',
    t(locale, 'campaign.close.serversHeading'),
  ];
  view.members.forEach((member, i) => lines.push(serverLine(record.members[i], member.server, member.wave, zone)));

  lines.push('', t(locale, 'campaign.close.releasesHeading'));
  const released = view.members.filter((m) => m.released);
  if (!released.length) lines.push(t(locale, 'campaign.close.noReleases'));
  for (const m of released) {
    const r = m.released!;
    lines.push(t(locale, msg('campaign.close.release', { server: m.server, wave: m.wave, user: r.by.name, time: dayTimeText(locale, r.at, zone), note: r.note })));
  }

  // The shared steps first, then each server, each line headed with where it was.
  const labelled = (take: (s: RolloutSnapshot) => string[]) =>
    all.flatMap((s, i) => take(s).map((line) => t(locale, msg('campaign.thread.server', { server: i === 0 ? t(locale, 'campaign.close.shared') : view.members[i - 1].server, line }))));
  const skipped = labelled((s) => skippedLines(s.rollout, s.events));
  lines.push('', t(locale, 'live.summary.skippedHeading'), ...(skipped.length ? skipped : [t(locale, 'live.summary.noSkipped')]));
  const problems = labelled((s) => problemLines(s.rollout, s.events, zone));
  lines.push('', t(locale, 'live.summary.problemsHeading'), ...(problems.length ? problems : [t(locale, 'live.summary.noProblems')]));
  return lines;
}

/** One server: its wave, its start and end, its apply steps' time, who confirmed its steps. */
function serverLine({ rollout, events }: RolloutSnapshot, server: string, wave: number, zone: string): string {
  const { locale, plan } = rollout;
  const state = deriveRolloutState(plan, events);
  const timed = plan.steps.filter((s) => s.phase === 'apply').map((s) => state.steps.get(s.id)?.durationMs).filter((ms): ms is number => ms !== undefined);
  const confirmers = [...new Map(plan.steps.flatMap((s) => {
    const step = state.steps.get(s.id);
    return step?.status === 'done' && step.by ? [[step.by.id, step.by.name] as const] : [];
  })).values()];
  return t(locale, msg('campaign.close.server', {
    server,
    wave,
    start: dayTimeText(locale, startOf(rollout, events), zone),
    end: dayTimeText(locale, endOf(rollout, events), zone),
    apply: timed.length ? durationText(locale, timed.reduce((a, b) => a + b, 0)) : t(locale, 'campaign.close.apply.untimed'),
    people: confirmers.length ? confirmers.join(', ') : t(locale, 'campaign.close.nobody'),
  }));
}

/** The summary as thread messages of at most `maxText` characters each, cut between lines. */
export function campaignClosingMessages(record: CampaignRecord, maxText: number): string[] {
  return threadMessagesOf(campaignClosingLines(record), maxText);
}
