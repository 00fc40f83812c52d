// Walking the criteria tree: which nodes apply to a cohort, what each is worth, which facts a
// condition reads. Shared by the engine, the linter and the diff so they agree on the arithmetic.
import type { Condition, Node, Quantity, RuleSetVersion, Scoring } from './schemaTypes';
import { D, min, type Decimal } from './decimal';

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

/** Points a scoring method can give at most. Deductions, not-scored and not-applicable items add nothing. */
export function leafMax(node: Node): Decimal {
  const method = node.scoring?.method;
  if (method === 'deduction' || method === 'notScored' || method === 'notApplicable') return D(0);
  return D(node.max ?? 0);
}

/**
 * The maximum a node contributes for a cohort, computed from its leaves: the children's sum,
 * or the declared maximum when the parent is capped. Nodes outside the cohort are worth 0.
 */
export function computedMax(node: Node, cohort: string): Decimal {
  if (!appliesToCohort(node, cohort)) return D(0);
  if (isLeaf(node)) return leafMax(node);
  const sum = (node.children ?? []).reduce((acc, child) => acc.plus(computedMax(child, cohort)), D(0));
  const declared = declaredMax(node, cohort);
  return node.capped && declared !== undefined ? min(sum, declared) : sum;
}

/** The maximum the version declares for a parent in a cohort, if it declares one. */
export function declaredMax(node: Node, cohort: string): Decimal | undefined {
  const byCohort = node.maxByCohort?.[cohort];
  if (byCohort !== undefined) return D(byCohort);
  return node.max !== undefined ? D(node.max) : undefined;
}

/** The maximum of a whole cohort, computed from the tree. */
export const cohortComputedMax = (version: RuleSetVersion, cohort: string): Decimal =>
  version.criteria.reduce((acc, node) => acc.plus(computedMax(node, cohort)), D(0));



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

/** Every leaf condition of a tree, in document order. */
export function leafConditions(condition: Condition): Extract<Condition, { fact: string }>[] {
  if ('all' in condition) return condition.all.flatMap(leafConditions);
  if ('any' in condition) return condition.any.flatMap(leafConditions);
  if ('not' in condition) return leafConditions(condition.not);
  return [condition];
}

const quantityFacts = (q: Quantity): string[] =>
  'fact' in q ? [q.fact] : [q.numerator, ...(typeof q.denominator === 'string' ? [q.denominator] : [])];

/** Every fact id a scoring method reads. */
export function scoringFacts(scoring: Scoring, out: Set<string> = new Set()): Set<string> {
  switch (scoring.method) {
    case 'yesNo':
      conditionFacts(scoring.when, out);
      break;
    case 'cases':
      scoring.cases.forEach((c) => conditionFacts(c.when, out));
      break;
    case 'parts':
      scoring.parts.forEach((c) => conditionFacts(c.when, out));
      break;
    case 'proportional':
    case 'gatedProportional':
      out.add(scoring.numerator);
      if (typeof scoring.denominator === 'string') out.add(scoring.denominator);
      break;
    case 'tiers':
    case 'relativeToBest':
      quantityFacts(scoring.value).forEach((f) => out.add(f));
      break;
    case 'countCap':
    case 'deduction':
    case 'manual':
      out.add(scoring.fact);
      break;
    case 'composite':
      scoring.parts.forEach((p) => scoringFacts(p.scoring, out));
      break;
    case 'bestOf':
      scoring.options.forEach((o) => scoringFacts(o.scoring, out));
      break;
    case 'notScored':
      scoring.facts?.forEach((f) => out.add(f));
      break;
    case 'notApplicable':
      break;
  }
  return out;
}
