import { compileVersion, evaluateSubmissions, explainEvaluation } from '../../../server/engine';
import type { EvaluationView, NodeResult, RuleSetVersion, SubmissionInput } from '../../../server/engine';

/** Evaluations as a person reads them (the stored records with titles, points and explanations). */
export async function evaluateAll(version: RuleSetVersion, submissions: SubmissionInput[]): Promise<EvaluationView[]> {
  const compiled = compileVersion(version);
  return evaluateSubmissions(compiled, submissions).map((e) => explainEvaluation(compiled, e));
}

export function node(e: EvaluationView, code: string): NodeResult {
  const find = (nodes: NodeResult[]): NodeResult | undefined => {
    for (const n of nodes) {
      if (n.code === code) return n;
      const c = n.children && find(n.children);
      if (c) return c;
    }
    return undefined;
  };
  const found = find(e.nodes);
  if (!found) throw new Error(`no node ${code} in evaluation of ${e.agencyId}`);
  return found;
}
