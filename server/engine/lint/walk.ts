// Walks the places of a version that hold scoring methods, conditions and fact ids, each with its
// JSON Pointer, so rules can report exactly where a problem sits.
import type { Condition, FactCondition, Quantity, Scoring } from '../schemaTypes';
import type { LintContext, NodeEntry } from './context';

export interface ScoringSite {
  scoring: Scoring;
  path: string;
  entry: NodeEntry;
  /** Points this scoring may give: the node's maximum, or a composite part's own maximum. */
  budget: number;
}

/** Every scoring method of the criteria, including those nested in composite and best-of methods. */
export function* scoringSites(ctx: LintContext): Generator<ScoringSite> {
  for (const entry of ctx.nodes) {
    if (entry.node.scoring) yield* nested(entry.node.scoring, `${entry.path}/scoring`, entry, entry.node.max ?? 0);
  }
}

function* nested(scoring: Scoring, path: string, entry: NodeEntry, budget: number): Generator<ScoringSite> {
  yield { scoring, path, entry, budget };
  if (scoring.method === 'composite')
    for (let i = 0; i < scoring.parts.length; i++)
      yield* nested(scoring.parts[i].scoring, `${path}/parts/${i}/scoring`, entry, scoring.parts[i].max);
  if (scoring.method === 'bestOf')
    for (let i = 0; i < scoring.options.length; i++)
      yield* nested(scoring.options[i].scoring, `${path}/options/${i}/scoring`, entry, budget);
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
  for (const { scoring, path, entry } of scoringSites(ctx)) {
    if (scoring.method === 'yesNo') yield { condition: scoring.when, path: `${path}/when`, entry };
    if (scoring.method === 'cases')
      for (let i = 0; i < scoring.cases.length; i++) yield { condition: scoring.cases[i].when, path: `${path}/cases/${i}/when`, entry };
    if (scoring.method === 'parts')
      for (let i = 0; i < scoring.parts.length; i++) yield { condition: scoring.parts[i].when, path: `${path}/parts/${i}/when`, entry };
  }
}

/** The fact conditions (leaves) of a tree, with their pointers. */
export function* leaves(condition: Condition, path: string): Generator<{ leaf: FactCondition; path: string }> {
  if ('all' in condition) for (let i = 0; i < condition.all.length; i++) yield* leaves(condition.all[i], `${path}/all/${i}`);
  else if ('any' in condition) for (let i = 0; i < condition.any.length; i++) yield* leaves(condition.any[i], `${path}/any/${i}`);
  else if ('not' in condition) yield* leaves(condition.not, `${path}/not`);
  else yield { leaf: condition, path };
}

/** How a fact is read: compared in a condition, used as a number, holding a manual score, or only collected. */
export type FactRole = 'condition' | 'number' | 'manual' | 'collected';

export interface FactRef {
  fact: string;
  /** Pointer of the string naming the fact. */
  path: string;
  role: FactRole;
  /** The node that reads it; null for cohort membership. */
  entry: NodeEntry | null;
}

function* quantityRefs(q: Quantity, path: string, entry: NodeEntry): Generator<FactRef> {
  if ('fact' in q) yield { fact: q.fact, path: `${path}/fact`, role: 'number', entry };
  else {
    yield { fact: q.numerator, path: `${path}/numerator`, role: 'number', entry };
    if (typeof q.denominator === 'string') yield { fact: q.denominator, path: `${path}/denominator`, role: 'number', entry };
  }
}

function* scoringRefs(scoring: Scoring, path: string, entry: NodeEntry): Generator<FactRef> {
  switch (scoring.method) {
    case 'proportional':
    case 'gatedProportional':
      yield* quantityRefs(scoring, path, entry);
      break;
    case 'tiers':
    case 'relativeToBest':
      yield* quantityRefs(scoring.value, `${path}/value`, entry);
      break;
    case 'countCap':
    case 'deduction':
      yield { fact: scoring.fact, path: `${path}/fact`, role: 'number', entry };
      break;
    case 'manual':
      yield { fact: scoring.fact, path: `${path}/fact`, role: 'manual', entry };
      break;
    case 'notScored':
      for (let i = 0; i < (scoring.facts ?? []).length; i++)
        yield { fact: scoring.facts![i], path: `${path}/facts/${i}`, role: 'collected', entry };
      break;
    default:
      break;
  }
}

/** Every place a fact id is named, in document order of the criteria (cohorts first). */
export function* factRefs(ctx: LintContext): Generator<FactRef> {
  for (const site of conditionSites(ctx)) {
    for (const { leaf, path } of leaves(site.condition, site.path)) {
      yield { fact: leaf.fact, path: `${path}/fact`, role: 'condition', entry: site.entry };
      const v = leaf.value;
      if (v !== null && typeof v === 'object' && !Array.isArray(v))
        yield { fact: v.fact, path: `${path}/value/fact`, role: 'condition', entry: site.entry };
    }
  }
  for (const { scoring, path, entry } of scoringSites(ctx)) yield* scoringRefs(scoring, path, entry);
}
