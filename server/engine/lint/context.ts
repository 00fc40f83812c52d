// What every lint rule gets: the version (already schema-valid), indexes over it, and the words
// used to name things in messages.
import type { Agency, Cohort, Fact, Node, RuleSetVersion } from '../schemaTypes';
import type { Finding } from '../finding';
import { walkNodes } from '../tree';
import { bi, text, type Bilingual } from '../naming';

export { about, bi, nodeName, text, type Bilingual } from '../naming';

export interface LintOptions {
  /** Agencies whose cohort membership is checked: each must fall in exactly one cohort. */
  agencies?: readonly Agency[];
}

export interface NodeEntry {
  node: Node;
  path: string;
  parent: Node | null;
  /** Cohorts the node can apply to: its own list within its ancestors'. */
  cohorts: string[];
}

export interface LintContext {
  version: RuleSetVersion;
  options: LintOptions;
  facts: Map<string, { fact: Fact; path: string }>;
  cohorts: Map<string, { cohort: Cohort; path: string }>;
  nodes: NodeEntry[];
  nodesByCode: Map<string, NodeEntry>;
}

export type LintRule = (ctx: LintContext) => Finding[] | Promise<Finding[]>;

export function createContext(version: RuleSetVersion, options: LintOptions = {}): LintContext {
  const facts = new Map<string, { fact: Fact; path: string }>();
  version.facts.forEach((fact, i) => {
    if (!facts.has(fact.id)) facts.set(fact.id, { fact, path: `/facts/${i}` });
  });
  const cohorts = new Map<string, { cohort: Cohort; path: string }>();
  version.cohorts.forEach((cohort, i) => {
    if (!cohorts.has(cohort.id)) cohorts.set(cohort.id, { cohort, path: `/cohorts/${i}` });
  });
  const allCohorts = version.cohorts.map((c) => c.id);
  const nodes: NodeEntry[] = [];
  const byNode = new Map<Node, NodeEntry>();
  for (const { node, path, parent } of walkNodes(version.criteria)) {
    const inherited = parent ? byNode.get(parent)!.cohorts : allCohorts;
    const entry = { node, path, parent, cohorts: inherited.filter((c) => !node.cohorts || node.cohorts.includes(c)) };
    byNode.set(node, entry);
    nodes.push(entry);
  }
  const nodesByCode = new Map<string, NodeEntry>();
  for (const entry of nodes) if (!nodesByCode.has(entry.node.code)) nodesByCode.set(entry.node.code, entry);
  return { version, options, facts, cohorts, nodes, nodesByCode };
}

export { error, warning } from '../finding';

/** "Tỷ lệ hồ sơ" (ty_le_ho_so). */
export const factName = (ctx: LintContext, id: string): Bilingual => {
  const fact = ctx.facts.get(id)?.fact;
  return fact ? bi(`"${text(fact.label, 'vi')}" (${id})`, `"${text(fact.label, 'en')}" (${id})`) : bi(`"${id}"`, `"${id}"`);
};

export const cohortName = (ctx: LintContext, id: string): Bilingual => {
  const cohort = ctx.cohorts.get(id)?.cohort;
  return cohort ? bi(text(cohort.name, 'vi', id), text(cohort.name, 'en', id)) : bi(id, id);
};
