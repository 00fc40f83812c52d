// Scoring the criteria tree of one agency: leaves by their method, parents by adding up their
// children. Items that do not apply leave the agency's maximum; deductions can take points away
// but (by policy) never push a group below zero. The full evaluation and the scoring-only path
// both run this, so they cannot disagree on a point.
import type { CompiledCohort, CompiledNode, Policy } from './compile';
import type { Env } from './env';
import type { LeafRecord, NodeRecord, NodeStatus } from './evaluation';
import { Exact, min } from './exact';
import { Tracer } from './methods/tracer';

export interface Rolled {
  points: Exact;
  max: Exact;
  status: NodeStatus;
  /** The stored form, when tracing. */
  record: NodeRecord | null;
}

export interface Rollup {
  nodes: Rolled[];
  /** Some node anywhere in the tree does not apply (the total is then rescaled or the maximum reduced). */
  anyNotApplicable: boolean;
  kept: ReadonlyMap<string, Exact | null>;
}

interface State {
  env: Env;
  policy: Policy;
  tracing: boolean;
  anyNotApplicable: boolean;
  /** The ranking's tie-breaker codes, whose points the scoring-only path keeps. */
  wanted: ReadonlySet<string> | null;
  /** Points of the first node (in document order) with each wanted code. */
  kept: Map<string, Exact | null>;
}

/** A node's own id when it has one besides its code (records name nodes by code, stably by id). */
const idOf = (n: CompiledNode): string | undefined => (n.node.id !== undefined && n.node.id !== n.node.code ? n.node.id : undefined);

/** A node's record, keys in canonical order. */
function leafRecord(
  n: CompiledNode,
  max: Exact,
  points: Exact,
  status: NodeStatus,
  trace: NodeRecord['trace'],
  zeroed?: string,
): NodeRecord {
  const id = idOf(n);
  return {
    code: n.node.code,
    ...(id ? { id } : {}),
    max: max.toNumber(),
    points: points.toString(),
    ...(status !== 'scored' ? { status } : {}),
    ...(trace ? { trace } : {}),
    ...(zeroed !== undefined ? { zeroed } : {}),
  };
}

function roll(n: CompiledNode, st: State, forcedNA: boolean): Rolled {
  const code = n.node.code;
  const claim = st.wanted !== null && st.wanted.has(code) && !st.kept.has(code);
  if (claim) st.kept.set(code, null);
  let applicability: LeafRecord[] | null = null;
  let notApplicable = forcedNA;
  if (n.applicable) {
    applicability = st.tracing ? [] : null;
    if (!n.applicable(st.env, applicability)) notApplicable = true;
  }

  let result: Rolled;
  if (n.leaf) {
    if (notApplicable) {
      result = {
        points: Exact.ZERO,
        max: Exact.ZERO,
        status: 'notApplicable',
        record: st.tracing ? leafRecord(n, Exact.ZERO, Exact.ZERO, 'notApplicable', { applicability: applicability ?? [] }) : null,
      };
    } else {
      const tracer = st.tracing ? new Tracer() : null;
      const scored = n.score(st.env, tracer);
      const status: NodeStatus = scored === null ? 'notApplicable' : n.notScored ? 'notScored' : 'scored';
      let points = Exact.ZERO;
      let cap = Exact.ZERO;
      // Zeroing takes what an item would have earned, not what a deduction takes away.
      const zeroed = status === 'scored' && !n.deduction ? st.env.zeroed?.[code] : undefined;
      if (status === 'scored') {
        cap = n.cap;
        points = n.deduction ? scored! : min(scored!, cap);
        if (!n.deduction && points.isNegative()) points = Exact.ZERO;
        if (st.policy.roundCriteria) points = points.round(st.policy.places, st.policy.rounding);
        if (zeroed !== undefined) points = Exact.ZERO;
      }
      result = { points, max: cap, status, record: tracer ? leafRecord(n, cap, points, status, tracer.build(), zeroed) : null };
    }
  } else {
    const records: NodeRecord[] | null = st.tracing ? [] : null;
    let max = Exact.ZERO;
    let points = Exact.ZERO;
    let allNotApplicable = true;
    let noneScored = true;
    for (const child of n.children) {
      const c = roll(child, st, notApplicable);
      // The maxima and the points are two sums, each in the children's order.
      max = max.plus(c.max);
      points = points.plus(c.points);
      if (c.status !== 'notApplicable') allNotApplicable = false;
      if (c.status === 'scored') noneScored = false;
      records?.push(c.record!);
    }
    if (n.cap !== undefined) max = min(max, n.cap);
    points = min(points, max);
    if (st.policy.floorAtZero && points.isNegative()) points = Exact.ZERO;
    const status: NodeStatus = allNotApplicable ? 'notApplicable' : noneScored ? 'notScored' : 'scored';
    let record: NodeRecord | null = null;
    if (records) {
      record = { children: records, ...leafRecord(n, max, points, status, undefined) };
    }
    result = { points, max, status, record };
  }
  if (result.status === 'notApplicable') st.anyNotApplicable = true;
  if (claim) st.kept.set(code, result.points);
  return result;
}

export function rollup(
  cohort: CompiledCohort,
  env: Env,
  policy: Policy,
  tracing: boolean,
  wanted: ReadonlySet<string> | null = null,
): Rollup {
  const st: State = { env, policy, tracing, anyNotApplicable: false, wanted, kept: new Map() };
  const nodes = cohort.nodes.map((n) => roll(n, st, false));
  return { nodes, anyNotApplicable: st.anyNotApplicable, kept: st.kept };
}
