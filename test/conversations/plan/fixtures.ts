/**
 * Answers for the eight paths of FACTS.md, plus helpers to render a plan in one
 * language and to walk every Msg in it. Cluster names are deliberately unusual so a
 * test can spot them verbatim.
 */
import { t, type Msg } from '../../../conversations/strings';
import type { CompleteAnswers, Locale } from '../../../conversations/types';
import type { Plan } from '../../../conversations/plan/model';

export const NODE_A = 'EXCH-NODE-A1';
export const NODE_B = 'EXCH-NODE-B2';
export const EVS_A = 'MAIL-EVS-1';
export const EVS_B = 'MAIL-EVS-2';

const sp = { change: 'service-pack' } as const;
const cluster = { nodeA: NODE_A, nodeB: NODE_B, evsA: EVS_A };

/** One base answer per FACTS.md path (service pack, no optional components). */
export const PATHS: Record<string, CompleteAnswers> = {
  '1: Exchange 2000 Standard, not clustered': { version: '2000', product: 'standard', topology: 'single', ...sp },
  '2: Exchange 2000 active/passive cluster': { version: '2000', product: 'enterprise', topology: 'active-passive', ...sp, ...cluster },
  '3: Exchange 2000 active/active cluster': {
    version: '2000', product: 'enterprise', topology: 'active-active', ...sp, ...cluster, evsB: EVS_B,
  },
  '4: Exchange 2000 Conferencing Server': { version: '2000', product: 'conferencing', topology: 'single', ...sp },
  '5: Exchange 2000 on SBS 2000': { version: '2000', product: 'sbs', topology: 'single', ...sp },
  '6: Exchange 5.5, not clustered': { version: '5.5', product: 'enterprise', topology: 'single', ...sp },
  '7: Exchange 5.5 cluster': { version: '5.5', product: 'enterprise', topology: 'active-passive', ...sp, ...cluster },
  '8: Exchange 5.5 on SBS': { version: '5.5', product: 'sbs', topology: 'single', ...sp },
};

export function path(n: number): CompleteAnswers {
  const entry = Object.entries(PATHS).find(([name]) => name.startsWith(`${n}:`));
  if (!entry) throw new Error(`no path ${n}`);
  return entry[1];
}

/** Every Msg a plan holds: title, summary, warnings, notes, step titles and details. */
export function allMsgs(plan: Plan): Msg[] {
  return [
    plan.title,
    ...plan.summary,
    ...plan.warnings,
    ...plan.notes,
    ...plan.steps.flatMap((s) => [s.title, ...s.details]),
  ];
}

/** The whole plan as one text in a language, as a reader would see it. */
export function renderPlan(locale: Locale, plan: Plan): string {
  return allMsgs(plan)
    .map((m) => t(locale, m))
    .join('\n');
}

/** One step's title and details in a language. */
export function renderStep(locale: Locale, plan: Plan, id: string): string {
  const step = plan.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return [step.title, ...step.details].map((m) => t(locale, m)).join('\n');
}

export function stepIds(plan: Plan): string[] {
  return plan.steps.map((s) => s.id);
}

const BOOLS = [false, true];

/** Every answer combination the interview can produce (FACTS P4 filters out the rest later). */
export function everyCombination(): CompleteAnswers[] {
  const out: CompleteAnswers[] = [];
  for (const base of Object.values(PATHS)) {
    for (const change of ['service-pack', 'hotfix'] as const) {
      for (const storeHotfix of BOOLS) {
        for (const adc of BOOLS) {
          for (const adcCustomMaps of BOOLS) {
            for (const terminalServices of BOOLS) {
              for (const mailboxManager of BOOLS) {
                for (const interOrgSync of BOOLS) {
                  out.push({ ...base, change, storeHotfix, adc, adcCustomMaps, terminalServices, mailboxManager, interOrgSync });
                }
              }
            }
          }
        }
      }
    }
  }
  return out;
}
