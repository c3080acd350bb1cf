/**
 * Campaign texts in Dutch (see campaign.en.ts). Terms: campagne, golf (golven), pilot,
 * gedeelde stap, vrijgeven; "u" throughout. The commands quoted are the Dutch words the
 * bot reads (conversations/campaign/words.ts).
 */
import type { campaignEn } from './campaign.en';

export const campaignNl: Record<keyof typeof campaignEn, string> = {
  'campaign.interview.title': 'Campagne voor een Exchange-servicepack',
  'campaign.interview.server': 'Server {position} van {count}: {server}',
  'campaign.interview.about': '{server}: {text}',
  'campaign.interview.complete': '{server}: alle antwoorden zijn binnen.',
  'campaign.interview.askName.first':
    'Om meerdere servers te plannen heeft elke server een naam nodig. Hoe heet de server die u zojuist beschreef?',
  'campaign.interview.askName.next':
    'Hoe heet de volgende server? U kunt er meteen de antwoorden bij geven, bijvoorbeeld: EXCH2 2000 standard',
  'campaign.interview.added': '{server} is aan de campagne toegevoegd.',
  'campaign.interview.back': 'Terug werkt binnen de vragen over één server. Om de antwoorden van een server te wijzigen typt u "wijzig {server}".',
  'campaign.interview.notUnderstood': 'Dat begreep ik hier niet. {how}',
  'campaign.interview.cancelled': 'Campagne geannuleerd; er is niets geplaatst. Begin opnieuw wanneer u wilt.',
  'campaign.interview.posting': 'De campagne wordt {where} geplaatst: {title} ({ref})…',
  'campaign.interview.posted': 'Geplaatst {where}: {title} ({ref}). Het plan van elke server volgt in de draad.',
  'campaign.interview.help.what':
    'Een campagne plant één wijziging op meerdere Exchange-servers: elke server krijgt zijn eigen plan, een pilot gaat voor en de andere servers volgen in golven. De stappen voor de hele organisatie (de releasenotes, de back-up van de domeincontrollers) worden één keer gepland.',
  'campaign.interview.help.start':
    'Begin er een met een lijst, één deel per server, elk deel beginnend met de naam: /exchange-sp EXCH1 2000 enterprise niet geclusterd; CLUS1 2000 enterprise actief/passief N1 N2; OLD55 5.5 standard. Of typ "nog een server" tijdens een vraaggesprek.',

  'campaign.summary.title': 'Campagne: {count} servers',
  'campaign.summary.pilot': 'Golf 1 · pilot',
  'campaign.summary.wave': 'Golf {wave}',
  'campaign.summary.server': '{server}: {answers}',
  'campaign.summary.how':
    'De pilot gaat voor, in zijn eentje; elke volgende golf mag beginnen zodra de golf ervoor klaar is. Typ "pilot CLUS1" om een andere pilot te kiezen, "golf 3 OLD55" om een server in een latere golf te zetten, "wijzig EXCH1" om de antwoorden van een server te wijzigen, "verwijder OLD55", of "nog een server".',
  'campaign.summary.post': 'De campagne in het kanaal plaatsen (typ plaats of ja)?',
  'campaign.summary.fallback': 'Campagne van {count} servers: typ plaats (of ja), of wijzig de golven.',
  'campaign.button.post': 'Campagne plaatsen',
  'campaign.button.add': 'Nog een server',
  'campaign.pilot.set': '{server} is nu de pilot.',
  'campaign.wave.set': 'Golf {wave}: {servers}.',
  'campaign.removed': '{server} hoort niet meer bij de campagne.',

  'campaign.refused.name.invalid':
    '"{name}" kan geen servernaam zijn: gebruik 1 tot 15 letters, cijfers of koppeltekens, met minstens één letter. Er is niets toegevoegd.',
  'campaign.refused.name.missing':
    'Elke server in de lijst begint met zijn naam, bijvoorbeeld "EXCH1 2000 enterprise"; "{text}" heeft er geen, dus dat deel is weggelaten.',
  'campaign.refused.name.taken': 'Er is al een server met de naam {name} in deze campagne; elke server heeft een eigen naam nodig. Er is niets toegevoegd.',
  'campaign.refused.tooMany': 'Een campagne plant hoogstens {max} servers, dus {names} is weggelaten.',
  'campaign.refused.tooFew': 'Een campagne heeft minstens {min} servers nodig: typ "nog een server", of annuleer.',
  'campaign.refused.unknownServer': 'Er is geen server met de naam {name} in deze campagne. De servers: {names}.',
  'campaign.refused.pilotWave': 'Golf 1 is de pilot alleen. Om {server} de pilot te maken typt u "pilot {server}".',
  'campaign.refused.movePilot': '{server} is de pilot: kies eerst een andere pilot ("pilot <naam>").',
  'campaign.refused.waveNumber': 'Golven hebben de nummers 2 tot en met {max} (golf 1 is de pilot). Er is niets gewijzigd.',

  'campaign.plan.title': 'Campagne: één wijziging op {count} Exchange-servers',
  'campaign.plan.summary': '{count} servers: eerst een pilot, daarna de andere in golven. Het plan van elke server staat in de draad van deze kaart.',
  'campaign.plan.pilotFirst':
    'Eerst testen, dan productie: KB 328839 vraagt u de gevolgen van een update af te wegen en de update grondig te testen voordat die uw productieservers bereikt. De pilot is die test; de volgende golf wacht tot de pilot klaar is.',
  'campaign.member.title.sp': '{server}: uitrolplan servicepack voor Exchange {version}',
  'campaign.member.title.hotfix': '{server}: uitrolplan hotfix voor Exchange {version}',
  'campaign.member.fullBackup.what':
    'Maak een back-up van alle Exchange-databases en van de systeemstatus van deze Exchange-server. De systeemstatus van de domeincontrollers wordt één keer voor de hele campagne geback-upt (een gedeelde stap op de campagnekaart).',
  'campaign.shared.forServers': 'Voor {servers}.',
  'campaign.shared.dcBackup.title': 'Maak een back-up van de systeemstatus van de domeincontrollers',
  'campaign.shared.dcBackup.what':
    'Eén keer voor het domein, voordat er een server wordt bijgewerkt: bij de volledige back-up vóór de update hoort de systeemstatus van de domeincontrollers. Elke server maakt in zijn eigen plan een back-up van zijn eigen databases en systeemstatus.',
  'campaign.shared.dcBackup.rollback':
    'Deze back-up hoort bij de weg terug: teruggaan naar de vorige versie kan betekenen dat u de systeemstatus op de domeincontroller terugzet, naast die op de Exchange-server.',

  'campaign.card.meta': 'Campagne {ref} · gestart door {owner} · {at}',
  'campaign.card.overall': '{complete} van {count} servers klaar',
  'campaign.card.shared': 'Eén keer voor de organisatie',
  'campaign.card.sharedHint': 'De servers installeren pas na deze gedeelde stappen. Typ "bevestig gedeeld 1", of gebruik de knoppen.',
  'campaign.card.sharedStep': '{number}. {title}',
  'campaign.card.wave.pilot': 'Golf 1 · pilot · {state}',
  'campaign.card.wave': 'Golf {wave} · {state}',
  'campaign.card.wave.complete': 'klaar',
  'campaign.card.wave.open': 'mag beginnen',
  'campaign.card.wave.waits': 'wacht op golf {previous}',
  'campaign.card.server.progress': '{server} · {settled} van {total} stappen',
  'campaign.card.server.complete': '{server} · klaar',
  'campaign.card.server.problems': '{count} open probleem/problemen',
  'campaign.card.server.released': 'eerder vrijgegeven door {user}: {note}',
  'campaign.card.releaseHint':
    'Om golf {wave} te beginnen voordat golf {previous} klaar is, typt {owner} "vrijgeven golf {wave} <reden>".',
  'campaign.card.commands':
    'Op het plan van een server: "bevestig EXCH1 3", "overslaan EXCH1 4 <reden>". Het plan van elke server staat in de draad.',
  'campaign.card.complete': 'Campagne klaar: elke server is klaar en elke gedeelde stap is afgehandeld.',
  'campaign.card.fallback': '{title}: {overall}',
  'campaign.card.member': 'Campagne {ref} · server {position} van {count} · {wave}',
  'campaign.card.member.pilot': 'pilot',
  'campaign.card.member.wave': 'golf {wave}',
  'campaign.card.member.waits':
    'Wacht tot golf {previous} klaar is ({servers}); {owner} kan de server eerder vrijgeven, met een reden.',
  'campaign.card.member.released': 'Eerder vrijgegeven door {user}: {note}',
  'campaign.card.member.shared': 'Het installeren wacht op de gedeelde stappen {steps} op de campagnekaart.',
  'campaign.card.member.mayStart': 'Mag beginnen.',

  'campaign.refused.waitsForWave':
    'Stap {step} op {server} moet wachten: {server} zit in golf {wave}, die begint zodra golf {previous} klaar is ({servers}). De eigenaar kan de server eerder vrijgeven: "vrijgeven {server} <reden>". Er is niets vastgelegd.',
  'campaign.refused.waitsForShared':
    'Stap {step} op {server} moet wachten op de gedeelde stappen {steps} van de campagne (op de campagnekaart): bevestig die of sla ze over. Er is niets vastgelegd.',
  'campaign.refused.releaseWhat': 'Alleen een server van een campagne kan worden vrijgegeven. Er is niets vastgelegd.',
  'campaign.refused.releaseOwnerOnly': 'Alleen {owner}, die deze campagne plaatste, kan {server} vrijgeven. Er is niets vastgelegd.',
  'campaign.refused.releasedAlready': '{server} is al vrijgegeven, door {user}.',
  'campaign.refused.releaseNotNeeded': '{server} hoeft niet vrijgegeven te worden: golf {wave} mag al beginnen.',
  'campaign.refused.releaseReason':
    'Geef een reden om {server} eerder te laten beginnen, bijvoorbeeld "vrijgeven {server} de pilot draait al een week zonder problemen". Er is niets vastgelegd.',
  'campaign.refused.skip-protective.dc-system-state':
    'Gedeelde stap {step} hoort bij de weg terug: zonder deze back-up is er bij teruggaan naar de vorige versie misschien niets om de systeemstatus van de domeincontrollers uit terug te zetten. Wilt u hem toch overslaan, sla hem dan binnen {minutes} minuten nog eens over, of typ "overslaan gedeeld {step} toch <reden>". Er is niets vastgelegd.',

  'campaign.command.which':
    'Welke server? De uitrol in dit kanaal hoort bij campagne {ref}: noem de server, bijvoorbeeld "bevestig {server} {number}", of "bevestig gedeeld {number}" voor een gedeelde stap. De servers: {names}. Er is niets vastgelegd.',
  'campaign.command.unknownServer': 'Campagne {ref} heeft geen server met de naam {name}. De servers: {names}. Er is niets vastgelegd.',
  'campaign.command.releaseUsage':
    'Zeg welke server of golf eerder mag beginnen, en waarom: "vrijgeven golf 2 <reden>" of "vrijgeven EXCH2 <reden>". Er is niets vastgelegd.',
  'campaign.command.noCampaign': 'Er is geen open campagne in dit kanaal. Er is niets vastgelegd.',
  'campaign.command.noWave': 'Campagne {ref} heeft geen golf {wave}. Er is niets vastgelegd.',
  'campaign.command.released': 'Eerder vrijgegeven, mag nu beginnen: {servers}.',

  'campaign.thread.server': '{server} · {line}',
  'campaign.thread.released': '{user} liet {server} vóór zijn golf beginnen. Reden: {note}',
  'campaign.thread.sharedDone': 'Elke gedeelde stap is gedaan of overgeslagen: de servers mogen installeren zodra hun golf dat toelaat.',
};
