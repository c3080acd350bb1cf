/**
 * The ids of FACTS.md (shared/knowledge, after Microsoft KB 328839). Plan steps cite
 * these; a test checks every cited id is listed here, so a typo cannot slip into a plan.
 */
export const FACT_IDS = [
  'P1', 'P2', 'P3', 'P4', 'P5',
  'E2K-1', 'E2K-2', 'E2K-3', 'E2K-4', 'E2K-5', 'E2K-6', 'E2K-7', 'E2K-8',
  'C1', 'C2', 'C3', 'C4', 'C5', 'C6',
  'E55-1', 'E55-2', 'E55-3', 'E55-4', 'E55-5', 'E55-6', 'E55-7',
  'C7', 'C8', 'C9',
  'K1', 'K2', 'K3', 'K4',
] as const;

export type KnownFactId = (typeof FACT_IDS)[number];

export function isFactId(id: string): id is KnownFactId {
  return (FACT_IDS as readonly string[]).includes(id);
}
