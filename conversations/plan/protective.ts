/**
 * Steps that protect data: the full backup before the change (E2K-1, E55-1), the new
 * full backup after it (E2K-3, E55-4; the bot's good practice after a hotfix) and the
 * export of the ADC schema map attributes (E2K-6). Skipping one is refused once with
 * what is at risk (src/rollout/decide.ts); the same person may then skip it anyway.
 * Keyed by step id (stable across plan versions), so rollouts stored earlier are
 * protected as well.
 */
import type { MessageKey } from '../strings';

const RISKS: Record<string, MessageKey> = {
  'full-backup': 'rollout.refused.skip-protective.full-backup',
  'full-backup-after': 'rollout.refused.skip-protective.full-backup-after',
  'export-adc-schema-maps': 'rollout.refused.skip-protective.export-adc-schema-maps',
  // A campaign's shared step (conversations/campaign/plan.ts): the domain controllers' part of E2K-1 / E55-1.
  'dc-system-state': 'campaign.refused.skip-protective.dc-system-state',
};

export const PROTECTIVE_STEP_IDS: readonly string[] = Object.keys(RISKS);

/** The refusal that names what skipping this step puts at risk; undefined for other steps. */
export function skipRiskOf(stepId: string): MessageKey | undefined {
  return Object.prototype.hasOwnProperty.call(RISKS, stepId) ? RISKS[stepId] : undefined;
}

/** True for a refusal made by skipRiskOf: the person may now skip the step anyway. */
export function isSkipRiskRefusal(key: MessageKey): boolean {
  return Object.values(RISKS).includes(key);
}
