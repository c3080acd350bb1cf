/**
 * After the install. A service pack on Exchange 5.5 is followed by Performance
 * Optimizer (E55-3), and every service pack by a new full backup, because older
 * online backups no longer (E2K-3) or may no longer (E55-4) restore. Those notes speak
 * of service packs only: after a hotfix the plan ends with a new full backup as the
 * bot's own good practice, and Performance Optimizer is not part of it.
 */
import { msg } from '../strings';
import type { CompleteAnswers } from '../types';
import { GOOD_PRACTICE, isHotfix } from './good-practice';
import { draft, type StepDraft } from './step';

export function afterSteps(a: CompleteAnswers): StepDraft[] {
  const title = msg('plan.step.fullBackupAfter.title');
  if (isHotfix(a)) {
    return [draft('full-backup-after', 'after', title, [GOOD_PRACTICE, msg('plan.step.fullBackupAfter.whyHotfix')], [])];
  }
  if (a.version === '2000') {
    return [draft('full-backup-after', 'after', title, [msg('plan.step.fullBackupAfter.why2000sp')], ['E2K-3'], { kbs: ['316794'] })];
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
    draft('full-backup-after', 'after', title, [msg('plan.step.fullBackupAfter.why55sp')], ['E55-4']),
  ];
}
