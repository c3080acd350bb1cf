/**
 * Exchange 5.5 install steps: a single server or SBS just runs the update with no
 * restart (C7, C9); a cluster does the ACTIVE node first (C8, the reverse of
 * Exchange 2000). Mailbox Manager and InterOrg Synchronization are not touched by
 * the update and get their own steps when used (E55-5).
 */
import { msg } from '../strings';
import type { CompleteAnswers } from '../types';
import { byChange, draft, type StepDraft } from './step';

export function applySteps55(a: CompleteAnswers): StepDraft[] {
  const steps = a.topology === 'single' ? singleServer(a) : cluster(a);
  if (a.mailboxManager) {
    steps.push(
      draft('update-mailbox-manager', 'apply', msg('plan.step.mailboxManager.title'), [msg('plan.step.mailboxManager.how')], [
        'E55-5',
      ]),
    );
  }
  if (a.interOrgSync) {
    steps.push(draft('update-interorg-sync', 'apply', msg('plan.step.interOrg.title'), [msg('plan.step.interOrg.how')], ['E55-5']));
  }
  return steps;
}

function singleServer(a: CompleteAnswers): StepDraft[] {
  const sbs = a.product === 'sbs';
  const title = msg(byChange(a.change, { sp: 'plan.step.apply.title.sp', hotfix: 'plan.step.apply.title.hotfix' }));
  const how = msg(sbs ? 'plan.step.apply.sbs55' : 'plan.step.apply.runIt');
  return [draft('apply-update', 'apply', title, [how, msg('plan.step.apply.noRestart55')], [sbs ? 'C9' : 'C7'])];
}

function cluster(a: CompleteAnswers): StepDraft[] {
  const nodeA = a.nodeA ?? '';
  const nodeB = a.nodeB ?? '';
  const key = byChange(a.change, { sp: 'plan.step.applyOnNode.title.sp', hotfix: 'plan.step.applyOnNode.title.hotfix' });
  return [
    draft('apply-node-a', 'apply', msg(key, { node: nodeA }), [msg('plan.step.apply.activeFirst55', { node: nodeA })], ['C8'], {
      node: nodeA,
    }),
    draft('apply-node-b', 'apply', msg(key, { node: nodeB }), [msg('plan.step.apply.passiveSecond55', { node: nodeB })], ['C8'], {
      node: nodeB,
    }),
  ];
}
