// What a list filter names must exist: a rule set, version, period or cohort that is not there is
// refused with a 400 that points at the filter, never taken as "no such rows" (a typo would
// otherwise look like an empty list) nor ignored (it would look like every row).
import type { Bilingual } from '../engine';
import type { Queryable } from '../store/db';
import { ruleSetExists } from '../store/ruleSets';
import { cohortIdsOf } from '../store/versions';
import { Problem } from '../problems/problem';

/** A 400 naming the filter key and saying what is wrong with its value. */
export function badFilter(key: string, what: Bilingual): Problem {
  return new Problem('invalid-query', { vi: `Bộ lọc "${key}" ${what.vi}.`, en: `Filter "${key}" ${what.en}.` }, [
    {
      severity: 'error',
      path: `/query/filter/${key}`,
      code: 'invalid-query',
      message: { vi: `"${key}" ${what.vi}`, en: `"${key}" ${what.en}` },
    },
  ]);
}

/** `read` of what the filter names, with its 404 turned into the filter's 400. */
export async function named<T>(key: string, value: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof Problem && e.status === 404) throw badFilter(key, { vi: `không có "${value}"`, en: `names no "${value}"` });
    throw e;
  }
}

export async function assertRuleSetFilter(db: Queryable, ruleSet: string | undefined): Promise<void> {
  if (ruleSet !== undefined && !(await ruleSetExists(db, ruleSet))) {
    throw badFilter('ruleSet', { vi: `không có bộ chỉ số "${ruleSet}"`, en: `names no rule set "${ruleSet}"` });
  }
}

/** A cohort some version (of the rule set, when given) defines. */
export async function assertCohortFilter(db: Queryable, cohort: string | undefined, ruleSet?: string): Promise<void> {
  if (cohort !== undefined && !(await cohortIdsOf(db, ruleSet)).has(cohort)) throw unknownCohort(cohort);
}

export const unknownCohort = (cohort: string) =>
  badFilter('cohort', { vi: `không có khối "${cohort}"`, en: `names no cohort "${cohort}"` });
