/**
 * FACTS P4 as data: the dialog offers only combinations that exist, and knows why
 * the others do not. Also the order and applicability of the questions.
 */
import type { Answers } from '../../../conversations/types';
import { findConflicts, productsFor, topologiesFor } from '../../../conversations/interview/availability';
import { completeAnswers, nextQuestion, normalizeAnswers } from '../../../conversations/interview/questions';

test.each<[Answers, string[]]>([
  [{ version: '2000', product: 'enterprise' }, ['single', 'active-passive', 'active-active']],
  [{ version: '5.5', product: 'enterprise' }, ['single', 'active-passive']],
  [{ version: '2000', product: 'standard' }, ['single']],
  [{ version: '2000', product: 'conferencing' }, ['single']],
  [{ version: '2000', product: 'sbs' }, ['single']],
  [{ version: '5.5', product: 'sbs' }, ['single']],
])('topologies offered for %j: %j', (answers, topologies) => {
  expect(topologiesFor(answers)).toEqual(topologies);
});

test('Conferencing Server is offered for Exchange 2000 only', () => {
  expect(productsFor({ version: '2000' })).toContain('conferencing');
  expect(productsFor({ version: '5.5' })).not.toContain('conferencing');
});

test.each<[Answers, string[]]>([
  [{ version: '5.5', topology: 'active-active' }, ['interview.why.activeActive55']],
  [{ product: 'standard', topology: 'active-passive' }, ['interview.why.standardCluster']],
  [{ product: 'sbs', topology: 'active-active' }, ['interview.why.sbsCluster']],
  [{ product: 'conferencing', topology: 'active-passive' }, ['interview.why.conferencingCluster']],
  [{ version: '5.5', product: 'conferencing' }, ['interview.why.conferencing55']],
  [{ version: '5.5', product: 'enterprise', topology: 'active-passive' }, []],
])('conflicts of %j', (answers, reasons) => {
  expect(findConflicts(answers).map((c) => c.reason)).toEqual(reasons);
});

test('the questions come in order and only while they apply', () => {
  const asked: string[] = [];
  let a: Answers = {};
  const script: Answers = { version: '2000', product: 'enterprise', topology: 'active-active', nodeA: 'A', nodeB: 'B', evsA: 'E1', evsB: 'E2', change: 'hotfix', storeHotfix: true, adc: true, adcCustomMaps: false };
  for (let q = nextQuestion(a); q; q = nextQuestion(a)) {
    asked.push(q.id);
    a = normalizeAnswers({ ...a, [q.id]: script[q.id] });
  }
  expect(asked).toEqual(['version', 'product', 'topology', 'nodeA', 'nodeB', 'evsA', 'evsB', 'change', 'storeHotfix', 'adc', 'adcCustomMaps']);
  expect(completeAnswers(a)).toEqual(script);
});

test('answers that stop applying are dropped; a non-Enterprise product is not clustered', () => {
  expect(normalizeAnswers({ version: '5.5', product: 'sbs', adc: true, mailboxManager: true })).toEqual({ version: '5.5', product: 'sbs', topology: 'single', mailboxManager: true });
  expect(normalizeAnswers({ version: '2000', product: 'enterprise', topology: 'single', nodeA: 'X', terminalServices: true })).toEqual({ version: '2000', product: 'enterprise', topology: 'single', terminalServices: true });
  expect(normalizeAnswers({ adc: false, adcCustomMaps: true })).toEqual({ adc: false });
});
