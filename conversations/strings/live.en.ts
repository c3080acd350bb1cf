/**
 * The live change record in English (issue 12): people and times on steps, the
 * maintenance window, reminders, stakeholder lines, "my steps" and the closing
 * summary. Keys are shared with live.nl.ts.
 */
export const liveEn = {
  // Refusals: nothing was recorded.
  'live.refused.restricted.confirm': 'Step {step} is assigned to {assignee}: only {assignee} or the owner, {owner}, can confirm it. Nothing was recorded.',
  'live.refused.restricted.skip': 'Step {step} is assigned to {assignee}: only {assignee} or the owner, {owner}, can skip it. Nothing was recorded.',
  'live.refused.restricted.start': 'Step {step} is assigned to {assignee}: only {assignee} or the owner, {owner}, can start it. Nothing was recorded.',
  'live.refused.restricted.take': 'Step {step} is assigned to {assignee}: only {assignee} or the owner, {owner}, can hand it to someone else. Nothing was recorded.',
  'live.refused.restricted.assign': 'Step {step} is assigned to {assignee}: only {assignee} or the owner, {owner}, can hand it to someone else. Nothing was recorded.',
  'live.refused.started-by-you': 'You are already on step {step}. Nothing was recorded.',
  'live.refused.started-by-other': '{user} is already on step {step}: ask them, or undo their start first. Nothing was recorded.',
  'live.refused.not-assigned': 'Step {step} is not assigned to anyone. Nothing was changed.',
  'live.refused.already-assigned': 'Step {step} is already assigned to {user}. Nothing was changed.',
  'live.refused.assignee-not-operator': '{user} cannot act on this plan: only its operators and its owner, {owner}, can. Nothing was changed.',
  'live.refused.owner-only': 'Only {owner}, who posted this plan, can change that. Nothing was changed.',
  'live.refused.restricted-already': 'Assigned steps are already kept for their assignee. Nothing was changed.',
  'live.refused.unrestricted-already': 'Assigned steps are not kept for their assignee. Nothing was changed.',
  'live.refused.no-window': 'This rollout has no maintenance window to remove. Nothing was changed.',
  'live.refused.no-stakeholders': 'No other channel hears about this rollout. Nothing was changed.',
  'live.refused.notify-here': 'That is this channel itself: name another one, for example "notify #change-board". Nothing was changed.',
  'live.refused.notify-already': '#{channel} hears about this rollout already. Nothing was changed.',
  'live.refused.limit-range': 'Give step {step} a time between 1 and {max} minutes, for example "limit {step} 60". Nothing was changed.',
  'live.refused.nothing-due': 'No reminder is due.',

  // The window as typed.
  'live.window.usage':
    'Give the window as a start and an end time, for example "window 22:00-02:00" or "window 2026-11-24 22:00-02:00"; "window off" removes it. Nothing was changed.',
  'live.window.numericDate':
    'Write the date as 2026-11-24 or 24 Nov: a date such as 24/11 reads differently in different countries. Nothing was changed.',
  'live.window.endBeforeStart': 'The window must end after it starts. Nothing was changed.',
  'live.window.tooLong': 'A maintenance window lasts at most {hours} hours. Nothing was changed.',
  'live.window.over': 'That window is already over. Nothing was changed.',
  'live.window.range': '{start} – {end} {zone}',

  // Typed commands.
  'live.assign.usage': 'Which step, and who? For example "assign 5 @bob", "assign 5 me" or "assign 5 nobody". Nothing was changed.',
  'live.assign.unknown': 'I could not tell who {names} is: mention the person with @ so the name becomes a link. Nothing was changed.',
  'live.take.usage': 'Which step? Give its number from the plan, for example "take 5". Nothing was changed.',
  'live.restrict.usage': 'Say "restrict on" (only the assignee or you can start, confirm or skip an assigned step) or "restrict off". Nothing was changed.',
  'live.limit.usage': 'Which step, and how many minutes? For example "limit 5 90", or "limit 5 default". Nothing was changed.',
  'live.notify.usage': 'Name the channel to keep informed, for example "notify #change-board", or "notify off". Nothing was changed.',
  'live.noOwnRollout': 'There is no open rollout of yours in this channel to change. Nothing was changed.',
  'live.window.set': 'Maintenance window of rollout {id}: {window}.',
  'live.window.removed': 'Rollout {id} has no maintenance window any more.',
  'live.window.interview': 'Maintenance window: {window}.',
  'live.window.interviewNone': 'No maintenance window.',
  'live.label.window': 'Maintenance window',
  'live.notify.set': '#{channel} will hear when rollout {id} gets under way, when a problem is reported and when it completes.',
  'live.notify.off': 'No other channel hears about rollout {id} any more.',
  'live.restrict.on': 'From now on only the assignee or you can start, confirm or skip an assigned step of rollout {id}.',
  'live.restrict.off': 'Anyone who may act can again start, confirm or skip the assigned steps of rollout {id}.',
  'live.limit.set': 'Step {step} of rollout {id} may now be in progress {minutes} min before the thread is reminded.',

  // Thread lines, one per event.
  'live.thread.started': '{user} started step {number}: {title}.',
  'live.thread.took': '(took {duration})',
  'live.thread.assigned': '{user} assigned step {number} to {assignee}: {title}.',
  'live.thread.taken': '{user} took step {number}: {title}.',
  'live.thread.unassigned': '{user} unassigned step {number}: {title}.',
  'live.thread.restrictOn': '{user} kept assigned steps for their assignee: only the assignee or {owner} can start, confirm or skip them.',
  'live.thread.restrictOff': '{user} opened assigned steps again to anyone who may act.',
  'live.thread.window': '{user} set the maintenance window: {window}.',
  'live.thread.windowOff': '{user} removed the maintenance window.',
  'live.thread.limit': '{user} gave step {number} {minutes} min before a reminder: {title}.',
  'live.thread.limitDefault': '{user} set step {number} back to {minutes} min before a reminder: {title}.',
  'live.thread.notify': '{user} will keep #{channel} informed: when this rollout gets under way, hits a problem and completes.',
  'live.thread.notifyOff': '{user} stopped keeping #{channel} informed.',
  'live.backTo.inProgress': 'in progress by {user}',
  'live.backTo.assigned': 'to do, assigned to {user}',

  // Reminders in the thread.
  'live.remind.inProgress':
    '{mention}: step {number}, {title}, has been in progress for {duration}, longer than the {limit} min it usually takes. Confirm it when it is done, or report a problem.',
  'live.remind.problem':
    '{mention}: the problem with step {number}, {title}, was reported {duration} ago and nothing has happened since: {note}',
  'live.remind.windowEnd': '{mention}: the maintenance window ends in {duration} ({end}) and {open} step(s) are still open.',
  'live.remind.windowEnded': '{mention}: the maintenance window ended at {end} and {open} step(s) are still open.',

  // On the card.
  'live.card.inProgress': 'in progress — {user}, since {time}',
  'live.card.assigned': 'assigned to {user}',
  'live.card.took': 'took {duration}',
  'live.card.window.later': 'Maintenance window {window}',
  'live.card.window.soon': 'Maintenance window {window} · starts in {duration}',
  'live.card.window.open': 'Maintenance window {window} · {duration} left',
  'live.card.window.ended': 'Maintenance window {window} · ended',
  'live.card.restricted': 'Assigned steps are kept for their assignee (or {owner}).',
  'live.card.stakeholders': 'Updates go to #{channel}.',
  'live.button.start': 'Start',
  'live.button.take': 'Take it',
  'live.duration.hm': '{h} h {m} min',
  'live.duration.h': '{h} h',
  'live.duration.m': '{m} min',

  // Stakeholder lines.
  'live.notice.started': 'Rollout {id}, {title}: under way ({user}, {time}).',
  'live.notice.problem': 'Rollout {id}, {title}: problem at step {number} reported by {user}: {note}',
  'live.notice.completed': 'Rollout {id}, {title}: complete at {time}, {done} step(s) done and {skipped} skipped, {duration} in all.',

  // The closing summary.
  'live.summary.title': 'Closing summary of {title} (rollout {id})',
  'live.summary.times': 'Under way {start}, complete {end}: {duration} in all.',
  'live.summary.applyHeading': 'Apply steps:',
  'live.summary.applyTimed': '{number}. {title}: {duration} ({user})',
  'live.summary.applyUntimed': '{number}. {title}: done by {user} at {time} (not started with Start, so no duration)',
  'live.summary.applySkipped': '{number}. {title}: skipped by {user}',
  'live.summary.whoHeading': 'Who did what:',
  'live.summary.who': '{user}: {list}',
  'live.summary.who.confirmed': 'confirmed {steps}',
  'live.summary.who.skipped': 'skipped {steps}',
  'live.summary.who.problems': 'reported {count} problem(s)',
  'live.summary.skippedHeading': 'Skipped:',
  'live.summary.skipped': '{number}. {title}: {note} ({user})',
  'live.summary.noSkipped': 'Nothing was skipped.',
  'live.summary.problemsHeading': 'Problems:',
  'live.summary.problem': '{number}. {title}: "{note}" ({user}, {time}); {outcome}',
  'live.summary.noProblems': 'No problems were reported.',
  'live.summary.outcome.done': 'then done by {user}',
  'live.summary.outcome.skipped': 'then skipped by {user}',
  'live.summary.outcome.withdrawn': 'taken back by {user}',
  'live.summary.attached': 'The full record of rollout {id}: {events} events.',
  'live.summary.savedTo': 'The full record is saved in {file}.',

  // My steps (Slack App Home, Teams "my steps", console "mine").
  'live.mine.title': 'Your steps',
  'live.mine.intro': 'Open rollouts with a step assigned to you or in your hands, and open problems in the rollouts you own.',
  'live.mine.none': 'Nothing is waiting on you: no open rollout has a step assigned to you or in progress by you.',
  'live.mine.rollout': '{title} · rollout {id} · {progress}',
  'live.mine.step': '{number}. {title} · {state}',
  'live.mine.state.inProgress': 'in progress since {time}',
  'live.mine.state.ready': 'ready to start',
  'live.mine.state.waiting': 'waits for step(s) {steps}',
  'live.mine.state.problem': 'problem reported by {user}: {note}',
  'live.mine.more': 'and {count} more rollout(s); type "mine" in their channel to see them.',

  'live.help.commands':
    'During a rollout: "start 5" (you are on it now), "take 5" or "assign 5 @bob", "restrict on" (only the assignee or you settle an assigned step), "window 22:00-02:00", "limit 5 60" (minutes before a reminder), "notify #change-board", and "mine" for the steps waiting on you.',
} as const;
