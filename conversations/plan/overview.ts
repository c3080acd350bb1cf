/**
 * The plan's head: title, the answers in short, the traps (warnings) and background
 * (notes). Texts that depend on the path are chosen here, so the step modules stay
 * about steps.
 */
import { msg, type Msg } from '../strings';
import type { CompleteAnswers } from '../types';
import { isHotfix } from './good-practice';
import { byChange } from './step';

export function planTitle(a: CompleteAnswers): Msg {
  return msg(byChange(a.change, { sp: 'plan.title.sp', hotfix: 'plan.title.hotfix' }), { version: a.version });
}

export function planSummary(a: CompleteAnswers): Msg[] {
  const lines: Msg[] = [msg('plan.summary.version', { version: a.version }), msg(`plan.summary.product.${a.product}`)];
  if (a.topology === 'single') lines.push(msg('plan.summary.topology.single'));
  if (a.topology === 'active-passive') {
    lines.push(msg('plan.summary.topology.activePassive', { nodeA: a.nodeA ?? '', nodeB: a.nodeB ?? '' }));
    if (a.evsA) lines.push(msg('plan.summary.virtualServer', { evs: a.evsA }));
  }
  if (a.topology === 'active-active') {
    const names = { nodeA: a.nodeA ?? '', nodeB: a.nodeB ?? '', evsA: a.evsA ?? '', evsB: a.evsB ?? '' };
    lines.push(msg('plan.summary.topology.activeActive', names));
  }
  if (a.change === 'service-pack') lines.push(msg('plan.summary.change.sp'));
  else lines.push(msg(a.storeHotfix ? 'plan.summary.change.storeHotfix' : 'plan.summary.change.hotfix'));

  if (a.version === '2000') {
    if (!a.adc) lines.push(msg('plan.summary.adc.none'));
    else lines.push(msg(a.adcCustomMaps ? 'plan.summary.adc.customMaps' : 'plan.summary.adc.standardMaps'));
    // Terminal Services only matters where a restart may follow (C1, C6: not clustered).
    if (a.topology === 'single') {
      lines.push(msg(a.terminalServices ? 'plan.summary.terminalServices.yes' : 'plan.summary.terminalServices.no'));
    }
  } else {
    lines.push(msg(a.mailboxManager ? 'plan.summary.mailboxManager.yes' : 'plan.summary.mailboxManager.no'));
    lines.push(msg(a.interOrgSync ? 'plan.summary.interOrg.yes' : 'plan.summary.interOrg.no'));
  }
  return lines;
}

/**
 * The traps. Those about what a service pack does (E2K-3, E2K-4, E55-3..5) are not
 * said of a hotfix: the article does not say them of one (good-practice.ts).
 */
export function planWarnings(a: CompleteAnswers): Msg[] {
  const warnings: Msg[] = [];
  const nodes = { nodeA: a.nodeA ?? '', nodeB: a.nodeB ?? '' };
  const sp = !isHotfix(a);
  if (a.version === '2000') {
    if (a.topology === 'active-passive') warnings.push(msg('plan.warning.passiveFirst', nodes));
    if (a.topology === 'active-active') {
      warnings.push(msg('plan.warning.activeActive', { evsA: a.evsA ?? '', evsB: a.evsB ?? '' }));
    }
    if (a.product === 'conferencing') warnings.push(msg('plan.warning.conferencing'));
    if (a.adc && sp) warnings.push(msg('plan.warning.adc'));
  } else {
    if (a.topology === 'active-passive') warnings.push(msg('plan.warning.activeFirst55', nodes));
    if (sp) warnings.push(msg('plan.warning.performanceOptimizer'));
    if (a.mailboxManager && sp) warnings.push(msg('plan.warning.mailboxManager'));
    if (a.interOrgSync && sp) warnings.push(msg('plan.warning.interOrg'));
  }
  if (sp) warnings.push(msg('plan.warning.oldBackups'));
  return warnings;
}

export function planNotes(a: CompleteAnswers): Msg[] {
  const notes: Msg[] = [msg('plan.note.testFirst')];
  // P5 background, but never the Standard/Enterprise SP3 for Conferencing Server (C5).
  if (a.version === '5.5') notes.push(msg('plan.note.latest55'));
  else if (a.product === 'conferencing') notes.push(msg('plan.note.conferencing'));
  else notes.push(msg('plan.note.latest2000'));
  return notes;
}
