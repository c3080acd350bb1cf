/**
 * Preparation steps (E2K-1, 2, 5..8 and E55-1, 2, 6, 7): done in any order before
 * anything is installed. Cluster plans name both nodes where each node counts. For a
 * hotfix, the steps about the service pack itself (its release notes, the ADC) are
 * the bot's good practice (good-practice.ts).
 */
import { msg, type Msg } from '../strings';
import type { CompleteAnswers } from '../types';
import { GOOD_PRACTICE, isHotfix } from './good-practice';
import { draft, type StepDraft } from './step';

export function beforeSteps(a: CompleteAnswers): StepDraft[] {
  const is2000 = a.version === '2000';
  const nodes = clusterNodes(a);
  const steps: StepDraft[] = [
    releaseNotes(a),
    draft(
      'full-backup',
      'before',
      msg('plan.step.fullBackup.title'),
      [
        msg('plan.step.fullBackup.what'),
        ...(nodes ? [msg('plan.step.fullBackup.cluster', nodes)] : []),
        msg('plan.step.fullBackup.rollback'),
      ],
      [is2000 ? 'E2K-1' : 'E55-1'],
    ),
    draft(
      'stop-antivirus',
      'before',
      msg('plan.step.stopAntivirus.title'),
      [msg('plan.step.stopAntivirus.what'), ...onBothNodes(nodes)],
      [is2000 ? 'E2K-7' : 'E55-6'],
    ),
    draft(
      'check-running-setup',
      'before',
      msg('plan.step.checkRunningSetup.title'),
      [msg('plan.step.checkRunningSetup.what'), ...onBothNodes(nodes)],
      [is2000 ? 'E2K-8' : 'E55-7'],
    ),
  ];
  // E2K-4..6 concern Exchange 2000 only; an ADC answer left over from 5.5 is ignored.
  if (is2000 && a.adc) steps.push(...adcPreparation(a));
  return steps;
}

/** E2K-5, E2K-6: the ADC is prepared before its own upgrade (apply-2000.ts). */
function adcPreparation(a: CompleteAnswers): StepDraft[] {
  const hotfix = isHotfix(a);
  const what = [msg('plan.step.exportAdcMaps.what'), msg('plan.step.exportAdcMaps.ldp')];
  const steps = [
    hotfix
      ? draft('export-adc-schema-maps', 'before', msg('plan.step.exportAdcMaps.title'), [GOOD_PRACTICE, ...what], [])
      : draft('export-adc-schema-maps', 'before', msg('plan.step.exportAdcMaps.title'), what, ['E2K-6'], { kbs: ['255602', '260745'] }),
  ];
  if (a.adcCustomMaps) {
    const title = msg('plan.step.redoAdcMaps.title');
    steps.push(
      hotfix
        ? draft('redo-adc-map-changes', 'before', title, [GOOD_PRACTICE, msg('plan.step.redoAdcMaps.whatHotfix')], [])
        : draft('redo-adc-map-changes', 'before', title, [msg('plan.step.redoAdcMaps.what')], ['E2K-5']),
    );
  }
  return steps;
}

/** E2K-2 / E55-2, with where to get the latest SP for this very product (K1..K3, C5, C6). */
function releaseNotes(a: CompleteAnswers): StepDraft {
  if (isHotfix(a)) {
    // The article's release notes are the service pack's; a hotfix brings its own article.
    const how = msg('plan.step.releaseNotes.whyHotfix');
    return draft('release-notes', 'before', msg('plan.step.releaseNotes.title.hotfix'), [GOOD_PRACTICE, how], []);
  }
  const title = msg('plan.step.releaseNotes.title.sp');
  const why = msg('plan.step.releaseNotes.why');
  if (a.version === '5.5') {
    return draft('release-notes', 'before', title, [why, msg('plan.step.releaseNotes.where55')], ['E55-2', 'K3'], {
      kbs: ['191014'],
    });
  }
  if (a.product === 'conferencing') {
    // C5: never point a Conferencing Server admin at the Standard/Enterprise SP (KB 301378).
    return draft(
      'release-notes',
      'before',
      title,
      [why, msg('plan.step.releaseNotes.whereConferencing')],
      ['E2K-2', 'K2', 'C5'],
      { kbs: ['302473'] },
    );
  }
  if (a.product === 'sbs') {
    return draft(
      'release-notes',
      'before',
      title,
      [why, msg('plan.step.releaseNotes.where2000'), msg('plan.step.releaseNotes.whereSbs')],
      ['E2K-2', 'K1', 'C6'],
      { kbs: ['301378', '326924'] },
    );
  }
  return draft('release-notes', 'before', title, [why, msg('plan.step.releaseNotes.where2000')], ['E2K-2', 'K1'], {
    kbs: ['301378'],
  });
}

function clusterNodes(a: CompleteAnswers): { nodeA: string; nodeB: string } | undefined {
  return a.topology !== 'single' && a.nodeA && a.nodeB ? { nodeA: a.nodeA, nodeB: a.nodeB } : undefined;
}

function onBothNodes(nodes: { nodeA: string; nodeB: string } | undefined): Msg[] {
  return nodes ? [msg('plan.step.bothNodes', nodes)] : [];
}
