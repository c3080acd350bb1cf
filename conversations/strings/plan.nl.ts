/**
 * Plan texts in Dutch: own wording, not the article's sentences (see plan.en.ts).
 * "De update" staat voor het servicepack of de hotfix, wat de beheerder ook installeert.
 */
import type { planEn } from './plan.en';

export const planNl: Record<keyof typeof planEn, string> = {
  'plan.title.sp': 'Uitrolplan servicepack voor Exchange {version}',
  'plan.title.hotfix': 'Uitrolplan hotfix voor Exchange {version}',
  'plan.summary.version': 'Exchange-versie: {version}',
  'plan.summary.product.standard': 'Editie: Standard Edition',
  'plan.summary.product.enterprise': 'Editie: Enterprise Edition',
  'plan.summary.product.conferencing': 'Editie: Exchange 2000 Conferencing Server',
  'plan.summary.product.sbs': 'Editie: Exchange als onderdeel van Small Business Server',
  'plan.summary.topology.single': 'Opzet: één server, geen cluster',
  'plan.summary.topology.activePassive':
    'Opzet: actief/passief-cluster; {nodeA} is nu actief, {nodeB} is passief',
  'plan.summary.topology.activeActive':
    'Opzet: actief/actief-cluster; {nodeA} draait {evsA}, {nodeB} draait {evsB}',
  'plan.summary.virtualServer': 'Virtuele Exchange-server: {evs}',
  'plan.summary.change.sp': 'Wijziging: een servicepack',
  'plan.summary.change.storeHotfix':
    'Wijziging: een hotfix voor het informatiearchief (die werkt de databases bij, net als een servicepack)',
  'plan.summary.change.hotfix': 'Wijziging: een hotfix die het informatiearchief ongemoeid laat',
  'plan.summary.adc.none': 'Active Directory Connector: niet geïnstalleerd',
  'plan.summary.adc.standardMaps': 'Active Directory Connector: geïnstalleerd, met de standaard Local.map en Remote.map',
  'plan.summary.adc.customMaps': 'Active Directory Connector: geïnstalleerd, met aangepaste Local.map en Remote.map',
  'plan.summary.terminalServices.yes': 'Installatie via een Terminal Services-sessie: ja',
  'plan.summary.terminalServices.no': 'Installatie via een Terminal Services-sessie: nee',
  'plan.summary.mailboxManager.yes': 'Mailbox Manager in gebruik: ja',
  'plan.summary.mailboxManager.no': 'Mailbox Manager in gebruik: nee',
  'plan.summary.interOrg.yes': 'Synchronisatieprogramma InterOrg in gebruik: ja',
  'plan.summary.interOrg.no': 'Synchronisatieprogramma InterOrg in gebruik: nee',

  'plan.warning.passiveFirst':
    'Exchange 2000-cluster: begin bij het passieve knooppunt {nodeB}, niet bij het actieve knooppunt {nodeA}. {nodeA} is pas aan de beurt als de Exchange-groep op {nodeB} draait.',
  'plan.warning.activeActive':
    'Actief/actief-cluster: werk nooit een knooppunt bij waarop nog een virtuele server draait. Zet {evsA} en {evsB} eerst samen op één knooppunt en werk daarna het vrijgekomen knooppunt bij.',
  'plan.warning.activeFirst55':
    'Exchange 5.5-cluster: begin bij het actieve knooppunt {nodeA} en doe daarna het passieve knooppunt {nodeB}. Bij een Exchange 2000-cluster gaat het precies andersom.',
  'plan.warning.conferencing':
    'Conferencing Server heeft eigen servicepacks; het servicepack voor Exchange 2000 Standard en Enterprise is er niet voor bedoeld. Haal de update voor Conferencing Server op zoals KB 302473 uitlegt en controleer dat wat u installeert echt voor Conferencing Server gemaakt is.',
  'plan.warning.oldBackups':
    'Onlineback-ups van de vorige versie zijn na het servicepack geen veilige weg terug: misschien kunt u ze niet meer terugzetten. Maak direct na het servicepack een nieuwe volledige back-up (de laatste stap).',
  'plan.warning.adc':
    'Het servicepack werkt de Active Directory Connector niet bij. De ADC heeft een eigen installatieprogramma en eigen stappen in dit plan.',
  'plan.warning.performanceOptimizer':
    'Exchange 5.5: voer na het servicepack altijd Performance Optimizer uit. Dat wordt makkelijk vergeten, daarom heeft het in dit plan een eigen stap.',
  'plan.warning.mailboxManager':
    'Het servicepack laat Mailbox Manager zoals hij is; daar hoort een eigen updatestap bij.',
  'plan.warning.interOrg':
    'Het servicepack laat het synchronisatieprogramma InterOrg zoals het is; daar hoort een eigen updatestap bij.',

  'plan.note.testFirst':
    'Advies: denk na over wat deze wijziging in uw omgeving kan aanrichten en test haar goed op een testsysteem voordat ze op productieservers komt.',
  'plan.note.latest2000':
    'Achtergrond: het laatste servicepack voor Exchange 2000 Server is SP3 (build 6.0.6249), later aangevuld met updatepakketten (rollups); SP3 vraagt Windows 2000 SP2 of nieuwer. De releasenotes blijven leidend.',
  'plan.note.latest55':
    'Achtergrond: het laatste servicepack voor Exchange Server 5.5 is SP4 (build 5.5.2653). De releasenotes blijven leidend.',
  'plan.note.conferencing':
    'Achtergrond: servicepacks voor Conferencing Server verschijnen los van die voor Exchange 2000 Server; in KB 302473 staat welke de actuele is.',

  'plan.goodPractice': 'Aanbevolen werkwijze, niet uit KB 328839: ons eigen advies bij een hotfix.',

  'plan.step.releaseNotes.title.sp': 'Lees de releasenotes van het servicepack',
  'plan.step.releaseNotes.title.hotfix': 'Lees de documentatie die bij de hotfix hoort',
  'plan.step.releaseNotes.why':
    'Het servicepack kan dingen veranderen die rechtstreeks gevolgen hebben voor uw omgeving; zorg dat u ze kent voordat u begint.',
  'plan.step.releaseNotes.whyHotfix':
    'Bij een hotfix hoort een eigen artikel: wat de hotfix oplost, wat er eerst nodig is (vaak een bepaald servicepack) en hoe u hem installeert. Zorg dat u het kent voordat u begint.',
  'plan.step.releaseNotes.where2000': 'Het nieuwste servicepack voor Exchange 2000 Server vindt u via KB 301378.',
  'plan.step.releaseNotes.whereConferencing': 'Het nieuwste servicepack voor Conferencing Server vindt u via KB 302473.',
  'plan.step.releaseNotes.where55': 'Het nieuwste servicepack voor Exchange Server 5.5 vindt u via KB 191014.',
  'plan.step.releaseNotes.whereSbs':
    'Voor Small Business Server 2000 bestaat ook SBS 2000 SP1: één installatieprogramma dat SBS 2000 SP1, Windows 2000 SP3 en Exchange 2000 SP3 samen installeert, zie KB 326924.',
  'plan.step.fullBackup.title': 'Maak een volledige back-up, systeemstatus inbegrepen',
  'plan.step.fullBackup.what':
    'Maak een back-up van alle Exchange-databases en van de systeemstatus van de Exchange-server en van de domeincontrollers in het domein.',
  'plan.step.fullBackup.cluster': 'In dit cluster gaat het om de systeemstatus van beide knooppunten: {nodeA} en {nodeB}.',
  'plan.step.fullBackup.rollback':
    'Met deze back-up kunt u terug: teruggaan naar de vorige versie kan betekenen dat u Exchange verwijdert en de databases en de systeemstatus op de Exchange-server en de domeincontroller terugzet.',
  'plan.step.stopAntivirus.title': 'Sluit antivirus af en stop wat nu niet hoeft te draaien',
  'plan.step.stopAntivirus.what':
    'Sluit antivirusprogramma’s op de server af en stop services en programma’s die tijdens de update niet nodig zijn: antivirussoftware van derden die bestanden scant, de SNMP-service, hulpmiddelen voor serverbeheer, Prestatiemeter.',
  'plan.step.bothNodes': 'Doe dit op beide knooppunten, {nodeA} en {nodeB}.',
  'plan.step.checkRunningSetup.title': 'Controleer dat Setup, Update en Xcopy niet draaien',
  'plan.step.checkRunningSetup.what':
    'Kijk in Taakbeheer: als er tegelijk meerdere exemplaren van Setup, Update of zelfs Xcopy draaien, kan de installatie mislukken.',
  'plan.step.exportAdcMaps.title': 'Exporteer de schema-toewijzingskenmerken van de ADC',
  'plan.step.exportAdcMaps.what':
    'Exporteer voor de zekerheid, voordat de ADC wordt bijgewerkt, de inhoud van msExchServer1SchemaMap en msExchServer2SchemaMap met LDP of een vergelijkbaar hulpmiddel.',
  'plan.step.exportAdcMaps.ldp': 'Over LDP: KB 255602 (bladeren en zoeken) en KB 260745 (kenmerken wijzigen).',
  'plan.step.redoAdcMaps.title': 'Breng uw wijzigingen in Local.map en Remote.map opnieuw aan',
  'plan.step.redoAdcMaps.what':
    'Uw ADC is geïnstalleerd met aangepaste bestanden Local.map en Remote.map. Breng dezelfde aanpassingen aan in de map-bestanden van de nieuwe ADC-versie voordat u de ADC-upgrade start.',
  'plan.step.redoAdcMaps.whatHotfix':
    'Uw ADC is geïnstalleerd met aangepaste bestanden Local.map en Remote.map. Brengt de hotfix een nieuwe ADC-versie mee, breng dan dezelfde aanpassingen aan in de map-bestanden daarvan voordat u de ADC bijwerkt.',

  'plan.step.apply.title.sp': 'Installeer het servicepack',
  'plan.step.apply.title.hotfix': 'Installeer de hotfix',
  'plan.step.applyOnNode.title.sp': 'Installeer het servicepack op {node}',
  'plan.step.applyOnNode.title.hotfix': 'Installeer de hotfix op {node}',
  'plan.step.apply.runIt': 'Op een server zonder cluster start u de update gewoon.',
  'plan.step.apply.servicesStop2000': 'Tijdens de installatie liggen de Exchange-services een tijdje stil.',
  'plan.step.apply.mayRestart':
    'Mogelijk moet de server daarna opnieuw opstarten; doe dat als het installatieprogramma erom vraagt.',
  'plan.step.apply.sbs2000':
    'De Exchange in SBS 2000 is een gewone Exchange 2000 Server, dus er komt niets extra’s bij kijken.',
  'plan.step.apply.conferencing':
    'Controleer eerst of de update echt voor Conferencing Server bedoeld is (KB 302473) en niet voor Exchange 2000 Standard of Enterprise.',
  'plan.step.apply.conferencingHotfix':
    'Aanbevolen werkwijze, niet uit KB 328839: controleer eerst of de hotfix bedoeld is voor Conferencing Server en niet alleen voor Exchange 2000 Standard of Enterprise.',
  'plan.step.apply.databasesUpgrade':
    'Zodra de Exchange-services weer starten, worden de databases bijgewerkt naar het nieuwe informatiearchief.',
  'plan.step.apply.noRestart55': 'De Exchange-services liggen maar even stil en opnieuw opstarten is niet nodig.',
  'plan.step.apply.sbs55':
    'Op Small Business Server installeert u de update rechtstreeks, net als op elke andere Exchange 5.5-server.',
  'plan.step.apply.passiveFirst':
    '{node} is het passieve knooppunt: er draait nu geen virtuele Exchange-server op, dus dit knooppunt gaat eerst.',
  'plan.step.apply.nowPassive': '{node} is nu het passieve knooppunt en kan dus veilig worden bijgewerkt.',
  'plan.step.apply.freeNode': 'Op {node} draait nu geen virtuele server, dus dit knooppunt kan veilig worden bijgewerkt.',
  'plan.step.apply.activeFirst55':
    '{node} is het actieve (primaire) knooppunt; bij Exchange 5.5 wordt dat als eerste bijgewerkt.',
  'plan.step.apply.passiveSecond55':
    '{node} is het passieve (secundaire) knooppunt; het volgt zodra het actieve knooppunt klaar is.',
  'plan.step.moveGroup.title': 'Verplaats de Exchange-groep naar {node}',
  'plan.step.moveGroup.how': 'Verplaats de Exchange-groep in Clusterbeheer van {from} naar {node}.',
  'plan.step.moveGroup.howEvs':
    'Verplaats in Clusterbeheer de Exchange-groep die bij {evs} hoort van {from} naar {node}.',
  'plan.step.moveEvs.title': 'Verplaats {evs} van {from} naar {node}',
  'plan.step.moveEvs.how':
    'Verplaats in Clusterbeheer de Exchange-groep die bij {evs} hoort naar {node}. Daarna draait {node} zowel {evsA} als {evsB} en draait er op {from} niets meer.',
  'plan.step.moveBothEvs.title': 'Verplaats {evsA} en {evsB} naar {node}',
  'plan.step.moveBothEvs.how':
    'Verplaats in Clusterbeheer de Exchange-groepen die bij {evsA} en {evsB} horen naar het bijgewerkte knooppunt {node}. Daarna draait er op {from} niets meer.',
  'plan.step.checkEvsStarted.title': 'Controleer dat {node} {evsA} en {evsB} heeft gestart',
  'plan.step.databasesUpgradeOnStart':
    'Terwijl {node} de Exchange-resources start, worden de databases bijgewerkt naar het nieuwe informatiearchief. Wacht tot dat klaar is en de resources online zijn voordat u verdergaat.',
  'plan.step.waitOnline': 'Wacht tot de Exchange-resources op {node} online zijn voordat u verdergaat.',
  'plan.step.restart.title': 'Start de server opnieuw op',
  'plan.step.restart.why':
    'Na installatie via een Terminal Services-sessie kan een herstart nodig zijn om de update af te ronden. Start opnieuw op en controleer daarna dat de Exchange-services weer draaien.',
  'plan.step.upgradeAdc.title': 'Werk de Active Directory Connector bij',
  'plan.step.upgradeAdc.how.sp':
    'Het servicepack laat de ADC ongemoeid. Start het aparte ADC-installatieprogramma uit de map ADC\\I386 van het servicepack op de server waarop de ADC staat.',
  'plan.step.upgradeAdc.title.hotfix': 'Controleer of de ADC een eigen update nodig heeft',
  'plan.step.upgradeAdc.how.hotfix':
    'Hoort er bij de hotfix een update voor de Active Directory Connector, voer die dan apart uit op de server waarop de ADC staat; zo niet, dan hoeft u niets te doen.',
  'plan.step.upgradeAdc.filesInUse': 'De ADC-upgrade mislukt als bepaalde bestanden in gebruik zijn; zie KB 306505.',
  'plan.step.mailboxManager.title': 'Werk Mailbox Manager apart bij',
  'plan.step.mailboxManager.title.hotfix': 'Controleer Mailbox Manager na de hotfix',
  'plan.step.mailboxManager.checkHotfix':
    'Kijk in het artikel bij de hotfix of Mailbox Manager iets nodig heeft, en controleer dat het na de hotfix nog werkt.',
  'plan.step.mailboxManager.how':
    'Mailbox Manager heeft een eigen procedure; de bestanden staan in de map ENG\\SERVER\\SUPPORT\\Mbmngr op de servicepack-cd en de releasenotes beschrijven de stappen.',
  'plan.step.interOrg.title': 'Werk het synchronisatieprogramma InterOrg apart bij',
  'plan.step.interOrg.title.hotfix': 'Controleer het synchronisatieprogramma InterOrg na de hotfix',
  'plan.step.interOrg.checkHotfix':
    'Kijk in het artikel bij de hotfix of het synchronisatieprogramma InterOrg iets nodig heeft, en controleer dat het na de hotfix nog synchroniseert.',
  'plan.step.interOrg.how':
    'Het programma en de documentatie staan in de map ENG\\SERVER\\SUPPORT\\EXCHSYNC op de servicepack-cd; de releasenotes beschrijven hoe u het bijwerkt.',

  'plan.step.performanceOptimizer.title': 'Voer Performance Optimizer uit',
  'plan.step.performanceOptimizer.why':
    'Exchange 5.5 heeft na een servicepack een nieuwe run van Performance Optimizer nodig (KB 271824).',
  'plan.step.fullBackupAfter.title': 'Maak een nieuwe volledige back-up van de Exchange-databases',
  'plan.step.fullBackupAfter.why2000sp':
    'Onlineback-ups van de vorige versie zijn op de bijgewerkte server niet meer terug te zetten (KB 316794). Maak nu een back-up van alle databases, zodat u er een hebt die werkt.',
  'plan.step.fullBackupAfter.why55sp':
    'Onlineback-ups van de vorige versie zijn na het servicepack misschien niet meer terug te zetten. Maak nu een back-up van alle Exchange-databases, zodat u er een hebt die werkt.',
  'plan.step.fullBackupAfter.whyHotfix':
    'Maak nu een back-up van alle Exchange-databases, zodat uw nieuwste back-up er een is van de bijgewerkte server.',

  'plan.problem.clusterNeedsEnterprise': 'Voor een cluster is de Enterprise Edition van Exchange nodig.',
  'plan.problem.activeActiveNeeds2000':
    'Clusters met Exchange 5.5 zijn alleen actief/passief; voor actief/actief is Exchange 2000 nodig.',
  'plan.problem.conferencingNotClustered': 'Conferencing Server wordt niet ondersteund op een cluster.',
  'plan.problem.sbsNotClustered': 'Small Business Server draait op één server en kan niet in een cluster.',
  'plan.problem.conferencingNeeds2000': 'Conferencing Server bestaat alleen voor Exchange 2000, niet voor Exchange 5.5.',
  'plan.problem.missingNodes': 'Voor een clusterplan zijn de namen van beide knooppunten nodig.',
  'plan.problem.missingVirtualServers':
    'Voor een actief/actief-plan zijn de namen van beide virtuele Exchange-servers nodig.',
  'plan.problem.invalidName':
    '"{name}" is geen geldige computernaam: gebruik 1 tot 15 letters, cijfers of koppeltekens.',
  'plan.problem.sameNodes': 'De twee knooppunten moeten verschillende namen hebben.',
  'plan.problem.sameVirtualServers': 'De twee virtuele servers moeten verschillende namen hebben.',
};
