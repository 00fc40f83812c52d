// Cohort membership is computed by the version's rules over the agency's attributes, so a new
// regulation can regroup agencies without touching the agency records.
import type { Agency } from './schemaTypes';
import type { SlotResults } from './conditions';
import { cohortSlot, type CompiledVersion } from './compile';

export interface CohortAssignment {
  /** The first cohort (in the version's order) whose rule holds, or null. */
  cohort: string | null;
  /** Every cohort whose rule holds; more than one is a rule-set error the linter reports. */
  matches: string[];
}

export function cohortFromSlots(compiled: CompiledVersion, slots: SlotResults): CohortAssignment {
  const matches = compiled.cohorts.filter((c) => slots.get(cohortSlot(c.id))?.holds).map((c) => c.id);
  return { cohort: matches[0] ?? null, matches };
}

export async function assignCohort(compiled: CompiledVersion, agency: Agency): Promise<CohortAssignment> {
  return cohortFromSlots(compiled, await compiled.membership.run({ agency }));
}
