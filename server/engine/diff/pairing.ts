// Which node of the older version each node of the newer one is. Codes are only the numbers shown:
// a decision that drops criterion 4.2 renumbers 4.3 as 4.2. So nodes pair, in this order, by a link
// (`continues`, across rule sets too), by their ids, and — for documents without ids — by what they
// say (title, scoring, facts read, legal reference); the code decides only between equals.
import { canonicalJson } from '../canonical';
import type { Node, RuleSetVersion } from '../schemaTypes';
import { nodeId, scoringFacts, walkNodes } from '../tree';

export interface Placed {
  node: Node;
  path: string;
  parent: Node | null;
}

const flat = (v: RuleSetVersion): Placed[] => [...walkNodes(v.criteria)];

/** How much two nodes of the same kind say alike: the title weighs most, then the scoring. */
function likeness(a: Node, b: Node): number {
  if (a.kind !== b.kind) return 0;
  let score = 0;
  if (a.title.vi === b.title.vi) score += 4;
  if (a.scoring && b.scoring && canonicalJson(a.scoring) === canonicalJson(b.scoring)) score += 2;
  if (a.scoring && b.scoring && canonicalJson([...scoringFacts(a.scoring)].sort()) === canonicalJson([...scoringFacts(b.scoring)].sort()))
    score += 1;
  if (a.legalRef !== undefined && a.legalRef === b.legalRef) score += 1;
  if (
    !a.scoring &&
    !b.scoring &&
    canonicalJson((a.children ?? []).map((c) => c.title.vi)) === canonicalJson((b.children ?? []).map((c) => c.title.vi))
  )
    score += 2;
  return score;
}

/** Enough likeness to call two nodes the same item: the same title, or the same scoring, facts and legal reference. */
const SAME = 4;

/** For each node of `b` (by path), the node of `a` it continues, or none. */
export function pairNodes(a: RuleSetVersion, b: RuleSetVersion): Map<string, Placed> {
  const before = flat(a);
  const after = flat(b);
  const taken = new Set<Placed>();
  const pairs = new Map<string, Placed>();
  const pair = (x: Placed, y: Placed) => {
    pairs.set(y.path, x);
    taken.add(x);
  };

  // 1. An explicit link to a node of the older rule set.
  const byId = new Map(before.map((p) => [nodeId(p.node), p]));
  for (const y of after) {
    const link = y.node.continues;
    if (!link || link.ruleSet !== a.ruleSet || (link.version !== undefined && link.version !== a.version)) continue;
    const x = byId.get(link.node);
    if (x && !taken.has(x)) pair(x, y);
  }
  // 2. The same explicit id.
  const explicit = new Map(before.filter((p) => p.node.id !== undefined).map((p) => [p.node.id!, p]));
  for (const y of after) {
    if (pairs.has(y.path) || y.node.id === undefined) continue;
    const x = explicit.get(y.node.id);
    if (x && !taken.has(x)) pair(x, y);
  }
  // 3. The rest, where at most one side has an id (two different ids are two different items):
  // the most alike first, the code breaking ties.
  const unrelated = (x: Placed, y: Placed) => x.node.id !== undefined && y.node.id !== undefined;
  const candidates: { x: Placed; y: Placed; score: number }[] = [];
  for (const y of after) {
    if (pairs.has(y.path)) continue;
    for (const x of before) {
      if (taken.has(x) || unrelated(x, y)) continue;
      const score = likeness(x.node, y.node) + (x.node.code === y.node.code ? 0.5 : 0);
      if (score >= SAME) candidates.push({ x, y, score });
    }
  }
  candidates.sort((p, q) => q.score - p.score);
  for (const { x, y } of candidates) if (!taken.has(x) && !pairs.has(y.path)) pair(x, y);
  // 4. What is left keeps its code: the same code and kind is the same item, changed.
  for (const y of after) {
    if (pairs.has(y.path)) continue;
    const x = before.find((p) => !taken.has(p) && p.node.code === y.node.code && p.node.kind === y.node.kind && !unrelated(p, y));
    if (x) pair(x, y);
  }
  return pairs;
}

export { flat };
