/**
 * The lines a stakeholder channel (`notify #change-board`) gets, from the log alone:
 * one when the rollout gets under way (its first Start, confirmation or skip), one per
 * problem reported, one when it completes; each only while a stakeholder channel is
 * set, sent to the channel set at that moment. Earlier events are not told afterwards.
 */
import { msg, t } from '../../conversations/strings';
import { durationText, rolloutZone, timeText } from './live-lines';
import type { StakeholderChannel } from '../rollout/live-model';
import type { Rollout, RolloutEvent } from '../rollout/model';
import { deriveRolloutState, stepNumber } from '../rollout/status';

export interface StakeholderNote {
  /** The event it tells of. */
  seq: number;
  channel: StakeholderChannel;
  text: string;
}

const WORK = new Set<RolloutEvent['type']>(['started', 'confirmed', 'skipped']);

/** The stakeholder lines of events after `afterSeq`, in log order. */
export function stakeholderNotes(rollout: Rollout, events: RolloutEvent[], afterSeq: number): StakeholderNote[] {
  const { locale, plan } = rollout;
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const title = t(locale, plan.title);
  const out: StakeholderNote[] = [];
  let channel: StakeholderChannel | undefined;
  let underWay = false;
  for (const event of ordered) {
    if (event.type === 'notify-set') {
      channel = event.stakeholders;
      continue;
    }
    const first = WORK.has(event.type) && !underWay;
    if (WORK.has(event.type)) underWay = true;
    if (!channel || event.seq <= afterSeq) continue;
    const zone = () => rolloutZone(deriveRolloutState(plan, ordered.filter((e) => e.seq <= event.seq)));
    if (first) {
      const text = t(locale, msg('live.notice.started', { id: rollout.id, title, user: event.actor.name, time: timeText(locale, event.at, zone()) }));
      out.push({ seq: event.seq, channel, text });
    } else if (event.type === 'problem' && event.stepId) {
      const params = { id: rollout.id, title, number: stepNumber(plan, event.stepId), user: event.actor.name, note: event.note ?? '' };
      out.push({ seq: event.seq, channel, text: t(locale, msg('live.notice.problem', params)) });
    } else if (event.type === 'completed') {
      const state = deriveRolloutState(plan, ordered.filter((e) => e.seq <= event.seq));
      const since = state.startedAt ?? rollout.createdAt;
      const params = {
        id: rollout.id,
        title,
        time: timeText(locale, event.at, zone()),
        done: state.done,
        skipped: state.skipped,
        duration: durationText(locale, Date.parse(event.at) - Date.parse(since)),
      };
      out.push({ seq: event.seq, channel, text: t(locale, msg('live.notice.completed', params)) });
    }
  }
  return out;
}
