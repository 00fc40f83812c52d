// Results read as a ranking is published: cohort by cohort in the order the version lists them,
// within a cohort by rank, then by the agency's name in Vietnamese alphabetical order. Ranks only
// mean something within their cohort, so a list mixing cohorts shows two agencies ranked 10th.

export interface Placed {
  cohort: string | null;
  rank: number | null;
  name: string;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Rows sorted cohort, rank, name; rows outside any of the version's cohorts, and unranked rows, last. */
export function inRankingOrder<T>(rows: readonly T[], cohortOrder: readonly string[], place: (row: T) => Placed): T[] {
  const position = (cohort: string | null) => {
    const i = cohort === null ? -1 : cohortOrder.indexOf(cohort);
    return i < 0 ? cohortOrder.length : i;
  };
  const keyed = rows.map((row) => ({ row, p: place(row) }));
  keyed.sort(
    (a, b) =>
      position(a.p.cohort) - position(b.p.cohort) ||
      collator.compare(a.p.cohort ?? '', b.p.cohort ?? '') ||
      (a.p.rank ?? Infinity) - (b.p.rank ?? Infinity) ||
      collator.compare(a.p.name, b.p.name),
  );
  return keyed.map((k) => k.row);
}

export interface CohortGroup<T> {
  cohort: string | null;
  rows: T[];
}

/** The same order, one group per cohort. */
export function groupByCohort<T>(rows: readonly T[], cohortOrder: readonly string[], place: (row: T) => Placed): CohortGroup<T>[] {
  const groups: CohortGroup<T>[] = [];
  for (const row of inRankingOrder(rows, cohortOrder, place)) {
    const cohort = place(row).cohort;
    const last = groups[groups.length - 1];
    if (last && last.cohort === cohort) last.rows.push(row);
    else groups.push({ cohort, rows: [row] });
  }
  return groups;
}
