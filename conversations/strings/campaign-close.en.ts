/**
 * Campaign texts in English for the end of a campaign and for releasing a wave from the
 * campaign card (issue 14): the campaign's one closing summary, and the Release form.
 * Keys are shared with campaign-close.nl.ts. Plain text.
 */
export const campaignCloseEn = {
  // The campaign's closing summary (src/cards/campaign-closing.ts).
  'campaign.close.title': 'Closing summary of campaign {ref}: {title}',
  'campaign.close.times': 'Under way {start}, complete {end}: {duration} in all, {count} servers.',
  'campaign.close.serversHeading': 'Servers:',
  'campaign.close.server': '{server} · wave {wave} · {start} – {end} · apply steps {apply} · confirmed by {people}',
  'campaign.close.apply.untimed': 'not timed (not started with Start)',
  'campaign.close.nobody': 'nobody',
  'campaign.close.releasesHeading': 'Released early:',
  'campaign.close.release': '{server} (wave {wave}): released by {user} at {time}. Reason: {note}',
  'campaign.close.noReleases': 'No server was released early: each wave waited for the one before it.',
  'campaign.close.shared': 'Shared',
  'campaign.close.attached': 'The full record of campaign {ref}: the shared steps and {count} servers, {events} events.',

  // Releasing a wave from the campaign card (src/cards/campaign.ts).
  'campaign.button.release': 'Release wave {wave}…',
  'campaign.release.title': 'Release wave {wave}',
  'campaign.release.label': 'Why may wave {wave} ({servers}) start before wave {previous} is complete?',
  'campaign.release.placeholder': 'For example: the pilot ran clean for a week',
  'campaign.release.submit': 'Release',
  'campaign.release.reasonMissing': 'Please give a reason for letting wave {wave} start early. Nothing was recorded.',
} as const;
