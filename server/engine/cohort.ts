// Cohort membership is computed by the version's rules over the agency's attributes (and, where a
// rule reads them, its facts), so a new regulation can regroup agencies without touching the records.
import type { Agency, FactValue } from './schemaTypes';
import type { CompiledCohort, CompiledVersion } from './compile';
import { Bests, type Env } from './env';

export interface CohortAssignment {
  /** The first cohort (in the version's order) whose rule holds, or null. */
  cohort: string | null;
  /** Every cohort whose rule holds; more than one is a rule-set error the linter reports. */
  matches: string[];
}

/** The compiled cohort a submission belongs to, or null. */
export function cohortOf(compiled: CompiledVersion, env: Env): CompiledCohort | null {
  for (let i = 0; i < compiled.membership.length; i++) if (compiled.membership[i](env, null)) return compiled.cohorts[i];
  return null;
}

export function assignCohort(compiled: CompiledVersion, agency: Agency, facts: Record<string, FactValue> = {}): CohortAssignment {
  const env: Env = { facts, agency, best: Bests.NONE, year: compiled.defaultYear };
  const matches = compiled.cohorts.filter((_, i) => compiled.membership[i](env, null)).map((c) => c.cohort.id);
  return { cohort: matches[0] ?? null, matches };
}
