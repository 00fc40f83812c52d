// Collects what a scoring read and decided for one submission, and writes it as the stored trace.
// Records are built with their keys in sorted order, so their canonical JSON (RFC 8785) is plain
// JSON.stringify: hashing a stored evaluation needs no second pass over it.
import type { LeafRecord } from '../conditions/compile';
import type { Exact } from '../exact';
import type { TraceRecord } from '../evaluation';
import type { FactValue } from '../schemaTypes';
import { jsonValue } from '../canonical';

const hasOwn = Object.prototype.hasOwnProperty;

export class Tracer {
  /** Leaves of applicability conditions, when the item was found not to apply. */
  applicability?: LeafRecord[];
  conditions?: LeafRecord[];
  matched?: number[];
  parts?: Tracer[];
  points?: Exact;
  private values?: Record<string, FactValue | null>;

  /** Records the facts read as numbers (absent ones as null). `ids` must be sorted. */
  read(facts: Readonly<Record<string, FactValue | null | undefined>>, ids: readonly string[]): void {
    const values: Record<string, FactValue | null> = {};
    for (const id of ids) values[id] = hasOwn.call(facts, id) ? (jsonValue(facts[id]) as FactValue | null) : null;
    this.values = values;
  }

  /** A tracer for a nested scoring (composite part, best-of option), kept in order. */
  part(): Tracer {
    const t = new Tracer();
    (this.parts ??= []).push(t);
    return t;
  }

  build(): TraceRecord {
    const r: TraceRecord = {};
    if (this.applicability) r.applicability = this.applicability;
    if (this.conditions) r.conditions = this.conditions;
    if (this.matched) r.matched = this.matched;
    if (this.parts) r.parts = this.parts.map((p) => p.build());
    if (this.points) r.points = this.points.toString();
    if (this.values) r.read = this.values;
    return r;
  }
}

/** Sorted once at compile time: the order `Tracer.read` needs. */
export const sortedIds = (ids: readonly string[]): string[] => [...new Set(ids)].sort();
