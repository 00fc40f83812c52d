// Ranking per cohort, high to low. Tied agencies share a rank and the next rank is skipped
// (1, 2, 2, 4), as the national DTI ranking does; optional tie-breakers compare node points first.
import type { CohortRanking, Evaluation, NodeResult, Ranking, RankingEntry } from './evaluation';
import type { CompiledVersion } from './compile';
import { D, round, toNumber, type Decimal } from './decimal';
import { hashOf } from './canonical';

function findNode(nodes: NodeResult[], code: string): NodeResult | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const inChild = n.children && findNode(n.children, code);
    if (inChild) return inChild;
  }
  return undefined;
}

/** The values an evaluation is ordered by: the ranking key, then each tie-breaker. */
function sortKeys(compiled: CompiledVersion, e: Evaluation): Decimal[] {
  const { ranking } = compiled.version;
  const { places, rounding, classifyOn } = compiled.policy;
  const exactKey = ranking.by === 'percentage' ? D(e.totalExact).div(e.max || 1).times(100) : D(e.totalExact);
  const key = classifyOn === 'rounded' ? round(exactKey, places, rounding) : exactKey;
  const breakers = (ranking.tieBreakers ?? []).map((t) => {
    const points = D(findNode(e.nodes, t.node)?.pointsExact ?? '0');
    return t.order === 'ascending' ? points.negated() : points;
  });
  return [key, ...breakers];
}

const compareKeys = (a: Decimal[], b: Decimal[]): number => {
  for (let i = 0; i < a.length; i++) {
    const c = b[i].comparedTo(a[i]);
    if (c !== 0) return c;
  }
  return 0;
};

export function rankEvaluations(compiled: CompiledVersion, evaluations: readonly Evaluation[]): Ranking {
  const { version, policy } = compiled;
  const r = (d: Decimal) => toNumber(round(d, policy.places, policy.rounding));
  const cohorts: CohortRanking[] = [];
  for (const cohort of version.cohorts) {
    const members = evaluations
      .filter((e) => e.cohort === cohort.id)
      .map((e) => ({ e, keys: sortKeys(compiled, e) }))
      // Agency id as the last key keeps the order of tied agencies the same on every run.
      .sort((a, b) => compareKeys(a.keys, b.keys) || (a.e.agencyId < b.e.agencyId ? -1 : a.e.agencyId > b.e.agencyId ? 1 : 0));
    if (members.length === 0) continue;
    const entries: RankingEntry[] = members.map(({ e, keys }) => {
      let rank: number | null = null;
      if (cohort.ranked) {
        const firstEqual = members.findIndex((m) => compareKeys(m.keys, keys) === 0);
        rank = firstEqual + 1;
      }
      return { agencyId: e.agencyId, agencyName: e.agencyName, rank, total: e.total, percentage: e.percentage, band: e.band, results: e.results };
    });
    const sum = members.reduce((acc, m) => acc.plus(m.e.totalExact), D(0));
    cohorts.push({ cohort: cohort.id, name: cohort.name, ranked: cohort.ranked, max: cohort.maxScore, average: r(sum.div(members.length)), entries });
  }
  const meanOfMeans = cohorts.length
    ? cohorts.reduce((acc, c) => acc.plus(D(c.average)), D(0)).div(cohorts.length)
    : D(0);
  const body = { ruleSet: version.ruleSet, version: version.version, versionHash: compiled.hash, cohorts, average: r(meanOfMeans) };
  return { ...body, hash: hashOf(body) };
}

/** Recomputes a ranking's hash, to detect a snapshot changed after publication. */
export const rankingHashOf = (ranking: Ranking): string => {
  const { hash: _ignored, ...body } = ranking;
  return hashOf(body);
};
