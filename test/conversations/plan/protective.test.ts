/**
 * The steps that protect data, found by what they cite: the full backup before the
 * change (E2K-1, E55-1), the new backup after it (E2K-3, E55-4; own advice after a
 * hotfix) and the export of the ADC schema maps (E2K-6). Skipping one asks once more
 * (src/rollout/decide.ts), so the list in protective.ts must name exactly these.
 */
import { buildPlan, planProblems } from '../../../conversations/plan';
import { PROTECTIVE_STEP_IDS, skipRiskOf } from '../../../conversations/plan/protective';
import { t } from '../../../conversations/strings';
import { LOCALES } from '../../../conversations/types';
import { everyCombination } from './fixtures';

const PROTECTING_FACTS = ['E2K-1', 'E55-1', 'E2K-3', 'E55-4', 'E2K-6'];
const plans = everyCombination()
  .filter((a) => planProblems(a).length === 0)
  .map((a) => ({ answers: a, plan: buildPlan(a) }));

test('in service pack plans, a step is protective exactly when it cites a fact about backing up or exporting data', () => {
  for (const { plan } of plans.filter((p) => p.answers.change === 'service-pack')) {
    for (const step of plan.steps) {
      const cites = step.facts.some((f) => PROTECTING_FACTS.includes(f));
      expect({ id: step.id, protective: PROTECTIVE_STEP_IDS.includes(step.id) }).toEqual({ id: step.id, protective: cites });
    }
  }
});

test('hotfix plans protect the same steps, although the backup after it is own advice', () => {
  for (const { answers, plan } of plans.filter((p) => p.answers.change === 'hotfix')) {
    const protective = plan.steps.filter((s) => PROTECTIVE_STEP_IDS.includes(s.id)).map((s) => s.id);
    const expected = ['full-backup', ...(answers.version === '2000' && answers.adc ? ['export-adc-schema-maps'] : []), 'full-backup-after'];
    expect(protective).toEqual(expected);
  }
});

test.each(LOCALES)('each risk is told in %s, with the step number and how to skip anyway', (locale) => {
  for (const id of PROTECTIVE_STEP_IDS) {
    const text = t(locale, { key: skipRiskOf(id)!, params: { step: 4, minutes: 10 } });
    expect(text).toMatch(/4/);
    // A campaign's shared step is skipped on the campaign card: "skip shared 4 anyway".
    const shared = id === 'dc-system-state' ? (locale === 'en' ? 'shared ' : 'gedeeld ') : '';
    expect(text).toContain(locale === 'en' ? `"skip ${shared}4 anyway <reason>"` : `"overslaan ${shared}4 toch <reden>"`);
    expect(text).not.toMatch(/\{\w+\}/);
  }
  expect(skipRiskOf('apply-update')).toBeUndefined();
  expect(skipRiskOf('constructor')).toBeUndefined();
});
