/**
 * Combinations that cannot exist (FACTS P4) and cluster names the plan cannot do
 * without. The interview prevents these; `planProblems` lets it explain why, and
 * `buildPlan` refuses them with a clear Error rather than drawing a wrong plan.
 */
import { msg, t, type Msg } from '../strings';
import { NETBIOS_NAME, type CompleteAnswers } from '../types';

/** Why no plan can be built for these answers; empty when a plan can be built. */
export function planProblems(answers: CompleteAnswers): Msg[] {
  const problems: Msg[] = [];
  const { version, product, topology } = answers;
  const clustered = topology !== 'single';

  if (product === 'conferencing' && version === '5.5') problems.push(msg('plan.problem.conferencingNeeds2000'));
  if (clustered) {
    if (product === 'conferencing') problems.push(msg('plan.problem.conferencingNotClustered'));
    else if (product === 'sbs') problems.push(msg('plan.problem.sbsNotClustered'));
    else if (product !== 'enterprise') problems.push(msg('plan.problem.clusterNeedsEnterprise'));
    if (topology === 'active-active' && version === '5.5') problems.push(msg('plan.problem.activeActiveNeeds2000'));
    problems.push(...nameProblems(answers));
  }
  return problems;
}

/** Cluster steps name the real nodes and virtual servers, so they must be there and valid. */
function nameProblems(answers: CompleteAnswers): Msg[] {
  const { nodeA, nodeB, evsA, evsB, topology } = answers;
  const problems: Msg[] = [];
  if (!nodeA || !nodeB) problems.push(msg('plan.problem.missingNodes'));
  // Active/active needs both virtual servers (C4); active/passive may leave evsA out.
  if (topology === 'active-active' && (!evsA || !evsB)) problems.push(msg('plan.problem.missingVirtualServers'));
  const given = topology === 'active-active' ? [nodeA, nodeB, evsA, evsB] : [nodeA, nodeB, evsA];
  for (const name of given) {
    if (name !== undefined && name !== '' && !NETBIOS_NAME.test(name)) {
      problems.push(msg('plan.problem.invalidName', { name }));
    }
  }
  if (nodeA && nodeB && sameName(nodeA, nodeB)) problems.push(msg('plan.problem.sameNodes'));
  if (topology === 'active-active' && evsA && evsB && sameName(evsA, evsB)) {
    problems.push(msg('plan.problem.sameVirtualServers'));
  }
  return problems;
}

/** NetBIOS names are case-insensitive. */
function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Throws an Error listing every problem (in English: errors are for logs and developers). */
export function assertPlanPossible(answers: CompleteAnswers): void {
  const problems = planProblems(answers);
  if (problems.length > 0) {
    throw new Error(`Cannot build a plan for these answers: ${problems.map((p) => t('en', p)).join(' ')}`);
  }
}
