/**
 * The traps of KB 328839, checked on the rendered plan in both languages: what must be
 * said, what must never be said, and which optional steps appear exactly when needed.
 */
import { buildPlan, planProblems } from '../../../conversations/plan';
import { LOCALES, type CompleteAnswers } from '../../../conversations/types';
import type { Plan } from '../../../conversations/plan/model';
import { everyCombination, NODE_A, NODE_B, path, renderPlan, renderStep, stepIds } from './fixtures';

const possible = everyCombination().filter((a) => planProblems(a).length === 0);
const has = (plan: Plan, id: string) => stepIds(plan).includes(id);
const step = (plan: Plan, id: string) => plan.steps.find((s) => s.id === id);

describe.each(LOCALES)('in %s', (locale) => {
  test('an active/passive Exchange 2000 cluster names the passive node before the active one', () => {
    const plan = buildPlan(path(2));
    expect(renderStep(locale, plan, 'apply-node-b')).toContain(NODE_B);
    expect(renderStep(locale, plan, 'move-group-to-node-b')).toContain(NODE_B);
    expect(renderStep(locale, plan, 'apply-node-a')).toContain(NODE_A);
    expect(renderPlan(locale, plan)).toContain(NODE_B);
  });

  test('Conferencing Server is never sent to KB 301378 nor told about SP3', () => {
    for (const answers of possible.filter((a) => a.product === 'conferencing')) {
      const plan = buildPlan(answers);
      const text = renderPlan(locale, plan);
      expect(text).not.toContain('301378');
      expect(text).not.toMatch(/SP ?3/);
      expect(text).toContain('302473');
      expect(plan.steps.flatMap((s) => s.kbs)).not.toContain('301378');
    }
  });

  test('SBS 2000 mentions the SBS 2000 SP1 bundle (KB 326924)', () => {
    expect(renderPlan(locale, buildPlan(path(5)))).toContain('326924');
    expect(step(buildPlan(path(5)), 'release-notes')?.kbs).toContain('326924');
  });

  test('Exchange 5.5 says no restart is needed on a single server and on SBS', () => {
    for (const n of [6, 8]) {
      const plan = buildPlan(path(n));
      expect(step(plan, 'apply-update')?.details.map((d) => d.key)).toContain('plan.step.apply.noRestart55');
    }
  });

  test('the release notes point to where the latest service pack lives', () => {
    expect(renderStep(locale, buildPlan(path(1)), 'release-notes')).toContain('301378');
    expect(renderStep(locale, buildPlan(path(4)), 'release-notes')).toContain('302473');
    expect(renderStep(locale, buildPlan(path(6)), 'release-notes')).toContain('191014');
  });

  test('ADC folders, MBM and InterOrg folders appear verbatim', () => {
    const adc = buildPlan({ ...path(1), adc: true });
    expect(renderStep(locale, adc, 'upgrade-adc')).toContain('ADC\\I386');
    expect(renderStep(locale, adc, 'export-adc-schema-maps')).toMatch(/msExchServer1SchemaMap.*msExchServer2SchemaMap/);
    const extras = buildPlan({ ...path(6), mailboxManager: true, interOrgSync: true });
    expect(renderStep(locale, extras, 'update-mailbox-manager')).toContain('ENG\\SERVER\\SUPPORT\\Mbmngr');
    expect(renderStep(locale, extras, 'update-interorg-sync')).toContain('ENG\\SERVER\\SUPPORT\\EXCHSYNC');
  });

  test('a hotfix reads differently from a service pack', () => {
    const sp = buildPlan(path(1));
    const hotfix = buildPlan({ ...path(1), change: 'hotfix' });
    expect(renderStep(locale, hotfix, 'apply-update')).not.toEqual(renderStep(locale, sp, 'apply-update'));
    expect(renderPlan(locale, hotfix)).toMatch(/hotfix/i);
  });
});

describe('optional steps appear exactly when the answers call for them', () => {
  // One test per path; the rows carry a label so a diff names the failing combination.
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('path %i, every combination of answers', (n) => {
    const base = path(n);
    const combos = possible.filter((a) => a.product === base.product && a.topology === base.topology && a.version === base.version);
    expect(combos.length).toBeGreaterThan(0);
    const actual = combos.map((a) => ({ label: label(a), ...optionalSteps(a, buildPlan(a)) }));
    const expected = combos.map((a) => ({ label: label(a), ...expectedSteps(a) }));
    expect(actual).toEqual(expected);
  });

  const OPTIONAL = [
    'export-adc-schema-maps',
    'upgrade-adc',
    'redo-adc-map-changes',
    'update-mailbox-manager',
    'update-interorg-sync',
    'restart-server',
    'performance-optimizer',
  ];

  /** Exchange 5.5 after a service pack: Performance Optimizer, then the backup (E55-3, E55-4). */
  const optimizes = (a: CompleteAnswers) => a.version === '5.5' && a.change === 'service-pack';

  function optionalSteps(a: CompleteAnswers, plan: Plan) {
    return { present: OPTIONAL.filter((id) => has(plan, id)), tail: stepIds(plan).slice(optimizes(a) ? -2 : -1) };
  }

  function expectedSteps(a: CompleteAnswers) {
    const is2000 = a.version === '2000';
    const present: Record<string, boolean> = {
      'export-adc-schema-maps': is2000 && !!a.adc,
      'upgrade-adc': is2000 && !!a.adc,
      'redo-adc-map-changes': is2000 && !!a.adc && !!a.adcCustomMaps,
      'update-mailbox-manager': !is2000 && !!a.mailboxManager,
      'update-interorg-sync': !is2000 && !!a.interOrgSync,
      'restart-server': is2000 && a.topology === 'single' && !!a.terminalServices,
      // E55-3 speaks of a service pack only; a hotfix plan does not claim it.
      'performance-optimizer': optimizes(a),
    };
    // The backup after the change is always last; after a 5.5 service pack Performance Optimizer comes right before it.
    const tail = optimizes(a) ? ['performance-optimizer', 'full-backup-after'] : ['full-backup-after'];
    return { present: OPTIONAL.filter((id) => present[id]), tail };
  }
});

describe('databases upgrade for a service pack or a store hotfix (P3, C3)', () => {
  const upgradeKeys = ['plan.step.databasesUpgradeOnStart', 'plan.step.apply.databasesUpgrade'];
  const mentionsUpgrade = (plan: Plan) =>
    plan.steps.some((s) => s.details.some((d) => upgradeKeys.includes(d.key)) && s.facts.includes('C3'));

  test.each([
    ['a service pack', { change: 'service-pack' }, true],
    ['a store hotfix', { change: 'hotfix', storeHotfix: true }, true],
    ['another hotfix', { change: 'hotfix', storeHotfix: false }, false],
  ] as const)('on every Exchange 2000 path, %s: upgrade note %s', (_name, change, expected) => {
    for (const n of [1, 2, 3, 4, 5]) expect(mentionsUpgrade(buildPlan({ ...path(n), ...change }))).toBe(expected);
  });

  test('active/passive: the note sits where node B starts the resources', () => {
    const move = step(buildPlan(path(2)), 'move-group-to-node-b');
    expect(move?.details.map((d) => d.key)).toContain('plan.step.databasesUpgradeOnStart');
    expect(move?.kbs).toContain('295925');
  });

  test('active/active: the check step on node A carries it', () => {
    const check = step(buildPlan(path(3)), 'check-evs-started-on-node-a');
    expect(check?.details[0]).toEqual({ key: 'plan.step.databasesUpgradeOnStart', params: { node: NODE_A } });
  });
});

describe('warnings and notes', () => {
  const warningKeys = (a: CompleteAnswers) => buildPlan(a).warnings.map((w) => w.key);
  const noteKeys = (a: CompleteAnswers) => buildPlan(a).notes.map((n) => n.key);

  test('each cluster warns about its own order', () => {
    expect(warningKeys(path(2))).toContain('plan.warning.passiveFirst');
    expect(warningKeys(path(3))).toContain('plan.warning.activeActive');
    expect(warningKeys(path(7))).toContain('plan.warning.activeFirst55');
  });

  test('Conferencing Server is warned that its service pack differs', () => {
    expect(warningKeys(path(4))).toContain('plan.warning.conferencing');
  });

  test('every plan advises testing first and gives background on the latest service pack', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(noteKeys(path(n))[0]).toBe('plan.note.testFirst');
    expect(noteKeys(path(1))).toContain('plan.note.latest2000');
    expect(noteKeys(path(6))).toContain('plan.note.latest55');
    expect(noteKeys(path(4))).toEqual(['plan.note.testFirst', 'plan.note.conferencing']);
  });
});

function label(a: CompleteAnswers): string {
  const flags = (['adc', 'adcCustomMaps', 'terminalServices', 'mailboxManager', 'interOrgSync', 'storeHotfix'] as const)
    .filter((k) => a[k])
    .join('+');
  return `${a.version} ${a.product} ${a.topology} ${a.change} ${flags}`;
}
