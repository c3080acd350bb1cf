/**
 * What holds for every plan the interview can ask for: cited FACTS ids exist, gates
 * point backwards, ids are stable kebab-case, and every text renders in English and
 * Dutch, fully filled in, plain, short, and really translated.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPlan, FACT_IDS, isFactId, planProblems } from '../../../conversations/plan';
import { en, nl, t } from '../../../conversations/strings';
import { LOCALES } from '../../../conversations/types';
import { PHASES } from '../../../conversations/plan/model';
import { allMsgs, everyCombination, path as pathAnswers } from './fixtures';

// Every combination, plus an active/passive cluster whose virtual server name was left out.
const plans = [...everyCombination(), { ...pathAnswers(2), evsA: undefined }]
  .filter((a) => planProblems(a).length === 0)
  .map((a) => buildPlan(a));

test('there are plans for all eight paths and their options', () => {
  expect(plans.length).toBeGreaterThan(300);
});

test('every cited FACTS id exists', () => {
  const cited = new Set(plans.flatMap((p) => p.steps.flatMap((s) => s.facts)));
  expect([...cited].filter((id) => !isFactId(id))).toEqual([]);
});

test('every step cites at least one fact, or says first that it is good practice and cites nothing', () => {
  for (const step of plans.flatMap((p) => p.steps)) {
    const ownAdvice = step.details[0]?.key === 'plan.goodPractice';
    const label = { id: step.id, facts: step.facts, kbs: step.kbs };
    if (ownAdvice) expect(label).toEqual({ ...label, facts: [], kbs: [] });
    else expect(step.facts.length).toBeGreaterThan(0);
    expect(step.details.slice(1).map((d) => d.key)).not.toContain('plan.goodPractice');
    for (const kb of step.kbs) expect(kb).toMatch(/^\d{6}$/);
  }
});

test('step ids are unique kebab-case of at most 40 characters', () => {
  for (const plan of plans) {
    const ids = plan.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(id.length).toBeLessThanOrEqual(40);
    }
  }
});

test('steps come in phase order and every gate points to an earlier step', () => {
  for (const plan of plans) {
    const phases = plan.steps.map((s) => PHASES.indexOf(s.phase));
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    plan.steps.forEach((step, i) => {
      const earlier = plan.steps.slice(0, i).map((s) => s.id);
      for (const id of step.requires) expect(earlier).toContain(id);
    });
  }
});

test('every text renders in both languages, filled in, plain, short and translated', () => {
  const seen = new Map<string, { en: string; nl: string }>();
  for (const m of plans.flatMap(allMsgs)) {
    const texts = { en: t('en', m), nl: t('nl', m) };
    seen.set(JSON.stringify(m), texts);
  }
  for (const [key, texts] of seen) {
    for (const locale of LOCALES) {
      const text = texts[locale];
      expect({ key, text, leftover: /\{\w+\}/.test(text) }).toEqual({ key, text, leftover: false });
      expect(text.length).toBeLessThan(600);
      // Renderers escape; markup would show up literally.
      expect(text).not.toMatch(/[*_`<>]|\]\(/);
    }
    expect({ key, same: texts.en === texts.nl }).toEqual({ key, same: false });
  }
});

test('every plan text key is used by some plan or by planProblems', () => {
  const used = new Set(plans.flatMap(allMsgs).map((m) => m.key));
  const unused = Object.keys(en).filter(
    (k) => k.startsWith('plan.') && !k.startsWith('plan.problem.') && !used.has(k as keyof typeof en),
  );
  expect(unused).toEqual([]);
});

test('plan texts stay under 600 characters and differ between en and nl', () => {
  for (const key of Object.keys(en).filter((k) => k.startsWith('plan.')) as Array<keyof typeof en>) {
    expect(en[key].length).toBeLessThan(600);
    expect(nl[key].length).toBeLessThan(600);
    expect({ key, same: en[key] === nl[key] }).toEqual({ key, same: false });
  }
});

// FACTS.md lives outside the repo, in ../shared beside the working copy. A clone made
// elsewhere (CI clones main into a fresh folder) finds it beside its origin instead;
// FACTS_FILE names it explicitly.
function findFactsFile(): string | undefined {
  const repo = path.resolve(__dirname, '../../..');
  const beside = (dir: string) => path.resolve(dir, '../shared/knowledge/FACTS.md');
  const candidates = [process.env.FACTS_FILE, beside(repo)];
  try {
    const origin = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: repo, encoding: 'utf8' }).trim();
    if (origin && !/^[a-z][a-z0-9+.-]*:/i.test(origin)) candidates.push(beside(path.resolve(repo, origin)));
  } catch {
    // not a git checkout, or no origin: only the other candidates apply
  }
  return candidates.find((file): file is string => !!file && existsSync(file));
}
const factsFile = findFactsFile();
if (!factsFile) console.warn('FACTS.md not found beside the repo or its origin; set FACTS_FILE to check FACT_IDS against it');
(factsFile ? test : test.skip)('FACT_IDS matches the ids in FACTS.md', () => {
  const text = readFileSync(factsFile!, 'utf8');
  const ids = [...text.matchAll(/^- ((?:P|C|K|E2K-|E55-)\d+)(?: \[ext\])?\./gm)].map((m) => m[1]);
  expect([...ids].sort()).toEqual([...FACT_IDS].sort());
});
