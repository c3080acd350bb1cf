/**
 * FACTS P4: topologies that cannot exist get no plan. buildPlan throws a clear Error;
 * planProblems tells the interview why, in both languages.
 */
import { buildPlan, planProblems } from '../../../conversations/plan';
import { t } from '../../../conversations/strings';
import type { CompleteAnswers } from '../../../conversations/types';
import { EVS_A, EVS_B, NODE_A, NODE_B, path } from './fixtures';

const names = { nodeA: NODE_A, nodeB: NODE_B, evsA: EVS_A, evsB: EVS_B };
const sp = { change: 'service-pack' } as const;

const impossible: Array<[string, CompleteAnswers, string]> = [
  ['a cluster without Enterprise Edition', { version: '2000', product: 'standard', topology: 'active-passive', ...sp, ...names }, 'plan.problem.clusterNeedsEnterprise'],
  ['an Exchange 5.5 active/active cluster', { version: '5.5', product: 'enterprise', topology: 'active-active', ...sp, ...names }, 'plan.problem.activeActiveNeeds2000'],
  ['a clustered Conferencing Server', { version: '2000', product: 'conferencing', topology: 'active-passive', ...sp, ...names }, 'plan.problem.conferencingNotClustered'],
  ['a clustered SBS 2000', { version: '2000', product: 'sbs', topology: 'active-passive', ...sp, ...names }, 'plan.problem.sbsNotClustered'],
  ['a clustered SBS with Exchange 5.5', { version: '5.5', product: 'sbs', topology: 'active-passive', ...sp, ...names }, 'plan.problem.sbsNotClustered'],
  ['Conferencing Server on Exchange 5.5', { version: '5.5', product: 'conferencing', topology: 'single', ...sp }, 'plan.problem.conferencingNeeds2000'],
  ['a cluster without node names', { version: '2000', product: 'enterprise', topology: 'active-passive', ...sp }, 'plan.problem.missingNodes'],
  ['a cluster with only one node name', { ...path(7), nodeB: undefined }, 'plan.problem.missingNodes'],
  ['an active/active cluster without a second virtual server', { ...path(3), evsB: undefined }, 'plan.problem.missingVirtualServers'],
  ['a node name that is no NetBIOS name', { ...path(2), nodeA: 'node a.example.com' }, 'plan.problem.invalidName'],
  ['two nodes with the same name', { ...path(2), nodeB: NODE_A.toLowerCase() }, 'plan.problem.sameNodes'],
  ['two virtual servers with the same name', { ...path(3), evsB: EVS_A }, 'plan.problem.sameVirtualServers'],
];

describe('combinations that cannot exist get no plan', () => {
  test.each(impossible)('%s', (_name, answers, key) => {
    const problems = planProblems(answers);
    expect(problems.map((p) => p.key)).toContain(key);
    expect(() => buildPlan(answers)).toThrow(/^Cannot build a plan/);
    expect(() => buildPlan(answers)).toThrow(t('en', problems[0]!));
  });
});

test('the problem is explained in English and Dutch, with the offending name', () => {
  const [problem] = planProblems({ ...path(2), nodeA: 'bad name!' });
  expect(t('en', problem!)).toContain('"bad name!"');
  expect(t('nl', problem!)).toContain('"bad name!"');
  expect(t('nl', problem!)).not.toEqual(t('en', problem!));
});

test('an active/passive cluster may leave out the virtual server name', () => {
  expect(planProblems({ ...path(2), evsA: undefined })).toEqual([]);
  const plan = buildPlan({ ...path(2), evsA: undefined });
  expect(plan.steps.find((s) => s.id === 'move-group-to-node-b')?.details[0]?.key).toBe('plan.step.moveGroup.how');
});

test('answers that do not apply to the version are ignored, not refused', () => {
  const plan = buildPlan({ ...path(6), adc: true, adcCustomMaps: true, terminalServices: true });
  expect(plan.steps.map((s) => s.id)).not.toContain('upgrade-adc');
  expect(plan.steps.map((s) => s.id)).not.toContain('restart-server');
});
