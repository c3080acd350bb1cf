/**
 * Exchange 2000 cluster sequences. Active/passive (C2): the PASSIVE node first, then
 * move the group over, then the former active node. Active/active (C4): gather both
 * virtual servers on one node, update the free node, and swap. Databases upgrade when
 * the updated node starts the Exchange resources (C3), for an SP or a store hotfix.
 */
import { msg, type Msg } from '../strings';
import type { CompleteAnswers } from '../types';
import { byChange, databaseUpgradeFacts, draft, upgradesDatabases, type StepDraft } from './step';

const CLUSTER_KB = '295925';

export function activePassiveSteps(a: CompleteAnswers): StepDraft[] {
  const { nodeA, nodeB } = names(a);
  const moveHow = a.evsA
    ? msg('plan.step.moveGroup.howEvs', { evs: a.evsA, from: nodeA, node: nodeB })
    : msg('plan.step.moveGroup.how', { from: nodeA, node: nodeB });
  const started = startedOn(a, nodeB);
  return [
    draft('apply-node-b', 'apply', applyOn(a, nodeB), [msg('plan.step.apply.passiveFirst', { node: nodeB })], ['C2'], {
      node: nodeB,
    }),
    draft('move-group-to-node-b', 'apply', msg('plan.step.moveGroup.title', { node: nodeB }), [moveHow, started.detail], [
      'C2',
      ...started.facts,
    ], { kbs: [CLUSTER_KB], node: nodeB }),
    draft('apply-node-a', 'apply', applyOn(a, nodeA), [msg('plan.step.apply.nowPassive', { node: nodeA })], ['C2'], {
      node: nodeA,
    }),
  ];
}

export function activeActiveSteps(a: CompleteAnswers): StepDraft[] {
  const { nodeA, nodeB } = names(a);
  const evsA = a.evsA ?? '';
  const evsB = a.evsB ?? '';
  const started = startedOn(a, nodeA);
  return [
    draft(
      'move-evs-a-to-node-b',
      'apply',
      msg('plan.step.moveEvs.title', { evs: evsA, from: nodeA, node: nodeB }),
      [msg('plan.step.moveEvs.how', { evs: evsA, from: nodeA, node: nodeB, evsA, evsB })],
      ['C4'],
      { kbs: [CLUSTER_KB], node: nodeB },
    ),
    draft('apply-node-a', 'apply', applyOn(a, nodeA), [msg('plan.step.apply.freeNode', { node: nodeA })], ['C4'], {
      node: nodeA,
    }),
    draft(
      'move-both-evs-to-node-a',
      'apply',
      msg('plan.step.moveBothEvs.title', { evsA, evsB, node: nodeA }),
      [msg('plan.step.moveBothEvs.how', { evsA, evsB, node: nodeA, from: nodeB })],
      ['C4'],
      { kbs: [CLUSTER_KB], node: nodeA },
    ),
    // C4 step 4 is a check: nothing to run, but the next step must wait for it.
    draft(
      'check-evs-started-on-node-a',
      'apply',
      msg('plan.step.checkEvsStarted.title', { node: nodeA, evsA, evsB }),
      [started.detail],
      ['C4', ...started.facts],
      { kbs: [CLUSTER_KB], node: nodeA },
    ),
    draft('apply-node-b', 'apply', applyOn(a, nodeB), [msg('plan.step.apply.nowPassive', { node: nodeB })], ['C4'], {
      node: nodeB,
    }),
  ];
}

function applyOn(a: CompleteAnswers, node: string): Msg {
  const key = byChange(a.change, { sp: 'plan.step.applyOnNode.title.sp', hotfix: 'plan.step.applyOnNode.title.hotfix' });
  return msg(key, { node });
}

/** What happens when a freshly updated node starts the Exchange resources (C3). */
function startedOn(a: CompleteAnswers, node: string): { detail: Msg; facts: string[] } {
  return upgradesDatabases(a)
    ? { detail: msg('plan.step.databasesUpgradeOnStart', { node }), facts: databaseUpgradeFacts(a) }
    : { detail: msg('plan.step.waitOnline', { node }), facts: [] };
}

/** planProblems has checked the names before any step is drawn. */
function names(a: CompleteAnswers): { nodeA: string; nodeB: string } {
  return { nodeA: a.nodeA ?? '', nodeB: a.nodeB ?? '' };
}
