/**
 * How people reach the bot, in English: where an interview started in a shared
 * conversation runs (the person's personal chat with the bot, because Teams has no
 * private replies in channels), and how to start one on each platform. The Teams
 * wording of texts that elsewhere say "type /exchange-sp" lives here too; the core
 * picks it by the scope's platform (platform.ts). Keys are shared with reach.nl.ts.
 */
export const reachEn = {
  'reach.start.slack': 'type /exchange-sp',
  'reach.start.teams': 'type @ and my name, then exchange-sp (in our personal chat, exchange-sp alone will do)',
  'reach.start.console': 'type exchange-sp',
  'reach.interview.elsewhere': '{user} is preparing an {product} plan — I have sent you the questions in our personal chat.',
  'reach.interview.someoneElses':
    "This is {owner}'s interview: only they can answer its questions, so nothing was changed. To plan a rollout of your own: {start}.",
  'reach.privateChat.sent': 'I have sent you my answer in our personal chat.',
  'reach.privateChat.unreachable':
    '{user}, my answer is for you alone, but I could not open our personal chat. Add me for yourself once (in Teams: Apps, search for my name, Add), then ask me again here: what you already answered is kept.',
  'reach.teams.status.none': 'There are no open rollouts {where}. To plan one: {start}.',
  'reach.teams.interview.ended': 'This interview has already ended (the plan was posted, or it expired). To start a new one: {start}.',
  'reach.teams.command.noRollout': 'There is no open rollout {where} to act on. To plan one: {start}.',
  'reach.teams.error.cannotPost':
    'I could not post the plan in the channel ({error}): the app may no longer be in that team or chat. Add it again, then type @ and my name there: your answers are kept, so posting again is one click.',
  'reach.teams.error.postFailed':
    'The plan did not get through just now ({error}), so it may not be posted. In a moment, type @ and my name in the channel: your answers are kept, so posting again is one click.',
} as const;
