// Reading numbers from the facts, and the quantities several methods share: one fact, or the ratio
// of two (× 100 when percent). The compiled readers compute; the wording is for explanations.
import { Exact } from './exact';
import type { Fact, FactValue, Quantity } from './schemaTypes';
import { bi, num, withUnit, type Bilingual } from './text';
import { text as label } from './naming';

type Facts = Readonly<Record<string, FactValue | null | undefined>>;
const hasOwn = Object.prototype.hasOwnProperty;
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A fact as an exact number; null when missing or not a number (booleans count as 1 and 0). */
export const readNumber = (facts: Facts, id: string): Exact | null => numberOf(hasOwn.call(facts, id) ? facts[id] : undefined);

/** Reads one fact as a number; compiled once per fact id (names no object inherits are read directly). */
export const numberReader = (id: string): ((facts: Facts) => Exact | null) =>
  id in Object.prototype ? (facts) => readNumber(facts, id) : (facts) => numberOf(facts[id]);

function numberOf(v: FactValue | null | undefined): Exact | null {
  if (typeof v === 'number') return Number.isFinite(v) ? Exact.of(v) : null;
  if (typeof v === 'boolean') return v ? Exact.ONE : Exact.ZERO;
  if (typeof v === 'string') {
    const t = v.trim();
    return NUMERIC_TEXT.test(t) ? Exact.of(t) : null;
  }
  return null;
}

/** Fact ids a quantity reads, in the order the trace lists them. */
export const quantityFacts = (q: Quantity): string[] =>
  'fact' in q ? [q.fact] : typeof q.denominator === 'string' ? [q.numerator, q.denominator] : [q.numerator];

/** Where a quantity names its facts, below the pointer `at`. */
export function quantityRefs(q: Quantity, at: string) {
  const ref = (path: string, fact: string) => ({ path, value: { fact, role: 'number' as const } });
  if ('fact' in q) return [ref(`${at}/fact`, q.fact)];
  return [ref(`${at}/numerator`, q.numerator), ...(typeof q.denominator === 'string' ? [ref(`${at}/denominator`, q.denominator)] : [])];
}

/** Recorded values (kept sorted in the record) in the order a method reads them. */
export const ordered = <T>(values: Readonly<Record<string, T>>, ids: readonly string[]): Record<string, T> =>
  Object.fromEntries(ids.filter((id) => id in values).map((id) => [id, values[id]]));

/** What a ratio with a zero denominator reads as: each method answers it as its `onZeroDenominator` says. */
export const ZERO_DENOMINATOR = Symbol('zero denominator');

export type ZeroDenominator = 'zero' | 'full' | 'notApplicable';

/** One vocabulary for every ratio: a zero denominator gives 0 points, full points, or the item does not apply (null). */
export const onZeroDenominator = (mode: ZeroDenominator | undefined, max: Exact): Exact | null =>
  mode === 'notApplicable' ? null : mode === 'full' ? max : Exact.ZERO;

export type QuantityReader = (facts: Facts) => Exact | null | typeof ZERO_DENOMINATOR;

/** A quantity compiled to a reader: null when a fact is missing, ZERO_DENOMINATOR when the denominator reads 0. */
export function quantityReader(q: Quantity): QuantityReader {
  if ('fact' in q) return numberReader(q.fact);
  const numerator = numberReader(q.numerator);
  const scale = q.percent ? Exact.HUNDRED : Exact.ONE;
  const constant = typeof q.denominator === 'number' ? Exact.of(q.denominator) : null;
  const denominator = numberReader(typeof q.denominator === 'string' ? q.denominator : '');
  return (facts) => {
    const n = numerator(facts);
    const d = constant ?? denominator(facts);
    if (d !== null && d.isZero()) return ZERO_DENOMINATOR;
    if (n === null || d === null) return null;
    return n.div(d).times(scale);
  };
}

const missing = bi('thiếu số liệu', 'no data');

/** The value as words, e.g. "Tỷ lệ hồ sơ trực tuyến 82%" or "Số cán bộ 41 ÷ 50 = 82%". */
export function quantityText(q: Quantity, facts: Facts, defs: ReadonlyMap<string, Fact>): { text: Bilingual; unit: string } {
  if ('fact' in q) {
    const fact = defs.get(q.fact);
    const value = readNumber(facts, q.fact);
    const name = bi(label(fact?.label, 'vi', q.fact), label(fact?.label, 'en', q.fact));
    const text =
      value === null
        ? bi(`${name.vi}: ${missing.vi}`, `${name.en}: ${missing.en}`)
        : bi(`${name.vi} ${withUnit(value, fact, 'vi')}`, `${name.en} ${withUnit(value, fact, 'en')}`);
    return { text, unit: label(fact?.unit, 'vi') };
  }
  const numFact = defs.get(q.numerator);
  const n = readNumber(facts, q.numerator);
  const d = typeof q.denominator === 'number' ? Exact.of(q.denominator) : readNumber(facts, q.denominator);
  const name = bi(label(numFact?.label, 'vi', q.numerator), label(numFact?.label, 'en', q.numerator));
  const unit = q.percent ? '%' : '';
  if (n === null || d === null || d.isZero()) {
    const why = d !== null && d.isZero() ? bi('mẫu số bằng 0', 'denominator is 0') : missing;
    return { text: bi(`${name.vi}: ${why.vi}`, `${name.en}: ${why.en}`), unit };
  }
  const ratio = n.div(d).times(q.percent ? Exact.HUNDRED : Exact.ONE);
  const show = (lang: 'vi' | 'en') => `${num(n, lang)} ÷ ${num(d, lang)} = ${num(ratio, lang)}${unit}`;
  return { text: bi(`${name.vi} ${show('vi')}`, `${name.en} ${show('en')}`), unit };
}
