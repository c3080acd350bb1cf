/**
 * Exchange 2000 install steps. Single servers (C1, C5, C6) just run the update, with a
 * restart step when it went through Terminal Services; clusters follow C2 / C4
 * (cluster-2000.ts). The ADC is upgraded separately in every Exchange 2000 plan
 * that has one (E2K-4).
 */
import { msg, type Msg } from '../strings';
import type { CompleteAnswers } from '../types';
import { activeActiveSteps, activePassiveSteps } from './cluster-2000';
import { GOOD_PRACTICE, isHotfix } from './good-practice';
import { byChange, databaseUpgradeFacts, draft, upgradesDatabases, type StepDraft } from './step';

export function applySteps2000(a: CompleteAnswers): StepDraft[] {
  const steps =
    a.topology === 'active-passive'
      ? activePassiveSteps(a)
      : a.topology === 'active-active'
        ? activeActiveSteps(a)
        : singleServerSteps(a);
  if (a.adc) steps.push(upgradeAdc(a));
  return steps;
}

function singleServerSteps(a: CompleteAnswers): StepDraft[] {
  const topologyFact = a.product === 'sbs' ? 'C6' : 'C1';
  const details: Msg[] = [];
  const facts = [topologyFact];
  let kbs: string[] = [];
  if (a.product === 'conferencing' && isHotfix(a)) {
    // C5 speaks of the Conferencing Server service pack; for a hotfix the check is ours.
    details.push(msg('plan.step.apply.conferencingHotfix'));
  } else if (a.product === 'conferencing') {
    details.push(msg('plan.step.apply.conferencing'));
    facts.push('C5');
    kbs = ['302473'];
  }
  details.push(msg(a.product === 'sbs' ? 'plan.step.apply.sbs2000' : 'plan.step.apply.runIt'));
  details.push(msg('plan.step.apply.servicesStop2000'));
  if (upgradesDatabases(a)) {
    details.push(msg('plan.step.apply.databasesUpgrade'));
    facts.push(...databaseUpgradeFacts(a));
  }
  // With Terminal Services the restart gets a step of its own; otherwise a hint suffices.
  if (!a.terminalServices) details.push(msg('plan.step.apply.mayRestart'));

  const title = msg(byChange(a.change, { sp: 'plan.step.apply.title.sp', hotfix: 'plan.step.apply.title.hotfix' }));
  const steps = [draft('apply-update', 'apply', title, details, facts, { kbs })];
  if (a.terminalServices) {
    steps.push(
      draft('restart-server', 'apply', msg('plan.step.restart.title'), [msg('plan.step.restart.why')], [topologyFact]),
    );
  }
  return steps;
}

function upgradeAdc(a: CompleteAnswers): StepDraft {
  if (isHotfix(a)) {
    // E2K-4 is about the service pack's own ADC installer; a hotfix may bring none.
    return draft('upgrade-adc', 'apply', msg('plan.step.upgradeAdc.title.hotfix'), [GOOD_PRACTICE, msg('plan.step.upgradeAdc.how.hotfix')], []);
  }
  return draft(
    'upgrade-adc',
    'apply',
    msg('plan.step.upgradeAdc.title'),
    [msg('plan.step.upgradeAdc.how.sp'), msg('plan.step.upgradeAdc.filesInUse')],
    ['E2K-4'],
    { kbs: ['306505'] },
  );
}
