import type { NodeResult } from '../../../server/engine';

/** The main indices of a result: the top-level nodes, or the children of top-level groups. */
export const mainIndices = (nodes: NodeResult[]): NodeResult[] =>
  nodes.flatMap((n) => (n.kind === 'group' && n.children ? n.children : [n])).filter((n) => n.status !== 'notScored');

/** Latest evaluation per agency (a period may have been scored several times). */
export function latestPerAgency<T extends { agencyId: string; createdAt: string }>(rows: T[]): T[] {
  const best = new Map<string, T>();
  for (const r of rows) {
    const seen = best.get(r.agencyId);
    if (!seen || seen.createdAt < r.createdAt) best.set(r.agencyId, r);
  }
  return [...best.values()];
}
