/** Rollout texts in English: why an action on a posted plan was refused. Keys are shared with rollout.nl.ts. */
export const rolloutEn = {
  'rollout.refused.finished': 'This rollout is finished; nothing can be changed any more.',
  'rollout.refused.not-operator':
    'Only the operators of this rollout and its owner, {owner}, can change it.',
  'rollout.refused.owner-only': 'Only {owner}, who posted this plan, can choose its operators.',
  'rollout.refused.too-many-operators': 'A rollout can have at most {max} operators.',
  'rollout.refused.unknown-step': 'This plan has no such step. Perhaps the card is out of date.',
  'rollout.refused.waits-for-one': 'Step {step} must wait for step {steps}: confirm or skip that one first.',
  'rollout.refused.waits-for-many':
    'Step {step} must wait for steps {steps}: confirm or skip those first.',
  'rollout.refused.already-done': 'Step {step} is already confirmed. Undo it first to change it.',
  'rollout.refused.already-skipped': 'Step {step} is already skipped. Undo it first to change it.',
  'rollout.refused.reason-missing': 'Please give a reason for skipping step {step}.',
  'rollout.refused.problem-note-missing': 'Please describe the problem with step {step}.',
  'rollout.refused.note-too-long': 'That text is too long: at most {max} characters, please.',
  'rollout.refused.skip-protective.full-backup':
    'Step {step} is your way back: without this backup, returning to the previous version may mean removing Exchange with nothing to restore the databases and system state from. To skip it all the same, skip step {step} again within {minutes} minutes, or type "skip {step} anyway <reason>". Nothing was recorded.',
  'rollout.refused.skip-protective.full-backup-after':
    'Step {step} gives you a backup of the updated server: without it, your newest backups may be ones that no longer restore. To skip it all the same, skip step {step} again within {minutes} minutes, or type "skip {step} anyway <reason>". Nothing was recorded.',
  'rollout.refused.skip-protective.export-adc-schema-maps':
    'Step {step} keeps a copy of msExchServer1SchemaMap and msExchServer2SchemaMap: without it, there is nothing to put back if the ADC update changes them. To skip it all the same, skip step {step} again within {minutes} minutes, or type "skip {step} anyway <reason>". Nothing was recorded.',
  'rollout.refused.nothing-to-undo': 'Step {step} has nothing to undo.',
  'rollout.refused.undo-not-yours':
    'Only {actor}, who made the last change to step {step}, or the owner, {owner}, can undo it.',
  'rollout.refused.undo-dependents-one':
    'Step {steps} depends on step {step} and is already settled: undo step {steps} first.',
  'rollout.refused.undo-dependents-many':
    'Steps {steps} depend on step {step} and are already settled: undo those first.',
  'rollout.command.usage':
    'Which step? Give its number from the plan, for example "confirm 3", "skip 4 <reason>", "problem 5 <note>" or "undo 3". Nothing was recorded.',
  'rollout.command.no-such-step':
    'There is no step {number}: {title} ({ref}) has steps 1 to {total}. Nothing was recorded.',
  'rollout.command.no-rollout':
    'There is no open rollout {where} to act on. Type /exchange-sp to plan one.',
  'rollout.note.yours': 'Your text, to copy and use again: {note}',
  'rollout.operators.usage':
    'Name the people who may act, for example "operators @alice @bob", or type "operators anyone" to let anyone {where} act. Nothing was changed.',
  'rollout.operators.unknown':
    'I could not tell who {names} is: mention each person with @ so the name becomes a link. Nothing was changed.',
  'rollout.operators.only-owner':
    'As the owner you can always act on your plan: name someone else, or type "operators anyone". Nothing was changed.',
  'rollout.operators.mixed':
    'Either name people or say "anyone", not both. Nothing was changed.',
  'rollout.operators.too-many':
    'That names {count} people, but a rollout can have at most {max} operators. Nothing was changed.',
} as const;
