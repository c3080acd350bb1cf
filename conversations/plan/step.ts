/**
 * Steps are written without their ordering gates; `linkSteps` adds them in one place
 * so every path follows the same rule: before-steps in any order, apply-steps in a
 * strict chain (the cluster sequence must not be shuffled), after-steps once the
 * last apply-step is settled.
 */
import type { MessageKey, Msg } from '../strings';
import type { ChangeKind, CompleteAnswers } from '../types';
import type { PlanStep } from './model';

export type StepDraft = Omit<PlanStep, 'requires'>;

/** A text that reads differently for a service pack and a hotfix. */
export interface ChangeVariants {
  sp: MessageKey;
  hotfix: MessageKey;
}

export function byChange(change: ChangeKind, keys: ChangeVariants): MessageKey {
  return change === 'service-pack' ? keys.sp : keys.hotfix;
}

/** P3, C3: a service pack or a store hotfix upgrades the databases. */
export function upgradesDatabases(answers: CompleteAnswers): boolean {
  return answers.change === 'service-pack' || answers.storeHotfix === true;
}

/** The FACTS ids behind a database upgrade: P3 only when a hotfix causes it. */
export function databaseUpgradeFacts(answers: CompleteAnswers): string[] {
  return answers.change === 'hotfix' ? ['C3', 'P3'] : ['C3'];
}

/** A step draft with the common defaults filled in. */
export function draft(
  id: string,
  phase: PlanStep['phase'],
  title: Msg,
  details: Msg[],
  facts: string[],
  extra: { kbs?: string[]; node?: string } = {},
): StepDraft {
  const step: StepDraft = { id, phase, title, details, facts, kbs: extra.kbs ?? [] };
  if (extra.node !== undefined) step.node = extra.node;
  return step;
}

/**
 * Adds `requires` to drafts given in phase order. The final after-step (the new full
 * backup) also waits for the other after-steps, so the backup holds the finished
 * state, e.g. after Performance Optimizer on Exchange 5.5.
 */
export function linkSteps(drafts: StepDraft[]): PlanStep[] {
  const before = drafts.filter((d) => d.phase === 'before').map((d) => d.id);
  const apply = drafts.filter((d) => d.phase === 'apply').map((d) => d.id);
  const after = drafts.filter((d) => d.phase === 'after').map((d) => d.id);
  const lastApply = apply.at(-1);
  const finalAfter = after.at(-1);

  return drafts.map((d): PlanStep => {
    if (d.phase === 'before') return { ...d, requires: [] };
    if (d.phase === 'apply') {
      const index = apply.indexOf(d.id);
      return { ...d, requires: index === 0 ? [...before] : [apply[index - 1] as string] };
    }
    const gate = lastApply ? [lastApply] : [...before];
    const others = d.id === finalAfter ? after.filter((id) => id !== d.id) : [];
    return { ...d, requires: [...gate, ...others] };
  });
}
