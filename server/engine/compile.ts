// A version compiled once into synchronous closures: each cohort's membership rule, and per cohort
// its criteria tree (applicability conditions, one scorer per criterion, the maxima that roll up),
// its bands and its ranking keys. Evaluating many submissions then only runs closures.
import type { BandResult } from './evaluation';
import type { Cohort, Fact, Node, NumericPolicy, RuleSetVersion, Scoring } from './schemaTypes';
import { compileCondition, type ConditionFn } from './conditions/compile';
import { Exact } from './exact';
import { hashOf, jsonValue } from './canonical';
import { assertShallow } from './limits';
import { METHODS } from './methods';
import type { CompiledScoring, Compiler } from './methods/types';
import type { QuantityReader } from './quantity';
import { appliesToCohort, criterionMax, declaredMax, isLeaf, leafMax, versionConditions, walkNodes } from './tree';
import { leavesOf } from './conditions/view';

export type Policy = Required<NumericPolicy>;

export interface CompiledLeaf {
  leaf: true;
  node: Node;
  applicable: ConditionFn | null;
  score: CompiledScoring;
  /** What the criterion can add (0 for deductions, not-scored and not-applicable items). */
  cap: Exact;
  deduction: boolean;
  notScored: boolean;
}

export interface CompiledParent {
  leaf: false;
  node: Node;
  applicable: ConditionFn | null;
  children: CompiledNode[];
  /** The declared maximum, applied when the node is `capped`. */
  cap: Exact | undefined;
}

export type CompiledNode = CompiledLeaf | CompiledParent;

export interface CompiledBand {
  min: Exact;
  result: BandResult;
}

export interface CompiledCohort {
  cohort: Cohort;
  max: Exact;
  nodes: CompiledNode[];
  /** Highest threshold first. */
  bands: CompiledBand[];
  bandBasis: 'points' | 'percentage';
}

/** A value compared across the cohort (relative to the best), with what decides who counts. */
export interface CohortValue {
  slot: string;
  node: Node;
  applicable: ConditionFn | null;
  value: QuantityReader;
}

export interface CompiledVersion {
  readonly version: RuleSetVersion;
  /** SHA-256 of the canonical JSON of the version document. */
  readonly hash: string;
  readonly policy: Policy;
  readonly factDefs: ReadonlyMap<string, Fact>;
  /** In the version's order; an agency belongs to the first whose rule holds. */
  readonly cohorts: readonly CompiledCohort[];
  readonly membership: readonly ConditionFn[];
  readonly cohortValues: readonly CohortValue[];
  /** Node codes of the ranking's tie-breakers, in order. */
  readonly tieBreakers: readonly { code: string; ascending: boolean }[];
  /** Fact ids in canonical (sorted) order, to hash a submission's facts without sorting them. */
  readonly sortedFactIds: readonly string[];
  /** Some condition compares with a date of the assessed year: evaluations then record the year. */
  readonly usesYear: boolean;
  /** The year assessed when none is given: the year the version takes effect. */
  readonly defaultYear: number;
}

export const criterionSlot = (code: string): string => `n:${code}`;

/** Compiles a scoring and everything nested in it; `onValue` hears of cohort-compared values. */
function scoringCompiler(factDefs: ReadonlyMap<string, Fact>, onValue: (slot: string, value: QuantityReader) => void): Compiler {
  const compiler: Compiler = {
    factDefs,
    condition: compileCondition,
    nested: (scoring: Scoring, max: Exact, slot: string) => compileScoring(scoring, max, slot, compiler),
    cohortValue: onValue,
  };
  return compiler;
}

const compileScoring = (scoring: Scoring, max: Exact, slot: string, compiler: Compiler): CompiledScoring =>
  (METHODS[scoring.method].compile as (s: Scoring, m: Exact, sl: string, c: Compiler) => CompiledScoring)(scoring, max, slot, compiler);

function compileNode(node: Node, cohort: string, compiler: Compiler, conditions: Map<Node, ConditionFn | null>): CompiledNode {
  const applicable = conditions.get(node) ?? null;
  if (isLeaf(node)) {
    const scoring = node.scoring!;
    return {
      leaf: true,
      node,
      applicable,
      // Scored against this cohort's maximum: fractions of cases, parts and tiers scale with it.
      score: compileScoring(scoring, criterionMax(node, cohort), criterionSlot(node.code), compiler),
      cap: leafMax(node, cohort),
      deduction: scoring.method === 'deduction',
      notScored: scoring.method === 'notScored',
    };
  }
  return {
    leaf: false,
    node,
    applicable,
    children: (node.children ?? []).filter((c) => appliesToCohort(c, cohort)).map((c) => compileNode(c, cohort, compiler, conditions)),
    cap: node.capped ? declaredMax(node, cohort) : undefined,
  };
}

function compileBands(version: RuleSetVersion, cohort: Cohort): Pick<CompiledCohort, 'bands' | 'bandBasis'> {
  const bands = cohort.bands ?? version.bands;
  const levels = [...bands.levels].sort((a, b) => b.min - a.min);
  // Band results go into records, which are built in canonical key order.
  const compiled = levels.map((l) => ({
    min: Exact.of(l.min),
    result: jsonValue({ id: l.id, label: l.label, ...(l.color ? { color: l.color } : {}) }) as BandResult,
  }));
  return { bands: compiled, bandBasis: bands.basis };
}

export function compileVersion(version: RuleSetVersion): CompiledVersion {
  assertShallow(version);
  const factDefs = new Map(version.facts.map((f) => [f.id, f]));
  const conditions = new Map<Node, ConditionFn | null>();
  for (const { node } of walkNodes(version.criteria))
    conditions.set(node, node.applicableWhen ? compileCondition(node.applicableWhen) : null);

  // Cohort-compared values are found over the whole tree, whichever cohorts reach each criterion.
  const cohortValues: CohortValue[] = [];
  for (const { node } of walkNodes(version.criteria)) {
    if (!node.scoring) continue;
    const collect = scoringCompiler(factDefs, (slot, value) =>
      cohortValues.push({ slot, node, applicable: conditions.get(node) ?? null, value }),
    );
    compileScoring(node.scoring, Exact.of(node.max ?? 0), criterionSlot(node.code), collect);
  }

  const ignore = scoringCompiler(factDefs, () => {});
  const cohorts = version.cohorts.map((cohort): CompiledCohort => ({
    cohort,
    max: Exact.of(cohort.maxScore),
    nodes: version.criteria.filter((n) => appliesToCohort(n, cohort.id)).map((n) => compileNode(n, cohort.id, ignore, conditions)),
    ...compileBands(version, cohort),
  }));
  const n = version.numeric;
  let hash: string | null = null;
  return {
    version,
    // Hashing a large version takes longer in the browser than scoring a period with it: on demand.
    get hash() {
      return (hash ??= hashOf(version));
    },
    policy: {
      arithmetic: 'decimal',
      places: n.places,
      rounding: n.rounding,
      roundCriteria: n.roundCriteria ?? false,
      classifyOn: n.classifyOn ?? 'exact',
      floorAtZero: n.floorAtZero ?? true,
    },
    factDefs,
    cohorts,
    membership: version.cohorts.map((c) => compileCondition(c.membership)),
    cohortValues,
    tieBreakers: (version.ranking.tieBreakers ?? []).map((t) => ({ code: t.node, ascending: t.order === 'ascending' })),
    sortedFactIds: [...factDefs.keys()].sort(),
    usesYear: versionConditions(version).some((c) =>
      leavesOf(c).some((l) => l.value !== null && typeof l.value === 'object' && 'periodDate' in l.value),
    ),
    defaultYear: Number(version.effective.from.slice(0, 4)),
  };
}
