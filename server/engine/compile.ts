// Compiling a version once: index its facts, register every condition in one json-rules-engine
// Engine, and resolve the policy defaults. Evaluating many submissions then reuses all of it.
import type { Cohort, Fact, Node, NumericPolicy, RelativeToBest, RuleSetVersion } from './schemaTypes';
import { ConditionEngine } from './conditions';
import { hashOf } from './canonical';
import { relativeSlots, scoringConditions } from './methods';
import { walkNodes } from './tree';

export type Policy = Required<NumericPolicy>;

export interface RelativeSlot {
  slot: string;
  node: Node;
  scoring: RelativeToBest;
}

export interface CompiledVersion {
  readonly version: RuleSetVersion;
  /** SHA-256 of the canonical JSON of the version document. */
  readonly hash: string;
  readonly policy: Policy;
  readonly factDefs: ReadonlyMap<string, Fact>;
  readonly cohorts: readonly Cohort[];
  /** Every condition of the version: cohorts, applicability and scoring. */
  readonly conditions: ConditionEngine;
  /** Only the cohorts' membership rules, for assigning agencies without scoring. */
  readonly membership: ConditionEngine;
  readonly relative: readonly RelativeSlot[];
}

export const criterionSlot = (code: string): string => `n:${code}`;
export const applicabilitySlot = (code: string): string => `a:${code}`;
export const cohortSlot = (id: string): string => `cohort:${id}`;

export function compileVersion(version: RuleSetVersion): CompiledVersion {
  const conditions = new ConditionEngine();
  const membership = new ConditionEngine();
  for (const cohort of version.cohorts) {
    conditions.add(cohortSlot(cohort.id), cohort.membership);
    membership.add(cohortSlot(cohort.id), cohort.membership);
  }
  const relative: RelativeSlot[] = [];
  for (const { node } of walkNodes(version.criteria)) {
    if (node.applicableWhen) conditions.add(applicabilitySlot(node.code), node.applicableWhen);
    if (!node.scoring) continue;
    const slot = criterionSlot(node.code);
    for (const [name, condition] of scoringConditions(node.scoring, slot)) conditions.add(name, condition);
    for (const [name, scoring] of relativeSlots(node.scoring, slot)) relative.push({ slot: name, node, scoring });
  }
  const n = version.numeric;
  return {
    version,
    hash: hashOf(version),
    policy: {
      arithmetic: 'decimal',
      places: n.places,
      rounding: n.rounding,
      roundCriteria: n.roundCriteria ?? false,
      classifyOn: n.classifyOn ?? 'exact',
      floorAtZero: n.floorAtZero ?? true,
    },
    factDefs: new Map(version.facts.map((f) => [f.id, f])),
    cohorts: version.cohorts,
    conditions,
    membership,
    relative,
  };
}
