/**
 * The plan thread's lines, straight from the event log: every event after the last
 * one delivered gets its line (threadNoteFor), in log order, joined into as few
 * messages as fit the platform's size. Each message knows the last event it covers,
 * so the outbox's cursor moves exactly as far as what was sent.
 */
import { threadNoteFor } from '../cards/notes';
import type { LineFor } from './campaign';
import type { Rollout, RolloutEvent, UserRef } from '../rollout/model';

export interface ThreadMessage {
  text: string;
  /** The seq of the last event this message covers (events without a line included). */
  throughSeq: number;
  /** The people its lines mention as "@Name" (reminders). */
  mentions: UserRef[];
}

/**
 * The thread messages for events after `afterSeq`, each at most `maxText` characters.
 * `lineFor` draws each event's line (a campaign's rollouts head theirs with the server).
 */
export function threadMessages(rollout: Rollout, events: RolloutEvent[], afterSeq: number, maxText: number, lineFor: LineFor = threadNoteFor): ThreadMessage[] {
  const out: ThreadMessage[] = [];
  for (const event of events) {
    if (event.seq <= afterSeq) continue;
    const line = lineFor(rollout, event, events);
    const last = out[out.length - 1];
    if (!line) {
      // No line of its own: covered by the message before it, or by the next one.
      if (last) last.throughSeq = event.seq;
      continue;
    }
    const text = line.length > maxText ? `${line.slice(0, Math.max(0, maxText - 1))}…` : line;
    const mentions = event.reminder?.mention ?? [];
    if (last && last.text.length + 1 + text.length <= maxText) {
      last.text += `\n${text}`;
      last.throughSeq = event.seq;
      for (const user of mentions) if (!last.mentions.some((m) => m.id === user.id)) last.mentions.push(user);
    } else {
      out.push({ text, throughSeq: event.seq, mentions: [...mentions] });
    }
  }
  return out;
}
