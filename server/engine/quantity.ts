// Reading numbers from the facts as decimals, and the ratios that several methods share.
import { D, type Decimal } from './decimal';
import type { Fact, FactValue, Quantity } from './schemaTypes';
import { bi, num, withUnit, type Bilingual } from './text';
import { text as label } from './naming';

/** A fact as a Decimal; null when missing or not a number (booleans count as 1 and 0). */
export function readNumber(facts: Record<string, FactValue | undefined>, id: string): Decimal | null {
  const v = facts[id];
  if (typeof v === 'number' && Number.isFinite(v)) return D(v);
  if (typeof v === 'boolean') return D(v ? 1 : 0);
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return D(v.trim());
  return null;
}

export const pickValues = (facts: Record<string, FactValue | undefined>, ids: string[]): Record<string, FactValue> =>
  Object.fromEntries(ids.map((id) => [id, facts[id] ?? null]));

export interface Measured {
  value: Decimal | null;
  /** Fact ids read. */
  read: string[];
  /** The value as words, e.g. "Tỷ lệ hồ sơ trực tuyến 82%" or "Số cán bộ 41 ÷ 50 = 82%". */
  text: Bilingual;
  /** Unit of the value, for tier phrases. */
  unit: string;
}

const missing = bi('thiếu số liệu', 'no data');

export function measure(q: Quantity, facts: Record<string, FactValue | undefined>, defs: ReadonlyMap<string, Fact>): Measured {
  if ('fact' in q) {
    const fact = defs.get(q.fact);
    const value = readNumber(facts, q.fact);
    const name = bi(label(fact?.label, 'vi', q.fact), label(fact?.label, 'en', q.fact));
    const text =
      value === null
        ? bi(`${name.vi}: ${missing.vi}`, `${name.en}: ${missing.en}`)
        : bi(`${name.vi} ${withUnit(value, fact, 'vi')}`, `${name.en} ${withUnit(value, fact, 'en')}`);
    return { value, read: [q.fact], text, unit: label(fact?.unit, 'vi') };
  }
  const numFact = defs.get(q.numerator);
  const n = readNumber(facts, q.numerator);
  const d = typeof q.denominator === 'number' ? D(q.denominator) : readNumber(facts, q.denominator);
  const read = typeof q.denominator === 'number' ? [q.numerator] : [q.numerator, q.denominator];
  const name = bi(label(numFact?.label, 'vi', q.numerator), label(numFact?.label, 'en', q.numerator));
  const unit = q.percent ? '%' : '';
  if (n === null || d === null || d.isZero()) {
    const why = d !== null && d.isZero() ? bi('mẫu số bằng 0', 'denominator is 0') : missing;
    return { value: null, read, text: bi(`${name.vi}: ${why.vi}`, `${name.en}: ${why.en}`), unit };
  }
  const ratio = n.div(d).times(q.percent ? 100 : 1);
  const show = (lang: 'vi' | 'en') => `${num(n, lang)} ÷ ${num(d, lang)} = ${num(ratio, lang)}${unit}`;
  return { value: ratio, read, text: bi(`${name.vi} ${show('vi')}`, `${name.en} ${show('en')}`), unit };
}
