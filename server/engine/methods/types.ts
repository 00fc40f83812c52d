import type { Decimal } from '../decimal';
import type { SlotResults } from '../conditions';
import type { CriterionTrace } from '../evaluation';
import type { Fact, FactValue, Scoring } from '../schemaTypes';
import type { Bilingual } from '../text';

/** Everything a scoring method may read: the facts, the evaluated conditions, the cohort's bests. */
export interface ScoreContext {
  facts: Record<string, FactValue | undefined>;
  factDefs: ReadonlyMap<string, Fact>;
  slots: SlotResults;
  /** Best value in the cohort per relative-to-best slot, as exact decimal text. */
  best: Readonly<Record<string, string>>;
  /** Scores a nested method (composite parts, best-of options) with the same context. */
  score: (scoring: Scoring, max: Decimal, slot: string) => Score;
}

export interface Score {
  points: Decimal;
  /** The method found the item does not apply (e.g. a zero denominator declared not applicable). */
  notApplicable?: boolean;
  explanation: Bilingual;
  trace: CriterionTrace;
}

/**
 * A scoring method: points for one criterion (or one part of a composite) out of `max`.
 * `slot` names the criterion's conditions in the condition engine and its cohort-wide values.
 */
export type Scorer<S extends Scoring = Scoring> = (scoring: S, max: Decimal, slot: string, ctx: ScoreContext) => Score;
