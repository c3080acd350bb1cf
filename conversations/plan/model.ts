/**
 * A rollout plan for KB 328839: what to do, in which order, on which node.
 * Built by the pure function `buildPlan` (conversations/plan) from complete answers;
 * stored with the rollout as JSON and drawn in the rollout's language.
 */
import type { Msg } from '../strings';

export type Phase = 'before' | 'apply' | 'after';
export const PHASES: readonly Phase[] = ['before', 'apply', 'after'];

/** A FACTS.md id, e.g. 'E2K-1', 'C2', 'P5'. */
export type FactId = string;

export interface PlanStep {
  /** Stable within the plan, kebab-case, e.g. 'full-backup', 'apply-node-b'. Max 40 chars. */
  id: string;
  phase: Phase;
  title: Msg;
  /** Extra lines: how, where, why. */
  details: Msg[];
  /** The FACTS.md ids this step comes from. */
  facts: FactId[];
  /** Microsoft KB article numbers to read, e.g. ['316794']. */
  kbs: string[];
  /** The cluster node this step runs on, verbatim as the admin typed it. */
  node?: string;
  /**
   * Ordering gate: ids of steps that must be done or skipped before this one may be
   * confirmed. Steps listed earlier only; an empty list means "any time".
   */
  requires: string[];
}

export interface Plan {
  title: Msg;
  /** The answers in short, one line each. */
  summary: Msg[];
  /** Traps the admin must not miss (shown prominently). */
  warnings: Msg[];
  /** Background, clearly marked as such (P5, K4). */
  notes: Msg[];
  /** In order: all 'before' steps, then 'apply', then 'after'. */
  steps: PlanStep[];
}
