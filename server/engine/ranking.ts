// Ranking per cohort, high to low. Tied agencies share a rank and the next rank is skipped
// (1, 2, 2, 4), as the national DTI ranking does; optional tie-breakers compare node points first.
// One sort per cohort; ranks and averages come from the sorted order in one pass.
import type {
  BandResult,
  CohortRanking,
  Evaluation,
  EvaluationView,
  NodeRecord,
  NodeResult,
  Ranking,
  RankingEntry,
  Score,
} from './evaluation';
import type { CompiledVersion } from './compile';
import { Exact } from './exact';
import { canonicalJson, jsonValue, sha256Hex, unsortableValues } from './canonical';
import { rounded } from './total';

/** Records of this engine, views of records stored by engine 1, or scores of the scoring-only path. */
type Rankable = Evaluation | EvaluationView | Score;

/** Exact points of the first node with the code, in document order. */
export function pointsOf(nodes: readonly (NodeRecord | NodeResult)[], code: string): string | undefined {
  for (const n of nodes) {
    if (n.code === code || n.id === code) return 'pointsExact' in n ? n.pointsExact : String(n.points);
    const inChild = n.children && pointsOf(n.children, code);
    if (inChild !== undefined) return inChild;
  }
  return undefined;
}

class Member {
  private exactKeys: Exact[] | null = null;
  /** The ranking key as a double: members far apart are ordered without exact arithmetic. */
  readonly approx: number;

  constructor(
    private readonly compiled: CompiledVersion,
    readonly e: Rankable,
    readonly total: Exact,
  ) {
    const byTotal = compiled.version.ranking.by !== 'percentage' && compiled.policy.classifyOn !== 'rounded';
    this.approx = byTotal ? Number(e.totalExact) : this.keys()[0].approx();
  }

  /** The values an evaluation is ordered by: the ranking key, then each tie-breaker (computed when needed). */
  keys(): Exact[] {
    if (this.exactKeys) return this.exactKeys;
    const { compiled, e, total } = this;
    const { places, rounding, classifyOn } = compiled.policy;
    const exactKey = compiled.version.ranking.by === 'percentage' ? total.div(Exact.of(e.max || 1)).times(Exact.HUNDRED) : total;
    const keys = [classifyOn === 'rounded' ? exactKey.round(places, rounding) : exactKey];
    compiled.tieBreakers.forEach((t, i) => {
      const points = Exact.of('nodes' in e ? (pointsOf(e.nodes, t.code) ?? '0') : (e.tieBreakers[i] ?? '0'));
      keys.push(t.ascending ? points.negated() : points);
    });
    return (this.exactKeys = keys);
  }
}

/** Descending by keys. */
function compareKeys(a: Member, b: Member): number {
  const gap = b.approx - a.approx;
  if (Math.abs(gap) > 1e-9 * Math.max(Math.abs(a.approx), Math.abs(b.approx))) return gap < 0 ? -1 : 1;
  const x = a.keys();
  const y = b.keys();
  for (let i = 0; i < x.length; i++) {
    const c = y[i].cmp(x[i]);
    if (c !== 0) return c;
  }
  return 0;
}

// Agency id as the last key keeps the order of tied agencies the same on every run.
const compareMembers = (a: Member, b: Member): number =>
  compareKeys(a, b) || (a.e.agencyId < b.e.agencyId ? -1 : a.e.agencyId > b.e.agencyId ? 1 : 0);

/** Small objects of the entries, in canonical key order (records of engine 1 may hold them otherwise). */
const inOrder = <T>(value: T): T =>
  value !== null && typeof value === 'object' && Object.keys(value).length > 1 ? (jsonValue(value) as T) : value;

export function rankEvaluations(compiled: CompiledVersion, evaluations: readonly Rankable[]): Ranking {
  const { version } = compiled;
  const unsortable = unsortableValues();
  const byCohort = new Map<string, Member[]>();
  for (const e of evaluations) {
    if (e.cohort === null) continue;
    let list = byCohort.get(e.cohort);
    if (!list) byCohort.set(e.cohort, (list = []));
    list.push(new Member(compiled, e, Exact.of(e.totalExact)));
  }
  const cohorts: CohortRanking[] = [];
  let sumOfAll = Exact.ZERO;
  let units = 0;
  for (const cc of compiled.cohorts) {
    const { cohort } = cc;
    const members = byCohort.get(cohort.id);
    if (!members?.length) continue;
    members.sort(compareMembers);
    const bands = new Map<string, BandResult>(cc.bands.map((b) => [b.result.id, b.result]));
    const entries: RankingEntry[] = [];
    let sum = Exact.ZERO;
    let rank = 0;
    // Built with keys in canonical order, like evaluation records, so the hash needs no sorting pass.
    members.forEach((m, i) => {
      if (i === 0 || compareKeys(members[i - 1], m) !== 0) rank = i + 1;
      sum = sum.plus(m.total);
      const { e } = m;
      entries.push({
        agencyId: e.agencyId,
        agencyName: e.agencyName,
        band: e.band === null ? null : (bands.get(e.band.id) ?? inOrder(e.band)),
        percentage: e.percentage,
        rank: cohort.ranked ? rank : null,
        results: inOrder(e.results),
        total: e.total,
      });
    });
    sumOfAll = sumOfAll.plus(sum);
    units += members.length;
    const average = rounded(compiled, sum.div(Exact.of(members.length)));
    cohorts.push({ average, cohort: cohort.id, entries, max: cohort.maxScore, name: inOrder(cohort.name), ranked: cohort.ranked });
  }
  // The published overall average: the mean of the cohorts' (rounded) means, as Son La publishes it, or over every unit.
  const overall =
    version.ranking.average === 'meanOfUnits'
      ? units
        ? sumOfAll.div(Exact.of(units))
        : Exact.ZERO
      : cohorts.length
        ? cohorts.reduce((acc, c) => acc.plus(Exact.of(c.average)), Exact.ZERO).div(Exact.of(cohorts.length))
        : Exact.ZERO;
  const body = {
    average: rounded(compiled, overall),
    cohorts,
    ruleSet: version.ruleSet,
    version: version.version,
    versionHash: compiled.hash,
  };
  const text = unsortableValues() === unsortable ? JSON.stringify(body) : canonicalJson(body);
  return { ...body, hash: sha256Hex(text) };
}

/** Recomputes a ranking's hash, to detect a snapshot changed after publication. */
export const rankingHashOf = (ranking: Ranking): string => {
  const { hash: _ignored, ...body } = ranking;
  return sha256Hex(canonicalJson(body));
};
