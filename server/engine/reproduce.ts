// What a result means, whichever engine stored it: per node its status, exact points and maximum;
// the totals, band, rank and result fields. A replay under a newer engine reproduces a stored
// result when its meaning is the same to the last digit; under the same engine, byte for byte.
import type { Evaluation, EvaluationView, NodeRecord, NodeResult } from './evaluation';

export interface Meaning {
  cohort: string | null;
  total: number;
  totalExact: string;
  max: number;
  percentage: number;
  band: string | null;
  results: Record<string, number>;
  rescaledFrom: number | null;
  /** Per node code, in document order: its status, exact points and maximum. */
  nodes: Record<string, { status: string; points: string; max: number }>;
}

function flatten(nodes: readonly (NodeRecord | NodeResult)[], out: Meaning['nodes']): Meaning['nodes'] {
  for (const n of nodes) {
    let key = n.code;
    for (let k = 2; key in out; k++) key = `${n.code}#${k}`;
    out[key] = { status: n.status ?? 'scored', points: 'pointsExact' in n ? n.pointsExact : n.points, max: n.max };
    if (n.children) flatten(n.children, out);
  }
  return out;
}

export function meaningOf(e: Evaluation | EvaluationView): Meaning {
  return {
    cohort: e.cohort,
    total: e.total,
    totalExact: e.totalExact,
    max: e.max,
    percentage: e.percentage,
    band: e.band?.id ?? null,
    results: e.results,
    rescaledFrom: e.rescaledFrom ?? null,
    nodes: flatten(e.nodes, {}),
  };
}
