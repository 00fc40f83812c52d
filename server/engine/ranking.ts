// Ranking per cohort, high to low. Tied agencies share a rank and the next rank is skipped
// (1, 2, 2, 4), as the national DTI ranking does; optional tie-breakers compare node points first.
// One sort per cohort; ranks and averages come from the sorted order in one pass.
import type { CohortRanking, Evaluation, EvaluationView, NodeRecord, NodeResult, Ranking, RankingEntry, Score } from './evaluation';
import type { CompiledVersion } from './compile';
import { Exact } from './exact';
import { hashOf } from './canonical';
import { rounded } from './total';

/** Records of this engine, views of records stored by engine 1, or scores of the scoring-only path. */
type Rankable = Evaluation | EvaluationView | Score;

/** Exact points of the first node with the code, in document order. */
function pointsOf(nodes: readonly (NodeRecord | NodeResult)[], code: string): string | undefined {
  for (const n of nodes) {
    if (n.code === code) return 'pointsExact' in n ? n.pointsExact : String(n.points);
    const inChild = n.children && pointsOf(n.children, code);
    if (inChild !== undefined) return inChild;
  }
  return undefined;
}

/** The values an evaluation is ordered by: the ranking key, then each tie-breaker. */
function sortKeys(compiled: CompiledVersion, e: Rankable): Exact[] {
  const { ranking } = compiled.version;
  const { places, rounding, classifyOn } = compiled.policy;
  const total = Exact.of(e.totalExact);
  const exactKey = ranking.by === 'percentage' ? total.div(Exact.of(e.max || 1)).times(Exact.HUNDRED) : total;
  const keys = [classifyOn === 'rounded' ? exactKey.round(places, rounding) : exactKey];
  compiled.tieBreakers.forEach((t, i) => {
    const text = 'nodes' in e ? (pointsOf(e.nodes, t.code) ?? '0') : (e.tieBreakers[i] ?? '0');
    const points = Exact.of(text);
    keys.push(t.ascending ? points.negated() : points);
  });
  return keys;
}

/** Descending by keys. */
const compareKeys = (a: Exact[], b: Exact[]): number => {
  for (let i = 0; i < a.length; i++) {
    const c = b[i].cmp(a[i]);
    if (c !== 0) return c;
  }
  return 0;
};

export function rankEvaluations(compiled: CompiledVersion, evaluations: readonly Rankable[]): Ranking {
  const { version } = compiled;
  const byCohort = new Map<string, { e: Rankable; keys: Exact[] }[]>();
  for (const e of evaluations) {
    if (e.cohort === null) continue;
    let list = byCohort.get(e.cohort);
    if (!list) byCohort.set(e.cohort, (list = []));
    list.push({ e, keys: sortKeys(compiled, e) });
  }
  const cohorts: CohortRanking[] = [];
  for (const cc of compiled.cohorts) {
    const { cohort } = cc;
    const members = byCohort.get(cohort.id);
    if (!members?.length) continue;
    // Agency id as the last key keeps the order of tied agencies the same on every run.
    members.sort((a, b) => compareKeys(a.keys, b.keys) || (a.e.agencyId < b.e.agencyId ? -1 : a.e.agencyId > b.e.agencyId ? 1 : 0));
    const entries: RankingEntry[] = [];
    let sum = Exact.ZERO;
    let rank = 0;
    members.forEach(({ e, keys }, i) => {
      if (i === 0 || compareKeys(members[i - 1].keys, keys) !== 0) rank = i + 1;
      sum = sum.plus(Exact.of(e.totalExact));
      entries.push({
        agencyId: e.agencyId,
        agencyName: e.agencyName,
        rank: cohort.ranked ? rank : null,
        total: e.total,
        percentage: e.percentage,
        band: e.band,
        results: e.results,
      });
    });
    const average = rounded(compiled, sum.div(Exact.of(members.length)));
    cohorts.push({ cohort: cohort.id, name: cohort.name, ranked: cohort.ranked, max: cohort.maxScore, average, entries });
  }
  const meanOfMeans = cohorts.length ? cohorts.reduce((acc, c) => acc.plus(Exact.of(c.average)), Exact.ZERO).div(Exact.of(cohorts.length)) : Exact.ZERO;
  const body = { ruleSet: version.ruleSet, version: version.version, versionHash: compiled.hash, cohorts, average: rounded(compiled, meanOfMeans) };
  return { ...body, hash: hashOf(body) };
}

/** Recomputes a ranking's hash, to detect a snapshot changed after publication. */
export const rankingHashOf = (ranking: Ranking): string => {
  const { hash: _ignored, ...body } = ranking;
  return hashOf(body);
};
