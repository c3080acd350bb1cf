/** Campaign texts in Dutch for the end of a campaign and for releasing a wave (see campaign-close.en.ts). */
import type { campaignCloseEn } from './campaign-close.en';

export const campaignCloseNl: Record<keyof typeof campaignCloseEn, string> = {
  'campaign.close.title': 'Afsluitend overzicht van campagne {ref}: {title}',
  'campaign.close.times': 'Begonnen {start}, afgerond {end}: in totaal {duration}, {count} servers.',
  'campaign.close.serversHeading': 'Servers:',
  'campaign.close.server': '{server} · golf {wave} · {start} – {end} · installatiestappen {apply} · bevestigd door {people}',
  'campaign.close.apply.untimed': 'zonder duur (niet met Starten begonnen)',
  'campaign.close.nobody': 'niemand',
  'campaign.close.releasesHeading': 'Eerder vrijgegeven:',
  'campaign.close.release': '{server} (golf {wave}): vrijgegeven door {user} om {time}. Reden: {note}',
  'campaign.close.noReleases': 'Geen server is eerder vrijgegeven: elke golf wachtte op de vorige.',
  'campaign.close.shared': 'Gedeeld',
  'campaign.close.attached': 'Het volledige verslag van campagne {ref}: de gedeelde stappen en {count} servers, {events} gebeurtenissen.',

  'campaign.button.release': 'Golf {wave} vrijgeven…',
  'campaign.release.title': 'Golf {wave} vrijgeven',
  'campaign.release.label': 'Waarom mag golf {wave} ({servers}) beginnen voordat golf {previous} klaar is?',
  'campaign.release.placeholder': 'Bijvoorbeeld: de pilot draait al een week zonder problemen',
  'campaign.release.submit': 'Vrijgeven',
  'campaign.release.reasonMissing': 'Geef een reden om golf {wave} eerder te laten beginnen. Er is niets vastgelegd.',
};
