/**
 * After the install: Exchange 5.5 always runs Performance Optimizer (E55-3), and every
 * plan ends with a new full backup, because older online backups may not restore
 * (E2K-3, E55-4). Only an Exchange 2000 service pack is known to rule them out
 * entirely (KB 316794); otherwise the plan says "may".
 */
import { msg } from '../strings';
import type { CompleteAnswers } from '../types';
import { draft, type StepDraft } from './step';

export function afterSteps(a: CompleteAnswers): StepDraft[] {
  const title = msg('plan.step.fullBackupAfter.title');
  if (a.version === '2000') {
    const why = msg(a.change === 'service-pack' ? 'plan.step.fullBackupAfter.why2000sp' : 'plan.step.fullBackupAfter.whyMay');
    return [draft('full-backup-after', 'after', title, [why], ['E2K-3'], { kbs: ['316794'] })];
  }
  return [
    draft(
      'performance-optimizer',
      'after',
      msg('plan.step.performanceOptimizer.title'),
      [msg('plan.step.performanceOptimizer.why')],
      ['E55-3'],
      { kbs: ['271824'] },
    ),
    draft('full-backup-after', 'after', title, [msg('plan.step.fullBackupAfter.whyMay')], ['E55-4']),
  ];
}
