// Walking the criteria tree: which nodes apply to a cohort, what each is worth, which facts a
// scoring reads. Shared by the engine, the linter and the diff so they agree on the arithmetic.
import type { Condition, Node, RuleSetVersion, Scoring } from './schemaTypes';
import { Exact, min } from './exact';
import { METHODS, methodOf } from './methods';

export const isLeaf = (node: Node): boolean => node.kind === 'criterion';

export const appliesToCohort = (node: Node, cohort: string): boolean => !node.cohorts || node.cohorts.includes(cohort);

/** Depth-first walk with the JSON Pointer of each node, parents before children. */
export function* walkNodes(
  nodes: readonly Node[],
  basePath = '/criteria',
  parent: Node | null = null,
): Generator<{ node: Node; path: string; parent: Node | null }> {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const path = `${basePath}/${i}`;
    yield { node, path, parent };
    if (node.children) yield* walkNodes(node.children, `${path}/children`, node);
  }
}

/** A node's stable identity: its id, or its code when it has none. */
export const nodeId = (node: Pick<Node, 'id' | 'code'>): string => node.id ?? node.code;

/** The maximum a criterion is scored against in a cohort: its maximum there, or its maximum. */
export const criterionMax = (node: Node, cohort?: string): Exact =>
  Exact.of((cohort !== undefined ? node.maxByCohort?.[cohort] : undefined) ?? node.max ?? 0);

/** Points a criterion can give at most in a cohort: its maximum there, or 0 for methods that add nothing (deductions, not scored …). */
export function leafMax(node: Node, cohort?: string): Exact {
  if (node.scoring && !(METHODS[node.scoring.method].addsToMax as (s: Scoring) => boolean)(node.scoring)) return Exact.ZERO;
  return criterionMax(node, cohort);
}

/** The maximum the version declares for a parent in a cohort, if it declares one. */
export function declaredMax(node: Node, cohort: string): Exact | undefined {
  const byCohort = node.maxByCohort?.[cohort];
  if (byCohort !== undefined) return Exact.of(byCohort);
  return node.max !== undefined ? Exact.of(node.max) : undefined;
}

/**
 * The maximum a node contributes for a cohort, computed from its leaves: the children's sum,
 * or the declared maximum when the parent is capped. Nodes outside the cohort are worth 0.
 */
export function computedMax(node: Node, cohort: string): Exact {
  if (!appliesToCohort(node, cohort)) return Exact.ZERO;
  if (isLeaf(node)) return leafMax(node, cohort);
  const sum = (node.children ?? []).reduce((acc, child) => acc.plus(computedMax(child, cohort)), Exact.ZERO);
  const declared = declaredMax(node, cohort);
  return node.capped && declared !== undefined ? min(sum, declared) : sum;
}

/** The maximum of a whole cohort, computed from the tree. */
export const cohortComputedMax = (version: RuleSetVersion, cohort: string): Exact =>
  version.criteria.reduce((acc, node) => acc.plus(computedMax(node, cohort)), Exact.ZERO);

/** Every fact id a condition tree reads, including facts compared against (`value: { fact }`). */
export function conditionFacts(condition: Condition | undefined, out: Set<string> = new Set()): Set<string> {
  if (!condition) return out;
  if ('all' in condition) condition.all.forEach((c) => conditionFacts(c, out));
  else if ('any' in condition) condition.any.forEach((c) => conditionFacts(c, out));
  else if ('not' in condition) conditionFacts(condition.not, out);
  else {
    out.add(condition.fact);
    const value = condition.value;
    if (value && typeof value === 'object' && !Array.isArray(value) && 'fact' in value) out.add(value.fact);
  }
  return out;
}

/** Every condition tree of a scoring, nested scorings included. */
function scoringConditions(scoring: Scoring, out: Condition[] = []): Condition[] {
  const def = methodOf(scoring);
  for (const { value } of def.conditions(scoring)) out.push(value);
  for (const { value } of def.nested(scoring, 0)) scoringConditions(value.scoring, out);
  return out;
}

/** Every condition tree of a version: cohort membership, applicability, scoring. */
export function versionConditions(version: RuleSetVersion): Condition[] {
  const out = version.cohorts.map((c) => c.membership);
  for (const { node } of walkNodes(version.criteria)) {
    if (node.applicableWhen) out.push(node.applicableWhen);
    if (node.scoring) scoringConditions(node.scoring, out);
  }
  return out;
}

/** Every fact id a scoring method reads: in its conditions, as numbers, and in nested scorings. */
export function scoringFacts(scoring: Scoring, out: Set<string> = new Set()): Set<string> {
  const def = methodOf(scoring);
  for (const { value } of def.conditions(scoring)) conditionFacts(value, out);
  for (const { value } of def.facts(scoring)) out.add(value.fact);
  for (const { value } of def.nested(scoring, 0)) scoringFacts(value.scoring, out);
  return out;
}
