// Scoring the criteria tree of one agency: leaves by their method, parents by adding up their
// children. Items that do not apply leave the agency's maximum; deductions can take points away
// but (by policy) never push a group below zero.
import type { FactValue, Node } from './schemaTypes';
import type { NodeResult, NodeStatus } from './evaluation';
import type { SlotResults } from './conditions';
import { applicabilitySlot, criterionSlot, type CompiledVersion } from './compile';
import { D, exact, max as dmax, min, round, toNumber, type Decimal } from './decimal';
import { score } from './methods';
import { appliesToCohort, declaredMax, isLeaf, leafMax } from './tree';
import { bi } from './text';

export interface TreeInput {
  compiled: CompiledVersion;
  cohort: string;
  facts: Record<string, FactValue | undefined>;
  slots: SlotResults;
  best: Record<string, string>;
}

/** A node's result while rolling up: exact decimals, turned into NodeResult at the end. */
export interface Scored {
  node: Node;
  status: NodeStatus;
  points: Decimal;
  max: Decimal;
  result: Omit<NodeResult, 'points' | 'pointsExact' | 'max' | 'children'>;
  children?: Scored[];
}

const NOT_APPLICABLE = bi('Không áp dụng đối với cơ quan, đơn vị này', 'Does not apply to this agency');

function scoreNode(node: Node, input: TreeInput, forcedNA: boolean): Scored {
  const { compiled, slots } = input;
  const applicability = node.applicableWhen ? slots.get(applicabilitySlot(node.code)) : undefined;
  const notApplicable = forcedNA || (applicability !== undefined && !applicability.holds);
  const base = {
    code: node.code,
    kind: node.kind,
    title: node.title,
    ...(node.provisional ? { provisional: true } : {}),
  };

  if (isLeaf(node)) {
    if (notApplicable) {
      return {
        node,
        status: 'notApplicable',
        points: D(0),
        max: D(0),
        result: { ...base, status: 'notApplicable', explanation: NOT_APPLICABLE, trace: { method: node.scoring!.method, values: {}, conditions: applicability?.trace ?? [] } },
      };
    }
    const declared = D(node.max ?? 0);
    const s = score(node.scoring!, declared, criterionSlot(node.code), { facts: input.facts, factDefs: compiled.factDefs, slots, best: input.best });
    const method = node.scoring!.method;
    const status: NodeStatus = s.notApplicable ? 'notApplicable' : method === 'notScored' ? 'notScored' : 'scored';
    const cap = status === 'scored' ? leafMax(node) : D(0);
    let points = method === 'deduction' ? s.points : dmax(min(s.points, cap), D(0));
    if (status !== 'scored') points = D(0);
    if (compiled.policy.roundCriteria) points = round(points, compiled.policy.places, compiled.policy.rounding);
    return { node, status, points, max: cap, result: { ...base, status, explanation: s.explanation, trace: s.trace } };
  }

  const children = (node.children ?? [])
    .filter((c) => appliesToCohort(c, input.cohort))
    .map((c) => scoreNode(c, input, notApplicable));
  let max = children.reduce((acc, c) => acc.plus(c.max), D(0));
  let points = children.reduce((acc, c) => acc.plus(c.points), D(0));
  const declared = declaredMax(node, input.cohort);
  if (node.capped && declared !== undefined) max = min(max, declared);
  points = min(points, max);
  if (compiled.policy.floorAtZero) points = dmax(points, D(0));
  const status: NodeStatus = children.every((c) => c.status === 'notApplicable')
    ? 'notApplicable'
    : children.every((c) => c.status !== 'scored')
      ? 'notScored'
      : 'scored';
  return {
    node,
    status,
    points,
    max,
    result: { ...base, status, ...(notApplicable && applicability ? { explanation: NOT_APPLICABLE } : {}) },
    children,
  };
}

export function scoreTree(input: TreeInput): Scored[] {
  return input.compiled.version.criteria.filter((n) => appliesToCohort(n, input.cohort)).map((n) => scoreNode(n, input, false));
}

/** The exact values become rounded numbers for display; the exact text is kept beside them. */
export function toNodeResult(s: Scored, compiled: CompiledVersion): NodeResult {
  const { places, rounding } = compiled.policy;
  return {
    ...s.result,
    points: toNumber(round(s.points, places, rounding)),
    pointsExact: exact(s.points),
    max: toNumber(s.max),
    ...(s.children ? { children: s.children.map((c) => toNodeResult(c, compiled)) } : {}),
  };
}

export const hasNotApplicable = (nodes: Scored[]): boolean =>
  nodes.some((n) => n.status === 'notApplicable' || (n.children ? hasNotApplicable(n.children) : false));
