/**
 * A hotfix plan cites only what KB 328839 says of a hotfix. The article's notes about
 * the service pack itself (Performance Optimizer after it, a new backup because older
 * online backups stop restoring, its ADC installer, its Mailbox Manager and InterOrg
 * folders, its release notes, the Conferencing Server SP) are never cited for a
 * hotfix; where the plan keeps such a step, the step says it is the bot's own advice.
 */
import { buildPlan, planProblems } from '../../../conversations/plan';
import { SERVICE_PACK_ONLY_FACTS } from '../../../conversations/plan/good-practice';
import { LOCALES } from '../../../conversations/types';
import type { Plan, PlanStep } from '../../../conversations/plan/model';
import { everyCombination, path, renderPlan, renderStep, stepIds } from './fixtures';

const possible = everyCombination().filter((a) => planProblems(a).length === 0);
const hotfixes = possible.filter((a) => a.change === 'hotfix');
const servicePacks = possible.filter((a) => a.change === 'service-pack');
const step = (plan: Plan, id: string): PlanStep => {
  const found = plan.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};
const ownAdvice = (s: PlanStep) => s.details[0]?.key === 'plan.goodPractice';

test('each of the eight paths has hotfix variants to check', () => {
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const base = path(n);
    expect(hotfixes.filter((a) => a.version === base.version && a.product === base.product && a.topology === base.topology).length).toBeGreaterThan(0);
  }
});

test('no hotfix plan cites a fact that speaks of service packs only', () => {
  for (const answers of hotfixes) {
    const cited = buildPlan(answers).steps.flatMap((s) => s.facts.map((f) => `${s.id}:${f}`));
    expect(cited.filter((c) => SERVICE_PACK_ONLY_FACTS.some((f) => c.endsWith(`:${f}`)))).toEqual([]);
  }
});

test('Exchange 5.5 after a hotfix: no Performance Optimizer claim, and the backup is marked as own advice', () => {
  for (const answers of hotfixes.filter((a) => a.version === '5.5')) {
    const plan = buildPlan(answers);
    expect(stepIds(plan)).not.toContain('performance-optimizer');
    expect(plan.warnings.map((w) => w.key)).not.toContain('plan.warning.performanceOptimizer');
    const backup = step(plan, 'full-backup-after');
    expect(ownAdvice(backup)).toBe(true);
    expect({ facts: backup.facts, kbs: backup.kbs }).toEqual({ facts: [], kbs: [] });
  }
});

test('the backup after every hotfix is own advice; after a service pack it cites E2K-3 or E55-4', () => {
  for (const answers of hotfixes) expect(ownAdvice(step(buildPlan(answers), 'full-backup-after'))).toBe(true);
  for (const answers of servicePacks) {
    const backup = step(buildPlan(answers), 'full-backup-after');
    expect(backup.facts).toEqual([answers.version === '2000' ? 'E2K-3' : 'E55-4']);
    expect(ownAdvice(backup)).toBe(false);
  }
});

test('a 5.5 service pack still runs Performance Optimizer, citing E55-3 and KB 271824', () => {
  for (const answers of servicePacks.filter((a) => a.version === '5.5')) {
    const optimizer = step(buildPlan(answers), 'performance-optimizer');
    expect({ facts: optimizer.facts, kbs: optimizer.kbs }).toEqual({ facts: ['E55-3'], kbs: ['271824'] });
  }
});

test('hotfix steps about the service pack itself are own advice; preparations and the install order keep their facts', () => {
  const adc = buildPlan({ ...path(1), change: 'hotfix', adc: true, adcCustomMaps: true });
  for (const id of ['release-notes', 'export-adc-schema-maps', 'redo-adc-map-changes', 'upgrade-adc', 'full-backup-after']) {
    expect({ id, own: ownAdvice(step(adc, id)) }).toEqual({ id, own: true });
  }
  expect(step(adc, 'full-backup').facts).toEqual(['E2K-1']);
  expect(step(adc, 'stop-antivirus').facts).toEqual(['E2K-7']);
  expect(step(adc, 'apply-update').facts).toEqual(['C1']);
  const extras = buildPlan({ ...path(6), change: 'hotfix', mailboxManager: true, interOrgSync: true });
  expect(ownAdvice(step(extras, 'update-mailbox-manager'))).toBe(true);
  expect(ownAdvice(step(extras, 'update-interorg-sync'))).toBe(true);
  expect(step(buildPlan({ ...path(7), change: 'hotfix' }), 'apply-node-a').facts).toEqual(['C8']);
  expect(step(buildPlan({ ...path(2), change: 'hotfix', storeHotfix: true }), 'move-group-to-node-b').facts).toEqual(['C2', 'C3', 'P3']);
});

test('Conferencing Server with a hotfix: the check is own advice and C5 is not cited', () => {
  const apply = step(buildPlan({ ...path(4), change: 'hotfix' }), 'apply-update');
  expect(apply.facts).toEqual(['C1']);
  expect(apply.details.map((d) => d.key)).toContain('plan.step.apply.conferencingHotfix');
});

describe.each(LOCALES)('in %s', (locale) => {
  const OWN_ADVICE = { en: 'Good practice, not from KB 328839', nl: 'Aanbevolen werkwijze, niet uit KB 328839' }[locale];

  test('no hotfix plan says Performance Optimizer must run after a hotfix, nor cites KB 271824 or 316794', () => {
    for (const answers of hotfixes) {
      const text = renderPlan(locale, buildPlan(answers));
      expect(text).not.toMatch(/Performance Optimizer/);
      expect(text).not.toMatch(/271824|316794/);
    }
  });

  test('an own-advice step says so in its first line', () => {
    const plan = buildPlan({ ...path(6), change: 'hotfix' });
    expect(renderStep(locale, plan, 'full-backup-after').split('\n')[1]).toBe(`${OWN_ADVICE}: ${locale === 'en' ? 'our own advice for a hotfix.' : 'ons eigen advies bij een hotfix.'}`);
  });

  test('a service pack plan never calls its steps own advice', () => {
    for (const answers of servicePacks) expect(renderPlan(locale, buildPlan(answers))).not.toContain(OWN_ADVICE);
  });
});
