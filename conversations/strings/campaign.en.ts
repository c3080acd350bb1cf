/**
 * Campaign texts in English: several servers, a pilot first and the rest in waves
 * (src/campaign, conversations/campaign). Keys are shared with campaign.nl.ts. Plain
 * text; the commands quoted are the words the bot reads (conversations/campaign/words.ts).
 */
export const campaignEn = {
  // The interview over several servers.
  'campaign.interview.title': 'Exchange service pack campaign',
  'campaign.interview.server': 'Server {position} of {count}: {server}',
  'campaign.interview.about': '{server}: {text}',
  'campaign.interview.complete': '{server}: all answers in.',
  'campaign.interview.askName.first':
    'To plan several servers, each one needs a name. What is the server you just described called?',
  'campaign.interview.askName.next':
    'What is the next server called? You may give its answers too, for example: EXCH2 2000 standard',
  'campaign.interview.added': '{server} added to the campaign.',
  'campaign.interview.back': 'Back works inside a server\'s questions. To change a server\'s answers, type "change {server}".',
  'campaign.interview.notUnderstood': 'I did not understand that here. {how}',
  'campaign.interview.cancelled': 'Campaign cancelled; nothing was posted. Start again whenever you like.',
  'campaign.interview.posting': 'Posting the campaign {where}: {title} ({ref})…',
  'campaign.interview.posted': 'Posted {where}: {title} ({ref}). Each server\'s plan follows in its thread.',
  'campaign.interview.help.what':
    'A campaign plans one change on several Exchange servers: each server gets its own plan, a pilot goes first and the others follow in waves. The steps for the whole organisation (the release notes, the domain controllers\' backup) are planned once.',
  'campaign.interview.help.start':
    'Start one with a list, one server per part, each starting with its name: /exchange-sp EXCH1 2000 enterprise not clustered; CLUS1 2000 enterprise active/passive N1 N2; OLD55 5.5 standard. Or type "add another server" during an interview.',

  'campaign.summary.title': 'Campaign: {count} servers',
  'campaign.summary.pilot': 'Wave 1 · pilot',
  'campaign.summary.wave': 'Wave {wave}',
  'campaign.summary.server': '{server}: {answers}',
  'campaign.summary.how':
    'The pilot goes first, on its own; each next wave may start once the one before it is complete. Type "pilot CLUS1" to choose another pilot, "wave 3 OLD55" to put a server in a later wave, "change EXCH1" to change a server\'s answers, "remove OLD55", or "add another server".',
  'campaign.summary.post': 'Post the campaign in the channel (type post or yes)?',
  'campaign.summary.fallback': 'Campaign of {count} servers: type post (or yes), or change the waves.',
  'campaign.button.post': 'Post campaign',
  'campaign.button.add': 'Add another server',
  'campaign.pilot.set': '{server} is now the pilot.',
  'campaign.wave.set': 'Wave {wave}: {servers}.',
  'campaign.removed': '{server} is no longer part of the campaign.',

  'campaign.refused.name.invalid':
    '"{name}" cannot be a server name: use 1 to 15 letters, digits or hyphens, with at least one letter. Nothing was added.',
  'campaign.refused.name.missing':
    'Each server in the list starts with its name, for example "EXCH1 2000 enterprise"; "{text}" has none, so it was left out.',
  'campaign.refused.name.taken': 'There is already a server called {name} in this campaign; each one needs its own name. Nothing was added.',
  'campaign.refused.tooMany': 'A campaign plans at most {max} servers, so {names} was left out.',
  'campaign.refused.tooFew': 'A campaign needs at least {min} servers: type "add another server", or cancel.',
  'campaign.refused.unknownServer': 'There is no server called {name} in this campaign. Its servers: {names}.',
  'campaign.refused.pilotWave': 'Wave 1 is the pilot on its own. To make {server} the pilot, type "pilot {server}".',
  'campaign.refused.movePilot': '{server} is the pilot: choose another pilot first ("pilot <name>").',
  'campaign.refused.waveNumber': 'Waves are numbered from 2 to {max} (wave 1 is the pilot). Nothing was changed.',

  // The plans.
  'campaign.plan.title': 'Campaign: one change on {count} Exchange servers',
  'campaign.plan.summary': '{count} servers: a pilot first, then the others in waves. Each server\'s plan is in the thread of this card.',
  'campaign.plan.pilotFirst':
    'Test before production: KB 328839 asks you to weigh the consequences of an update and to test it thoroughly before it reaches your production servers. The pilot is that test; the next wave waits until it is complete.',
  'campaign.member.title.sp': '{server}: service pack rollout plan for Exchange {version}',
  'campaign.member.title.hotfix': '{server}: hotfix rollout plan for Exchange {version}',
  'campaign.member.fullBackup.what':
    'Back up all Exchange databases, plus the system state of this Exchange server. The system state of the domain controllers is backed up once for the whole campaign (a shared step on the campaign card).',
  'campaign.shared.forServers': 'For {servers}.',
  'campaign.shared.dcBackup.title': 'Back up the system state of the domain controllers',
  'campaign.shared.dcBackup.what':
    'Once for the domain, before any server is updated: the full backup that comes before the update includes the system state of the domain controllers. Each server backs up its own databases and system state in its own plan.',
  'campaign.shared.dcBackup.rollback':
    'This backup is part of the way back: returning to the previous version can mean restoring the system state on the domain controller as well as on the Exchange server.',

  // The campaign card and the servers' cards.
  'campaign.card.meta': 'Campaign {ref} · started by {owner} · {at}',
  'campaign.card.overall': '{complete} of {count} servers complete',
  'campaign.card.shared': 'Once for the organisation',
  'campaign.card.sharedHint': 'The servers install only after these shared steps. Type "confirm shared 1", or use the buttons.',
  'campaign.card.sharedStep': '{number}. {title}',
  'campaign.card.wave.pilot': 'Wave 1 · pilot · {state}',
  'campaign.card.wave': 'Wave {wave} · {state}',
  'campaign.card.wave.complete': 'complete',
  'campaign.card.wave.open': 'may start',
  'campaign.card.wave.waits': 'waits for wave {previous}',
  'campaign.card.server.progress': '{server} · {settled} of {total} steps',
  'campaign.card.server.complete': '{server} · complete',
  'campaign.card.server.problems': '{count} open problem(s)',
  'campaign.card.server.released': 'released early by {user}: {note}',
  'campaign.card.releaseHint':
    'To start wave {wave} before wave {previous} is complete, {owner} types "release wave {wave} <reason>".',
  'campaign.card.commands':
    'On a server\'s plan: "confirm EXCH1 3", "skip EXCH1 4 <reason>". Each server\'s plan is in the thread.',
  'campaign.card.complete': 'Campaign complete: every server is done and every shared step is settled.',
  'campaign.card.fallback': '{title}: {overall}',
  'campaign.card.member': 'Campaign {ref} · server {position} of {count} · {wave}',
  'campaign.card.member.pilot': 'pilot',
  'campaign.card.member.wave': 'wave {wave}',
  'campaign.card.member.waits':
    'Waits until wave {previous} is complete ({servers}); {owner} may release it early with a reason.',
  'campaign.card.member.released': 'Released early by {user}: {note}',
  'campaign.card.member.shared': 'Installing waits for the shared steps {steps} on the campaign card.',
  'campaign.card.member.mayStart': 'May start.',

  // Refusals.
  'campaign.refused.waitsForWave':
    'Step {step} on {server} must wait: {server} is in wave {wave}, which starts once wave {previous} is complete ({servers}). The owner can release it early: "release {server} <reason>". Nothing was recorded.',
  'campaign.refused.waitsForShared':
    'Step {step} on {server} must wait for the campaign\'s shared steps {steps} (on the campaign card): confirm or skip those first. Nothing was recorded.',
  'campaign.refused.releaseWhat': 'Only a server of a campaign can be released. Nothing was recorded.',
  'campaign.refused.releaseOwnerOnly': 'Only {owner}, who posted this campaign, can release {server}. Nothing was recorded.',
  'campaign.refused.releasedAlready': '{server} was released already, by {user}.',
  'campaign.refused.releaseNotNeeded': '{server} needs no release: wave {wave} may start already.',
  'campaign.refused.releaseReason':
    'Please give a reason for letting {server} start early, for example "release {server} the pilot ran clean for a week". Nothing was recorded.',
  'campaign.refused.skip-protective.dc-system-state':
    'Shared step {step} is part of the way back: without it, returning to the previous version may leave nothing to restore the domain controllers\' system state from. To skip it all the same, skip it again within {minutes} minutes, or type "skip shared {step} anyway <reason>". Nothing was recorded.',

  // Typed commands.
  'campaign.command.which':
    'Which server? This channel\'s rollout is part of campaign {ref}: name the server, for example "confirm {server} {number}", or "confirm shared {number}" for a shared step. Its servers: {names}. Nothing was recorded.',
  'campaign.command.unknownServer': 'Campaign {ref} has no server called {name}. Its servers: {names}. Nothing was recorded.',
  'campaign.command.releaseUsage':
    'Say which server or wave may start early, and why: "release wave 2 <reason>" or "release EXCH2 <reason>". Nothing was recorded.',
  'campaign.command.noCampaign': 'There is no open campaign in this channel. Nothing was recorded.',
  'campaign.command.noWave': 'Campaign {ref} has no wave {wave}. Nothing was recorded.',
  'campaign.command.released': 'Released early, may start now: {servers}.',

  // Thread lines.
  'campaign.thread.server': '{server} · {line}',
  'campaign.thread.released': '{user} let {server} start before its wave. Reason: {note}',
  'campaign.thread.sharedDone': 'Every shared step is done or skipped: the servers may install as their waves allow.',
} as const;
