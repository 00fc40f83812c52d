import { compileVersion, evaluateSubmissions } from '../../../server/engine';
import type { Evaluation, NodeResult, RuleSetVersion, SubmissionInput } from '../../../server/engine';

export async function evaluateAll(version: RuleSetVersion, submissions: SubmissionInput[]): Promise<Evaluation[]> {
  return evaluateSubmissions(compileVersion(version), submissions);
}

export function node(e: Evaluation, code: string): NodeResult {
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
