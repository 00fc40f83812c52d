// Condition leaves as a person reads them: the version's fact, path, operator and value beside
// what was read for the submission and whether it held.
import type { Condition, FactCondition } from '../schemaTypes';
import type { ConditionTrace } from '../evaluation';
import type { LeafRecord } from './compile';

/** The fact conditions of a tree in document order: the order a compiled tree records its leaves in. */
export function leavesOf(condition: Condition, out: FactCondition[] = []): FactCondition[] {
  if ('all' in condition) condition.all.forEach((c) => leavesOf(c, out));
  else if ('any' in condition) condition.any.forEach((c) => leavesOf(c, out));
  else if ('not' in condition) leavesOf(condition.not, out);
  else out.push(condition);
  return out;
}

const isReference = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The recorded leaves of several trees (evaluated one after the other) against their definitions. */
export function conditionsView(trees: readonly Condition[], recorded: readonly LeafRecord[] | undefined): ConditionTrace[] {
  const leaves = trees.flatMap((t) => leavesOf(t));
  return leaves.map((leaf, i) => {
    const r = recorded?.[i];
    return {
      fact: leaf.fact,
      ...(leaf.path ? { path: leaf.path } : {}),
      operator: leaf.operator,
      value: isReference(leaf.value) ? (r?.value ?? null) : (leaf.value ?? null),
      factValue: r?.read ?? null,
      holds: r?.holds === true,
    };
  });
}
