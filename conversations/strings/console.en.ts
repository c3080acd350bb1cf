/** The console chat's own texts in English (banner, resume, end of input, typed hints). Keys are shared with console.nl.ts. */
export const consoleEn = {
  'console.welcome': 'exchange-sp console chat. Type your answers, or "help".',
  'console.example': 'Start with e.g.: 2000 enterprise active/passive EXCH1 EXCH2 adc',
  'console.commands':
    'During a rollout: confirm N | skip N <reason> | problem N <note> | undo N | plan | details N | use #N | status | export [json] | quit',
  'console.resuming': 'Resuming rollout {ref}:',
  'console.noRollout': 'No open rollout yet. Answer the questions to plan one.',
  'console.unknownRollout': 'Rollout {id} is not known here.',
  'console.exported': 'Written to {file}',
  'console.ended':
    'The chat ended before the plan was posted. Your answers so far are kept: start the chat again to go on where you left off.',
  // Typed instead of clicked: the console numbers the choices.
  'console.hint.choice': 'Type the number or the word: {choices}',
  'console.hint.yesNo': 'Type yes or no (or 1 or 2).',
  'console.help.answers':
    'Type the number of a choice, or several answers at once, for example: 2000 enterprise active/passive EXCH1 EXCH2 adc',
} as const;
