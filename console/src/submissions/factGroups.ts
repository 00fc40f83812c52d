import { conditionFacts, factsAsked, type Fact, type Node, type RuleSetVersion, scoringFacts } from '../../../server/engine';

export interface FactGroup {
  code: string | null;
  title: { vi: string; en?: string } | null;
  facts: Fact[];
}

/** The facts a node and the nodes below it read: in their scoring and in when they apply. */
export const factsUnder = (node: Node, out = new Set<string>()) => {
  if (node.scoring) scoringFacts(node.scoring, out);
  if (node.applicableWhen) conditionFacts(node.applicableWhen, out);
  node.children?.forEach((c) => factsUnder(c, out));
  return out;
};

/** Main indices whose nodes read the node: the top-level nodes, or their index children under a group. */
const mainNodes = (criteria: Node[]): Node[] => criteria.flatMap((n) => (n.kind === 'group' && n.children ? n.children : [n]));

/**
 * The facts an agency fills in, grouped under the main index that first uses each of them, so the
 * form reads like the regulation. Evaluator-entered facts and facts of other cohorts are left out.
 */
export function factGroups(version: RuleSetVersion, cohort: string | null, forEvaluator = false): FactGroup[] {
  const asked = factsAsked(version, cohort, forEvaluator);
  const placed = new Set<string>();
  const groups: FactGroup[] = [];
  for (const node of mainNodes(version.criteria)) {
    if (cohort && node.cohorts && !node.cohorts.includes(cohort)) continue;
    const used = factsUnder(node, new Set());
    const facts = asked.filter((f) => used.has(f.id) && !placed.has(f.id));
    facts.forEach((f) => placed.add(f.id));
    if (facts.length) groups.push({ code: node.code, title: node.title, facts });
  }
  const rest = asked.filter((f) => !placed.has(f.id));
  if (rest.length) groups.push({ code: null, title: null, facts: rest });
  return groups;
}
