// What a scoring method is: one object per method (methods/<method>.ts) holding everything about
// it — how it compiles and scores, what it reads, how its trace reads to a person, what the linter
// checks and how the diff words a change. methods/index.ts keys them by method in one table typed
// over every method of the schema, so a new method that misses a piece does not compile.
import type { Condition, Fact, Scoring } from '../schemaTypes';
import type { ConditionFn } from '../conditions/compile';
import type { Exact } from '../exact';
import type { Env } from '../env';
import type { CriterionTrace, TraceRecord } from '../evaluation';
import type { Finding } from '../finding';
import type { Bilingual } from '../naming';
import type { LintContext, NodeEntry } from '../lint/context';
import type { ScoringChange } from '../diff/change';
import type { Tracer } from './tracer';
import type { QuantityReader } from '../quantity';

export type Method = Scoring['method'];
export type ScoringOf<M extends Method> = Extract<Scoring, { method: M }>;

/**
 * A compiled scoring for one submission: its points out of the maximum it was compiled for, or
 * null when it finds that the item does not apply (e.g. a zero denominator declared so). With a
 * tracer it also records what it read and decided.
 */
export type CompiledScoring = (env: Env, trace: Tracer | null) => Exact | null;

/** What compiling a method may use: other conditions and nested scorings compile through it. */
export interface Compiler {
  condition(condition: Condition): ConditionFn;
  /** A nested scoring (composite part, best-of option) under its own slot and maximum. */
  nested(scoring: Scoring, max: Exact, slot: string): CompiledScoring;
  /** Registers a value compared across the cohort (relative to the best): its best is computed per batch. */
  cohortValue(slot: string, value: QuantityReader): void;
  readonly factDefs: ReadonlyMap<string, Fact>;
}

/** How a fact is read: compared in a condition, used as a number, holding a manual score, or only collected. */
export type FactRole = 'condition' | 'number' | 'manual' | 'collected';

/** A place inside a scoring, by its JSON Pointer below the scoring. */
export interface At<T> {
  path: string;
  value: T;
}

/** What the view of a trace may read besides the trace itself. */
export interface ViewContext {
  /** The maximum this scoring was computed against (the node's, or a composite part's). */
  max: Exact;
  slot: string;
  factDefs: ReadonlyMap<string, Fact>;
  /** The cohort's best value for a relative-to-best slot, as stored with the evaluation. */
  best(slot: string): string | undefined;
  /** Views a nested scoring's trace. */
  nested(scoring: Scoring, trace: TraceRecord, max: Exact, slot: string): MethodView;
}

/** A scoring's trace as a person reads it: the explanation, and the trace in full words and numbers. */
export interface MethodView {
  points: Exact;
  explanation: Bilingual;
  trace: CriterionTrace;
}

export interface ScoringSite<S extends Scoring = Scoring> {
  scoring: S;
  path: string;
  entry: NodeEntry;
  /** Points this scoring may give: the node's maximum, or a composite part's own maximum. */
  budget: number;
}

export interface MethodDef<M extends Method> {
  /** The method's name for people (console, diff). */
  name: Bilingual;
  /** One sentence on how it scores, for the console. */
  help: Bilingual;
  /** Whether the criterion's maximum counts towards its parent's (not-scored items and plain deductions add nothing). */
  addsToMax(scoring: ScoringOf<M>): boolean;
  /** A valid starting point, so that switching method never leaves a broken node. */
  defaults(max: number): ScoringOf<M>;
  /** The condition trees it evaluates, in the order their leaves appear in the trace. */
  conditions(scoring: ScoringOf<M>): At<Condition>[];
  /** Facts it reads outside conditions. */
  facts(scoring: ScoringOf<M>): At<{ fact: string; role: FactRole }>[];
  /** Scorings nested in it (composite parts, best-of options), with the maximum each scores against. */
  nested(scoring: ScoringOf<M>, budget: number): At<{ scoring: Scoring; budget: number }>[];
  compile(scoring: ScoringOf<M>, max: Exact, slot: string, compiler: Compiler): CompiledScoring;
  /** Renders a recorded trace: the numbers recomputed from what was read, the words, the labels. */
  view(scoring: ScoringOf<M>, trace: TraceRecord, ctx: ViewContext): MethodView;
  /** What the linter checks that is particular to the method. */
  lint(site: ScoringSite<ScoringOf<M>>, ctx: LintContext): Finding[];
  /** Changes between two scorings of this method, and the keys those words cover. */
  diff: { keys: readonly string[]; changes(a: ScoringOf<M>, b: ScoringOf<M>, path: string): ScoringChange[] };
}

export type MethodTable = { [M in Method]: MethodDef<M> };
