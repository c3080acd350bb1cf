/** The plan builder's public face: build a plan, or ask why one cannot be built. */
export { buildPlan } from './build';
export { planProblems } from './problems';
export { FACT_IDS, isFactId, type KnownFactId } from './facts';
