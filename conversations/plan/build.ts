/**
 * buildPlan: complete interview answers -> the KB 328839 rollout plan (FACTS.md paths
 * 1..8). Pure and deterministic: the same answers always give the same plan, which is
 * stored with the rollout and drawn later in the rollout's language.
 */
import type { Plan } from './model';
import type { CompleteAnswers } from '../types';
import { afterSteps } from './after';
import { applySteps2000 } from './apply-2000';
import { applySteps55 } from './apply-55';
import { beforeSteps } from './before';
import { planNotes, planSummary, planTitle, planWarnings } from './overview';
import { assertPlanPossible } from './problems';
import { linkSteps } from './step';

/** Throws an Error for answers no plan can serve (FACTS P4, missing cluster names). */
export function buildPlan(answers: CompleteAnswers): Plan {
  assertPlanPossible(answers);
  const apply = answers.version === '2000' ? applySteps2000(answers) : applySteps55(answers);
  return {
    title: planTitle(answers),
    summary: planSummary(answers),
    warnings: planWarnings(answers),
    notes: planNotes(answers),
    steps: linkSteps([...beforeSteps(answers), ...apply, ...afterSteps(answers)]),
  };
}
