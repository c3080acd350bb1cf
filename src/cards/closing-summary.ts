/**
 * The closing summary a completed rollout leaves in its thread (issue 12), from the log
 * alone and in the rollout's language: when it got under way and when it completed;
 * the apply steps with how long each took (or why there is no duration); who did what;
 * the skipped steps with their reasons; every problem and how it ended. The export
 * goes with it (src/delivery/closing.ts).
 */
import { msg, t } from '../../conversations/strings';
import { dayTimeText, durationText, rolloutZone } from './live-lines';
import type { Rollout, RolloutEvent, UserRef } from '../rollout/model';
import { deriveRolloutState, numberRanges, stepNumber } from '../rollout/status';

interface Person {
  user: UserRef;
  confirmed: number[];
  skipped: number[];
  problems: number;
}

/** What became of each reported problem: taken back by an undo, or the step's end. */
function problemOutcomes(rollout: Rollout, events: RolloutEvent[]): Map<number, { kind: 'withdrawn'; by: UserRef } | undefined> {
  const stacks = new Map<string, RolloutEvent[]>();
  const outcomes = new Map<number, { kind: 'withdrawn'; by: UserRef } | undefined>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (!event.stepId) continue;
    const stack = stacks.get(event.stepId) ?? [];
    stacks.set(event.stepId, stack);
    if (event.type === 'undone') {
      const popped = stack.pop();
      if (popped?.type === 'problem') outcomes.set(popped.seq, { kind: 'withdrawn', by: event.actor });
    } else if (['confirmed', 'skipped', 'problem', 'started', 'assigned'].includes(event.type)) {
      stack.push(event);
      if (event.type === 'problem') outcomes.set(event.seq, undefined);
    }
  }
  return outcomes;
}

/** The summary's lines, headings included. */
export function closingSummaryLines(rollout: Rollout, events: RolloutEvent[]): string[] {
  const { locale, plan } = rollout;
  const state = deriveRolloutState(plan, events);
  const zone = rolloutZone(state);
  const title = t(locale, plan.title);
  const lines = [t(locale, msg('live.summary.title', { title, id: rollout.id }))];
  const start = state.startedAt ?? rollout.createdAt;
  const end = state.completedAt ?? events.at(-1)?.at ?? start;
  lines.push(
    t(locale, msg('live.summary.times', {
      start: dayTimeText(locale, start, zone),
      end: dayTimeText(locale, end, zone),
      duration: durationText(locale, Date.parse(end) - Date.parse(start)),
    })),
  );

  const apply = plan.steps.filter((s) => s.phase === 'apply');
  if (apply.length) {
    lines.push('', t(locale, 'live.summary.applyHeading'));
    for (const step of apply) {
      const s = state.steps.get(step.id);
      const params = { number: stepNumber(plan, step.id), title: t(locale, step.title), user: s?.by?.name ?? '?' };
      if (s?.status === 'skipped') lines.push(t(locale, msg('live.summary.applySkipped', params)));
      else if (s?.durationMs !== undefined) lines.push(t(locale, msg('live.summary.applyTimed', { ...params, duration: durationText(locale, s.durationMs) })));
      else lines.push(t(locale, msg('live.summary.applyUntimed', { ...params, time: dayTimeText(locale, s?.at ?? end, zone) })));
    }
  }

  const people = new Map<string, Person>();
  const personOf = (user: UserRef) => {
    let person = people.get(user.id);
    if (!person) people.set(user.id, (person = { user, confirmed: [], skipped: [], problems: 0 }));
    return person;
  };
  for (const step of plan.steps) {
    const s = state.steps.get(step.id);
    if (!s?.by) continue;
    if (s.status === 'done') personOf(s.by).confirmed.push(stepNumber(plan, step.id));
    if (s.status === 'skipped') personOf(s.by).skipped.push(stepNumber(plan, step.id));
  }
  const problems = events.filter((e) => e.type === 'problem' && e.stepId);
  for (const problem of problems) personOf(problem.actor).problems++;
  lines.push('', t(locale, 'live.summary.whoHeading'));
  for (const person of people.values()) {
    const list = [
      person.confirmed.length ? t(locale, msg('live.summary.who.confirmed', { steps: numberRanges(person.confirmed) })) : '',
      person.skipped.length ? t(locale, msg('live.summary.who.skipped', { steps: numberRanges(person.skipped) })) : '',
      person.problems ? t(locale, msg('live.summary.who.problems', { count: person.problems })) : '',
    ].filter(Boolean);
    lines.push(t(locale, msg('live.summary.who', { user: person.user.name, list: list.join('; ') })));
  }

  lines.push('', t(locale, 'live.summary.skippedHeading'));
  const skipped = skippedLines(rollout, events);
  lines.push(...(skipped.length ? skipped : [t(locale, 'live.summary.noSkipped')]));
  lines.push('', t(locale, 'live.summary.problemsHeading'));
  const problemList = problemLines(rollout, events, zone);
  lines.push(...(problemList.length ? problemList : [t(locale, 'live.summary.noProblems')]));
  return lines;
}

/** The skipped steps with their reasons, one line each. */
export function skippedLines(rollout: Rollout, events: RolloutEvent[]): string[] {
  const { locale, plan } = rollout;
  const state = deriveRolloutState(plan, events);
  return plan.steps
    .filter((step) => state.steps.get(step.id)?.status === 'skipped')
    .map((step) => {
      const s = state.steps.get(step.id)!;
      return t(locale, msg('live.summary.skipped', { number: stepNumber(plan, step.id), title: t(locale, step.title), note: s.note ?? '', user: s.by?.name ?? '?' }));
    });
}

/** Every problem reported, with how it ended, one line each; times in `zone`. */
export function problemLines(rollout: Rollout, events: RolloutEvent[], zone: string): string[] {
  const { locale, plan } = rollout;
  const state = deriveRolloutState(plan, events);
  const outcomes = problemOutcomes(rollout, events);
  return events
    .filter((e) => e.type === 'problem' && e.stepId)
    .map((problem) => {
      const step = plan.steps.find((s) => s.id === problem.stepId);
      const s = state.steps.get(problem.stepId ?? '');
      const withdrawn = outcomes.get(problem.seq);
      const outcome = withdrawn
        ? msg('live.summary.outcome.withdrawn', { user: withdrawn.by.name })
        : msg(s?.status === 'skipped' ? 'live.summary.outcome.skipped' : 'live.summary.outcome.done', { user: s?.by?.name ?? '?' });
      return t(locale, msg('live.summary.problem', {
        number: stepNumber(plan, problem.stepId ?? ''),
        title: step ? t(locale, step.title) : problem.stepId ?? '',
        note: problem.note ?? '',
        user: problem.actor.name,
        time: dayTimeText(locale, problem.at, zone),
        outcome: t(locale, outcome),
      }));
    });
}

/** The summary as thread messages of at most `maxText` characters each, cut between lines. */
export function closingSummaryMessages(rollout: Rollout, events: RolloutEvent[], maxText: number): string[] {
  return threadMessagesOf(closingSummaryLines(rollout, events), maxText);
}

/** Lines as thread messages of at most `maxText` characters each, cut between lines (a line too long is cut short). */
export function threadMessagesOf(lines: string[], maxText: number): string[] {
  const messages: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > maxText ? `${raw.slice(0, Math.max(0, maxText - 1))}…` : raw;
    if (current && current.length + 1 + line.length > maxText) {
      messages.push(current.trimEnd());
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current.trim()) messages.push(current.trimEnd());
  return messages;
}
