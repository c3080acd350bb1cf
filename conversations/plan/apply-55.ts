/**
 * Exchange 5.5 install steps: a single server or SBS just runs the update with no
 * restart (C7, C9); a cluster does the ACTIVE node first (C8, the reverse of
 * Exchange 2000). Mailbox Manager and InterOrg Synchronization are not touched by
 * a service pack and get their own steps when used (E55-5).
 */
import { msg } from '../strings';
import type { CompleteAnswers } from '../types';
import { GOOD_PRACTICE, isHotfix } from './good-practice';
import { byChange, draft, type StepDraft } from './step';

export function applySteps55(a: CompleteAnswers): StepDraft[] {
  const steps = a.topology === 'single' ? singleServer(a) : cluster(a);
  if (a.mailboxManager) steps.push(extraComponent(a, 'update-mailbox-manager', 'mailboxManager'));
  if (a.interOrgSync) steps.push(extraComponent(a, 'update-interorg-sync', 'interOrg'));
  return steps;
}

/**
 * E55-5: a service pack leaves Mailbox Manager and InterOrg Synchronization alone and
 * brings their own update on its CD. A hotfix has no such folders: checking the
 * component afterwards is the bot's advice.
 */
function extraComponent(a: CompleteAnswers, id: string, component: 'mailboxManager' | 'interOrg'): StepDraft {
  if (isHotfix(a)) {
    return draft(id, 'apply', msg(`plan.step.${component}.title.hotfix`), [GOOD_PRACTICE, msg(`plan.step.${component}.checkHotfix`)], []);
  }
  return draft(id, 'apply', msg(`plan.step.${component}.title`), [msg(`plan.step.${component}.how`)], ['E55-5']);
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
