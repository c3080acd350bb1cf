/**
 * Plan texts in English. Keys are shared with plan.nl.ts.
 * Written in the project's own words after FACTS.md (KB 328839); plain text only.
 * Keys ending in `.sp` / `.hotfix` are picked by the kind of change, because the
 * plan is stored without a language and a parameter cannot carry a translated noun.
 * Elsewhere "the update" stands for whichever of the two the admin applies.
 */
export const planEn = {
  // Title and summary: the answers in short.
  'plan.title.sp': 'Service pack rollout plan for Exchange {version}',
  'plan.title.hotfix': 'Hotfix rollout plan for Exchange {version}',
  'plan.summary.version': 'Exchange version: {version}',
  'plan.summary.product.standard': 'Edition: Standard Edition',
  'plan.summary.product.enterprise': 'Edition: Enterprise Edition',
  'plan.summary.product.conferencing': 'Edition: Exchange 2000 Conferencing Server',
  'plan.summary.product.sbs': 'Edition: Exchange as part of Small Business Server',
  'plan.summary.topology.single': 'Topology: one server, not clustered',
  'plan.summary.topology.activePassive':
    'Topology: active/passive cluster; {nodeA} is active now, {nodeB} is passive',
  'plan.summary.topology.activeActive':
    'Topology: active/active cluster; {nodeA} runs {evsA}, {nodeB} runs {evsB}',
  'plan.summary.virtualServer': 'Exchange virtual server: {evs}',
  'plan.summary.change.sp': 'Change: a service pack',
  'plan.summary.change.storeHotfix':
    'Change: a hotfix for the information store (it upgrades the databases, just like a service pack)',
  'plan.summary.change.hotfix': 'Change: a hotfix that leaves the information store alone',
  'plan.summary.adc.none': 'Active Directory Connector: not installed',
  'plan.summary.adc.standardMaps': 'Active Directory Connector: installed, with the standard Local.map and Remote.map',
  'plan.summary.adc.customMaps': 'Active Directory Connector: installed, with modified Local.map and Remote.map',
  'plan.summary.terminalServices.yes': 'Installation through a Terminal Services session: yes',
  'plan.summary.terminalServices.no': 'Installation through a Terminal Services session: no',
  'plan.summary.mailboxManager.yes': 'Mailbox Manager in use: yes',
  'plan.summary.mailboxManager.no': 'Mailbox Manager in use: no',
  'plan.summary.interOrg.yes': 'InterOrg Synchronization tool in use: yes',
  'plan.summary.interOrg.no': 'InterOrg Synchronization tool in use: no',

  // Warnings: the traps.
  'plan.warning.passiveFirst':
    'Exchange 2000 cluster: start with the passive node {nodeB}, not with the active node {nodeA}. {nodeA} only gets its turn once the Exchange group runs on {nodeB}.',
  'plan.warning.activeActive':
    'Active/active cluster: never update a node that still runs a virtual server. First bring {evsA} and {evsB} together on one node, then update the node that is left free.',
  'plan.warning.activeFirst55':
    'Exchange 5.5 cluster: start with the active node {nodeA}, then do the passive node {nodeB}. This is the reverse of an Exchange 2000 cluster.',
  'plan.warning.conferencing':
    'Conferencing Server has service packs of its own; the service pack for Exchange 2000 Standard and Enterprise is not meant for it. Get the Conferencing Server update as KB 302473 describes and check that what you install is built for Conferencing Server.',
  'plan.warning.oldBackups':
    'Online backups made with the earlier version are no safe way back once the service pack is on: they may no longer restore. Make a new full backup right after the service pack (the last step).',
  'plan.warning.adc':
    'The service pack does not upgrade the Active Directory Connector. The ADC has its own installer and its own steps in this plan.',
  'plan.warning.performanceOptimizer':
    'Exchange 5.5: always run Performance Optimizer after the service pack. It is easy to forget, so it has a step of its own in this plan.',
  'plan.warning.mailboxManager':
    'The service pack leaves Mailbox Manager as it is; it needs its own update step.',
  'plan.warning.interOrg':
    'The service pack leaves the InterOrg Synchronization tool as it is; it needs its own update step.',

  // Notes: background and advice.
  'plan.note.testFirst':
    'Advice: think through what this change can do to your environment, and test it well on a test system before it goes onto production servers.',
  'plan.note.latest2000':
    'Background: the last service pack for Exchange 2000 Server is SP3 (build 6.0.6249), later followed by update rollups; SP3 needs Windows 2000 SP2 or later. The release notes still have the final word.',
  'plan.note.latest55':
    'Background: the last service pack for Exchange Server 5.5 is SP4 (build 5.5.2653). The release notes still have the final word.',
  'plan.note.conferencing':
    'Background: service packs for Conferencing Server are released separately from those for Exchange 2000 Server; KB 302473 tells you which one is current.',

  // The first line of a step that is the bot's own advice (good-practice.ts).
  'plan.goodPractice': 'Good practice, not from KB 328839: our own advice for a hotfix.',

  // Before: preparation, in any order.
  'plan.step.releaseNotes.title.sp': 'Read the release notes of the service pack',
  'plan.step.releaseNotes.title.hotfix': 'Read the documentation that comes with the hotfix',
  'plan.step.releaseNotes.why':
    'The service pack can change things that directly affect your environment; know them before you start.',
  'plan.step.releaseNotes.whyHotfix':
    'A hotfix comes with its own article: what it fixes, what it needs first (often a particular service pack) and how to install it. Know it before you start.',
  'plan.step.releaseNotes.where2000': 'Where to get the latest service pack for Exchange 2000 Server: KB 301378.',
  'plan.step.releaseNotes.whereConferencing': 'Where to get the latest service pack for Conferencing Server: KB 302473.',
  'plan.step.releaseNotes.where55': 'Where to get the latest service pack for Exchange Server 5.5: KB 191014.',
  'plan.step.releaseNotes.whereSbs':
    'For Small Business Server 2000 there is also SBS 2000 SP1, one installer that brings SBS 2000 SP1, Windows 2000 SP3 and Exchange 2000 SP3 together: KB 326924.',
  'plan.step.fullBackup.title': 'Make a full backup, system state included',
  'plan.step.fullBackup.what':
    'Back up all Exchange databases, plus the system state of the Exchange server and of the domain controllers in the domain.',
  'plan.step.fullBackup.cluster': 'On this cluster the system state of both nodes counts: {nodeA} and {nodeB}.',
  'plan.step.fullBackup.rollback':
    'This backup is your way back: returning to the previous version can mean removing Exchange and restoring the databases and system state on the Exchange server and the domain controller.',
  'plan.step.stopAntivirus.title': 'Close antivirus and stop what need not run now',
  'plan.step.stopAntivirus.what':
    'Close antivirus programs on the server, and stop services and programs that need not run during the update: third-party file-scanning antivirus, the SNMP service, server management tools, Performance Monitor.',
  'plan.step.bothNodes': 'Do this on both nodes, {nodeA} and {nodeB}.',
  'plan.step.checkRunningSetup.title': 'Check that no Setup, Update or Xcopy is running',
  'plan.step.checkRunningSetup.what':
    'Look in Task Manager: several copies of Setup, Update or even Xcopy running at the same time can make the installation fail.',
  'plan.step.exportAdcMaps.title': 'Export the ADC schema map attributes',
  'plan.step.exportAdcMaps.what':
    'As a safeguard before the ADC is upgraded, export the contents of msExchServer1SchemaMap and msExchServer2SchemaMap with LDP or a similar tool.',
  'plan.step.exportAdcMaps.ldp': 'About LDP: KB 255602 (browsing and querying) and KB 260745 (changing attributes).',
  'plan.step.redoAdcMaps.title': 'Repeat your Local.map and Remote.map changes',
  'plan.step.redoAdcMaps.what':
    'Your ADC was installed with modified Local.map and Remote.map files. Make the same changes in the map files of the new ADC version before you run the ADC upgrade.',
  'plan.step.redoAdcMaps.whatHotfix':
    'Your ADC was installed with modified Local.map and Remote.map files. If the hotfix brings a new ADC version, make the same changes in its map files before you update the ADC.',

  // Apply: strictly in this order.
  'plan.step.apply.title.sp': 'Install the service pack',
  'plan.step.apply.title.hotfix': 'Install the hotfix',
  'plan.step.applyOnNode.title.sp': 'Install the service pack on {node}',
  'plan.step.applyOnNode.title.hotfix': 'Install the hotfix on {node}',
  'plan.step.apply.runIt': 'On a server that is not clustered you simply run the update.',
  'plan.step.apply.servicesStop2000': 'The Exchange services stop for a while during the installation.',
  'plan.step.apply.mayRestart': 'A restart may be needed afterwards; restart the server if the installer asks for it.',
  'plan.step.apply.sbs2000':
    'The Exchange inside SBS 2000 is a standard Exchange 2000 Server, so nothing extra is needed.',
  'plan.step.apply.conferencing':
    'First check that the update is the one built for Conferencing Server (KB 302473), not the one for Exchange 2000 Standard or Enterprise.',
  'plan.step.apply.conferencingHotfix':
    'Good practice, not from KB 328839: first check that the hotfix is meant for Conferencing Server, not only for Exchange 2000 Standard or Enterprise.',
  'plan.step.apply.databasesUpgrade': 'When the Exchange services start again, the databases are upgraded to the new store.',
  'plan.step.apply.noRestart55': 'The Exchange services stop only briefly, and no restart is needed.',
  'plan.step.apply.sbs55': 'On Small Business Server you install the update directly, as on any Exchange 5.5 server.',
  'plan.step.apply.passiveFirst': '{node} is the passive node: it runs no Exchange virtual server now, so it goes first.',
  'plan.step.apply.nowPassive': '{node} is the passive node now, so it is safe to update.',
  'plan.step.apply.freeNode': '{node} runs no virtual server now, so it is safe to update.',
  'plan.step.apply.activeFirst55': '{node} is the active (primary) node; on Exchange 5.5 it is updated first.',
  'plan.step.apply.passiveSecond55': '{node} is the passive (secondary) node; it follows once the active node is done.',
  'plan.step.moveGroup.title': 'Move the Exchange group to {node}',
  'plan.step.moveGroup.how': 'In Cluster Administrator, move the Exchange group from {from} to {node}.',
  'plan.step.moveGroup.howEvs':
    'In Cluster Administrator, move the Exchange group of {evs} from {from} to {node}.',
  'plan.step.moveEvs.title': 'Move {evs} from {from} to {node}',
  'plan.step.moveEvs.how':
    'In Cluster Administrator, move the Exchange group of {evs} to {node}. Afterwards {node} runs {evsA} and {evsB}, and {from} runs none.',
  'plan.step.moveBothEvs.title': 'Move {evsA} and {evsB} to {node}',
  'plan.step.moveBothEvs.how':
    'In Cluster Administrator, move the Exchange groups of {evsA} and {evsB} to the updated node {node}. Afterwards {from} runs none.',
  'plan.step.checkEvsStarted.title': 'Check that {node} has started {evsA} and {evsB}',
  'plan.step.databasesUpgradeOnStart':
    'As {node} starts the Exchange resources, the databases are upgraded to the new store. Wait until this has finished and the resources are online before you go on.',
  'plan.step.waitOnline': 'Wait until the Exchange resources are online on {node} before you go on.',
  'plan.step.restart.title': 'Restart the server',
  'plan.step.restart.why':
    'Installed through a Terminal Services session, the update may need a restart to finish. Restart, then check that the Exchange services are running again.',
  'plan.step.upgradeAdc.title': 'Upgrade the Active Directory Connector',
  'plan.step.upgradeAdc.how.sp':
    'The service pack does not touch the ADC. Run the separate ADC installer from the ADC\\I386 folder of the service pack on the server where the ADC is installed.',
  'plan.step.upgradeAdc.title.hotfix': 'Check whether the ADC needs an update of its own',
  'plan.step.upgradeAdc.how.hotfix':
    'If the hotfix comes with an update for the Active Directory Connector, run it separately on the server where the ADC is installed; if it does not, there is nothing to do.',
  'plan.step.upgradeAdc.filesInUse': 'The ADC upgrade fails when certain files are in use; see KB 306505.',
  'plan.step.mailboxManager.title': 'Update Mailbox Manager separately',
  'plan.step.mailboxManager.title.hotfix': 'Check Mailbox Manager after the hotfix',
  'plan.step.mailboxManager.checkHotfix':
    'See in the hotfix\'s article whether Mailbox Manager needs anything, and check that it still runs once the hotfix is on.',
  'plan.step.mailboxManager.how':
    'Mailbox Manager has its own procedure; its files are in the folder ENG\\SERVER\\SUPPORT\\Mbmngr on the service pack CD, and the release notes describe the steps.',
  'plan.step.interOrg.title': 'Update the InterOrg Synchronization tool separately',
  'plan.step.interOrg.title.hotfix': 'Check the InterOrg Synchronization tool after the hotfix',
  'plan.step.interOrg.checkHotfix':
    'See in the hotfix\'s article whether the InterOrg Synchronization tool needs anything, and check that it still synchronizes once the hotfix is on.',
  'plan.step.interOrg.how':
    'The tool and its documentation are in the folder ENG\\SERVER\\SUPPORT\\EXCHSYNC on the service pack CD; the release notes describe how to update it.',

  // After.
  'plan.step.performanceOptimizer.title': 'Run Performance Optimizer',
  'plan.step.performanceOptimizer.why':
    'Exchange 5.5 needs Performance Optimizer to run again after a service pack (KB 271824).',
  'plan.step.fullBackupAfter.title': 'Make a new full backup of the Exchange databases',
  'plan.step.fullBackupAfter.why2000sp':
    'Online backups made with the earlier version can no longer be restored on the updated server (KB 316794). Back up all databases now so you have a backup that works.',
  'plan.step.fullBackupAfter.why55sp':
    'Online backups made with the earlier version may no longer restore after the service pack. Back up all Exchange databases now so you have a backup that works.',
  'plan.step.fullBackupAfter.whyHotfix':
    'Back up all Exchange databases now, so your newest backup is one of the updated server.',

  // Combinations that cannot exist (FACTS P4); the interview should prevent them.
  'plan.problem.clusterNeedsEnterprise': 'A cluster needs the Enterprise Edition of Exchange.',
  'plan.problem.activeActiveNeeds2000': 'Exchange 5.5 clusters are active/passive only; active/active needs Exchange 2000.',
  'plan.problem.conferencingNotClustered': 'Conferencing Server is not supported on a cluster.',
  'plan.problem.sbsNotClustered': 'Small Business Server runs on a single server and cannot be clustered.',
  'plan.problem.conferencingNeeds2000': 'Conferencing Server exists for Exchange 2000 only, not for Exchange 5.5.',
  'plan.problem.missingNodes': 'A cluster plan needs the names of both nodes.',
  'plan.problem.missingVirtualServers': 'An active/active plan needs the names of both Exchange virtual servers.',
  'plan.problem.invalidName': '"{name}" is not a valid computer name: use 1 to 15 letters, digits or hyphens.',
  'plan.problem.sameNodes': 'The two nodes need different names.',
  'plan.problem.sameVirtualServers': 'The two virtual servers need different names.',
} as const;
