// Walks the places of a version that hold scoring methods, conditions and fact ids, each with its
// JSON Pointer, so rules can report exactly where a problem sits. What a method holds is read from
// its definition (methods/), so a new method is walked without a change here.
import type { Condition, FactCondition, Scoring } from '../schemaTypes';
import type { FactRole, ScoringSite } from '../methods/types';
import { methodOf } from '../methods';
import type { LintContext, NodeEntry } from './context';

export type { FactRole, ScoringSite };

/** Every scoring method of the criteria, including those nested in composite and best-of methods. */
export function* scoringSites(ctx: LintContext): Generator<ScoringSite> {
  for (const entry of ctx.nodes) {
    if (entry.node.scoring) yield* nested(entry.node.scoring, `${entry.path}/scoring`, entry, entry.node.max ?? 0);
  }
}

function* nested(scoring: Scoring, path: string, entry: NodeEntry, budget: number): Generator<ScoringSite> {
  yield { scoring, path, entry, budget };
  for (const { path: at, value } of methodOf(scoring).nested(scoring, budget))
    yield* nested(value.scoring, `${path}${at}`, entry, value.budget);
}

export interface ConditionSite {
  condition: Condition;
  path: string;
  /** The node whose scoring or applicability holds the condition; null for a cohort's membership. */
  entry: NodeEntry | null;
  /** The cohort whose membership rule this is. */
  cohort?: string;
}

/** Every condition tree: cohort membership, applicability, and the conditions of scoring methods. */
export function* conditionSites(ctx: LintContext): Generator<ConditionSite> {
  for (let i = 0; i < ctx.version.cohorts.length; i++)
    yield {
      condition: ctx.version.cohorts[i].membership,
      path: `/cohorts/${i}/membership`,
      entry: null,
      cohort: ctx.version.cohorts[i].id,
    };
  for (const entry of ctx.nodes)
    if (entry.node.applicableWhen) yield { condition: entry.node.applicableWhen, path: `${entry.path}/applicableWhen`, entry };
  for (const { scoring, path, entry } of scoringSites(ctx))
    for (const { path: at, value } of methodOf(scoring).conditions(scoring)) yield { condition: value, path: `${path}${at}`, entry };
}

/** The fact conditions (leaves) of a tree, with their pointers. */
export function* leaves(condition: Condition, path: string): Generator<{ leaf: FactCondition; path: string }> {
  if ('all' in condition) for (let i = 0; i < condition.all.length; i++) yield* leaves(condition.all[i], `${path}/all/${i}`);
  else if ('any' in condition) for (let i = 0; i < condition.any.length; i++) yield* leaves(condition.any[i], `${path}/any/${i}`);
  else if ('not' in condition) yield* leaves(condition.not, `${path}/not`);
  else yield { leaf: condition, path };
}

export interface FactRef {
  fact: string;
  /** Pointer of the string naming the fact. */
  path: string;
  role: FactRole;
  /** The node that reads it; null for cohort membership. */
  entry: NodeEntry | null;
}

/** Every place a fact id is named, in document order of the criteria (cohorts first). */
export function* factRefs(ctx: LintContext): Generator<FactRef> {
  for (const site of conditionSites(ctx)) {
    for (const { leaf, path } of leaves(site.condition, site.path)) {
      yield { fact: leaf.fact, path: `${path}/fact`, role: 'condition', entry: site.entry };
      const v = leaf.value;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v)
        yield { fact: v.fact, path: `${path}/value/fact`, role: 'condition', entry: site.entry };
    }
  }
  for (const { scoring, path, entry } of scoringSites(ctx))
    for (const { path: at, value } of methodOf(scoring).facts(scoring))
      yield { fact: value.fact, path: `${path}${at}`, role: value.role, entry };
}
