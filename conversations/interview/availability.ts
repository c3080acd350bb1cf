/**
 * Which product / topology combinations exist (FACTS P1, P2, P4), and why a
 * combination a user typed cannot exist. The dialog offers only what exists and
 * explains the rest in one sentence.
 */
import type { Answers, AnswerKey, Product, Topology } from '../types';
import type { MessageKey } from '../strings';

export function isCluster(topology: Topology | undefined): boolean {
  return topology === 'active-passive' || topology === 'active-active';
}

/** P1/P2: Conferencing Server exists only for Exchange 2000. */
export function productsFor(a: Answers): Product[] {
  return a.version === '5.5' ? ['standard', 'enterprise', 'sbs'] : ['standard', 'enterprise', 'conferencing', 'sbs'];
}

/** P4: only Enterprise clusters; Exchange 5.5 clusters are active/passive only. */
export function topologiesFor(a: Answers): Topology[] {
  if (a.product !== undefined && a.product !== 'enterprise') return ['single'];
  return a.version === '5.5' ? ['single', 'active-passive'] : ['single', 'active-passive', 'active-active'];
}

/** Two answers that cannot both be true, the earlier question first, and why. */
export interface Conflict {
  keys: [AnswerKey, AnswerKey];
  reason: MessageKey;
}

/** Why a product other than Enterprise is never clustered. */
export const NO_CLUSTER_REASON: Record<Exclude<Product, 'enterprise'>, MessageKey> = {
  standard: 'interview.why.standardCluster',
  conferencing: 'interview.why.conferencingCluster',
  sbs: 'interview.why.sbsCluster',
};

export function findConflicts(a: Answers): Conflict[] {
  const found: Conflict[] = [];
  if (a.version === '5.5' && a.product === 'conferencing') {
    found.push({ keys: ['version', 'product'], reason: 'interview.why.conferencing55' });
  }
  if (a.version === '5.5' && a.topology === 'active-active') {
    found.push({ keys: ['version', 'topology'], reason: 'interview.why.activeActive55' });
  }
  if (isCluster(a.topology) && a.product !== undefined && a.product !== 'enterprise') {
    found.push({ keys: ['product', 'topology'], reason: NO_CLUSTER_REASON[a.product] });
  }
  return found;
}
