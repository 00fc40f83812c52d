// An evaluation as a person reads it, rendered from the stored record and its version: titles, band
// labels, the points rounded for display, and per criterion an explanation in Vietnamese and
// English with its trace in words and numbers. Runs wherever the engine runs (server, console).
import type { CompiledNode, CompiledVersion } from './compile';
import type { Evaluation, EvaluationView, NodeRecord, NodeResult, TraceRecord } from './evaluation';
import type { Scoring } from './schemaTypes';
import type { MethodView, ViewContext } from './methods/types';
import { criterionSlot } from './compile';
import { criterionMax } from './tree';
import { conditionsView } from './conditions/view';
import { Exact } from './exact';
import { METHODS } from './methods';
import { bi } from './naming';
import { outOf } from './text';
import { rounded } from './total';

const NOT_APPLICABLE = bi('Không áp dụng đối với cơ quan, đơn vị này', 'Does not apply to this agency');

/** Records of engine 1 were stored with their view; they are shown as they were stored. */
const isView = (e: Evaluation | EvaluationView): e is EvaluationView => e.nodes.some((n) => 'title' in n);

const viewScoring = (scoring: Scoring, trace: TraceRecord, ctx: ViewContext): MethodView =>
  (METHODS[scoring.method].view as (s: Scoring, t: TraceRecord, c: ViewContext) => MethodView)(scoring, trace, ctx);

function viewNode(compiled: CompiledVersion, e: Evaluation, n: CompiledNode, r: NodeRecord): NodeResult {
  const { node } = n;
  const status = r.status ?? 'scored';
  const out: NodeResult = {
    code: r.code,
    ...(r.id ? { id: r.id } : {}),
    kind: node.kind,
    title: node.title,
    status,
    points: rounded(compiled, Exact.of(r.points)),
    pointsExact: r.points,
    max: r.max,
    ...(node.provisional ? { provisional: true } : {}),
    ...(node.legalRef ? { legalRef: node.legalRef } : {}),
    ...(node.evidence ? { evidence: node.evidence } : {}),
  };
  if (!n.leaf) {
    if (status === 'notApplicable' && node.applicableWhen) out.explanation = NOT_APPLICABLE;
    out.children = n.children.map((c, i) => viewNode(compiled, e, c, r.children![i]));
    return out;
  }
  const trace = r.trace ?? {};
  const scoring = node.scoring!;
  if (trace.applicability) {
    out.explanation = NOT_APPLICABLE;
    out.trace = {
      method: scoring.method,
      values: {},
      conditions: node.applicableWhen ? conditionsView([node.applicableWhen], trace.applicability) : [],
    };
    return out;
  }
  const ctx: ViewContext = {
    max: criterionMax(node, e.cohort ?? undefined),
    slot: criterionSlot(node.code),
    factDefs: compiled.factDefs,
    best: (slot) => e.context.best[slot],
    nested: (s, t, max, slot) => viewScoring(s, t, { ...ctx, max, slot }),
  };
  const view = viewScoring(scoring, trace, ctx);
  out.explanation = view.explanation;
  out.trace = view.trace;
  // The item's points are held within [0, its maximum] (deductions by their floor): say so when that changed them.
  const points = Exact.of(r.points);
  const { roundCriteria, places, rounding } = compiled.policy;
  const computed = roundCriteria ? view.points.round(places, rounding) : view.points;
  if (r.zeroed !== undefined) {
    out.zeroed = r.zeroed;
    out.explanation = bi(
      `${view.explanation.vi}; chấm 0 điểm do thiếu tài liệu kiểm chứng: ${r.zeroed}`,
      `${view.explanation.en}; scored 0 for missing evidence: ${r.zeroed}`,
    );
  } else if (status === 'scored' && !points.eq(computed)) {
    const o = outOf(points, criterionMax(node, e.cohort ?? undefined));
    out.explanation = bi(
      `${view.explanation.vi}; giới hạn trong điểm tối đa → ${o.vi}`,
      `${view.explanation.en}; held within the maximum → ${o.en}`,
    );
  }
  return out;
}

export function explainEvaluation(compiled: CompiledVersion, e: Evaluation | EvaluationView): EvaluationView {
  if (isView(e)) return e;
  const cohort = compiled.cohorts.find((c) => c.cohort.id === e.cohort);
  return { ...e, nodes: cohort ? cohort.nodes.map((n, i) => viewNode(compiled, e, n, e.nodes[i])) : [] };
}
