// What an agency compares itself with: its cohort's average per main index, computed from the
// cohort's results without handing over any one agency's own numbers.
import { Exact } from './exact';
import type { EvaluationView, NodeResult } from './evaluation';
import type { LocalizedText } from './schemaTypes';

/** The main indices of a result: the top-level nodes, or the children of top-level groups. */
export const mainIndices = (nodes: readonly NodeResult[]): NodeResult[] =>
  nodes.flatMap((n) => (n.kind === 'group' && n.children ? n.children : [n])).filter((n) => n.status !== 'notScored');

export interface IndexAverage {
  code: string;
  title: LocalizedText;
  /** Agencies the index applies to (a maximum above 0): the ones averaged. */
  agencies: number;
  /** Mean points of those agencies. */
  points: number;
  /** Mean of their maxima (equal to each one's unless items did not apply to some). */
  max: number;
  /** Mean of each agency's points ÷ its maximum × 100. */
  percentage: number;
}

const mean = (values: Exact[], places: number): number =>
  values
    .reduce((s, v) => s.plus(v), Exact.ZERO)
    .div(Exact.of(values.length))
    .round(places)
    .toNumber();

export interface CohortAverages {
  /** Mean total and mean percentage over the results. */
  total: number;
  percentage: number;
  indices: IndexAverage[];
}

/** The mean total and percentage, and per main index (in the order the results list them) the mean over the results it applies to. */
export function cohortAverages(results: readonly EvaluationView[], places: number): CohortAverages {
  const totals = results.map((r) => Exact.of(r.totalExact));
  const percentages = results.filter((r) => r.max > 0).map((r) => Exact.of(r.totalExact).div(Exact.of(r.max)).times(Exact.HUNDRED));
  return {
    total: totals.length ? mean(totals, places) : 0,
    percentage: percentages.length ? mean(percentages, places) : 0,
    indices: indexAverages(results, places),
  };
}

function indexAverages(results: readonly EvaluationView[], places: number): IndexAverage[] {
  const byCode = new Map<string, { title: LocalizedText; points: Exact[]; max: Exact[]; percentage: Exact[] }>();
  for (const result of results) {
    for (const n of mainIndices(result.nodes)) {
      let index = byCode.get(n.code);
      if (!index) byCode.set(n.code, (index = { title: n.title, points: [], max: [], percentage: [] }));
      if (!(n.max > 0)) continue;
      const points = Exact.of(n.pointsExact ?? n.points);
      const max = Exact.of(n.max);
      index.points.push(points);
      index.max.push(max);
      index.percentage.push(points.div(max).times(Exact.HUNDRED));
    }
  }
  return [...byCode].map(([code, i]) => ({
    code,
    title: i.title,
    agencies: i.points.length,
    points: i.points.length ? mean(i.points, places) : 0,
    max: i.max.length ? mean(i.max, places) : 0,
    percentage: i.percentage.length ? mean(i.percentage, places) : 0,
  }));
}
