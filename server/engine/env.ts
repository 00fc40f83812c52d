// What a compiled version reads for one submission: its facts, the agency (the fact `agency` of
// cohort rules and conditions) and, for relative-to-best methods, the best values of its cohort.
import { Exact } from './exact';
import type { Agency, FactValue } from './schemaTypes';

export interface Env {
  readonly facts: Readonly<Record<string, FactValue | undefined>>;
  readonly agency: Agency;
  /** Best value in the cohort per relative-to-best slot, read once per batch. */
  readonly best: Bests;
  /** The assessed year: dates in conditions ({ periodDate: "12-15" }) are dates of this year. */
  readonly year: number;
  /** Criteria the evaluator scored 0 for missing evidence: code → reason. */
  readonly zeroed?: Readonly<Record<string, string | undefined>>;
}

/** The cohort's best values by slot, as exact text (what is stored) and as numbers to compute with. */
export class Bests {
  private readonly parsed = new Map<string, Exact>();
  constructor(readonly text: Readonly<Record<string, string>>) {}

  get(slot: string): Exact | null {
    const hit = this.parsed.get(slot);
    if (hit) return hit;
    const text = this.text[slot];
    if (text === undefined) return null;
    const value = Exact.of(text);
    this.parsed.set(slot, value);
    return value;
  }

  static readonly NONE = new Bests({});
}
