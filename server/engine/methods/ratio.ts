// proportional and gatedProportional share one rule: points = numerator ÷ denominator × max, the
// ratio capped at 1; a gate below which the ratio scores 0; a declared answer for a zero denominator.
import type { FactValue, GatedProportional, Proportional } from '../schemaTypes';
import type { CompiledScoring, MethodView, ViewContext } from './types';
import { sortedIds } from './tracer';
import { Exact, min } from '../exact';
import { numberReader, onZeroDenominator, ordered, quantityFacts, quantityText, readNumber } from '../quantity';
import { arrow } from '../diff/support';
import { bi, num, outOf } from '../text';

type Ratio = Proportional | GatedProportional;
type Facts = Readonly<Record<string, FactValue | null | undefined>>;

export type RatioOutcome =
  | { kind: 'zeroDenominator'; points: Exact | null }
  | { kind: 'missing'; points: Exact }
  | { kind: 'belowGate'; ratio: Exact; points: Exact }
  | { kind: 'scored'; ratio: Exact; points: Exact };

export const ratioQuantity = (s: Ratio) => ({ numerator: s.numerator, denominator: s.denominator });

type Read = (facts: Facts) => Exact | null;

/** How the ratio's terms are read: compiled once for scoring; by name for the view. */
const readers = (s: Ratio, compiled: boolean): { n: Read; d: Read } => {
  const read = (id: string): Read => (compiled ? numberReader(id) : (facts) => readNumber(facts, id));
  const constant = typeof s.denominator === 'number' ? Exact.of(s.denominator) : null;
  return { n: read(s.numerator), d: constant ? () => constant : read(s.denominator as string) };
};

/** The one computation, for scoring (from the facts) and for the view (from the values it read). */
function ratioOutcome(s: Ratio, facts: Facts, max: Exact, read = readers(s, false)): RatioOutcome {
  const n = read.n(facts);
  const d = read.d(facts);
  if (n === null || d === null || d.isZero()) {
    const zero = typeof s.denominator === 'number' ? d!.isZero() : facts[s.denominator] === 0;
    if (!zero) return { kind: 'missing', points: Exact.ZERO };
    return { kind: 'zeroDenominator', points: onZeroDenominator(s.onZeroDenominator, max) };
  }
  const ratio = min(n.div(d), Exact.ONE);
  if (s.method === 'gatedProportional' && ratio.lt(Exact.of(s.gate))) return { kind: 'belowGate', ratio, points: Exact.ZERO };
  return { kind: 'scored', ratio, points: ratio.times(max) };
}

export function compileRatio(s: Ratio, max: Exact): CompiledScoring {
  const ids = sortedIds(quantityFacts(ratioQuantity(s)));
  const read = readers(s, true);
  return (env, t) => {
    if (t) t.read(env.facts, ids);
    return ratioOutcome(s, env.facts, max, read).points;
  };
}

export function ratioView(s: Ratio, values: Facts, { max, factDefs }: ViewContext): MethodView {
  const outcome = ratioOutcome(s, values, max);
  const m = quantityText(ratioQuantity(s), values, factDefs);
  const base = { method: s.method, values: ordered(values, quantityFacts(ratioQuantity(s))), conditions: [] };
  const points = outcome.points ?? Exact.ZERO;
  const o = outOf(points, max);
  switch (outcome.kind) {
    case 'zeroDenominator':
      return outcome.points === null
        ? { points, trace: base, explanation: bi('Mẫu số bằng 0: tiêu chí không áp dụng', 'Denominator is 0: not applicable') }
        : { points, trace: base, explanation: bi(`Mẫu số bằng 0 → ${o.vi}`, `Denominator is 0 → ${o.en}`) };
    case 'missing':
      return { points, trace: base, explanation: bi(`${m.text.vi} → ${o.vi}`, `${m.text.en} → ${o.en}`) };
    case 'belowGate': {
      const gate = Exact.of((s as GatedProportional).gate);
      const pct = gate.times(Exact.HUNDRED);
      return {
        points,
        trace: { ...base, formula: `${num(outcome.ratio, 'en')} < ${num(gate, 'en')} → 0` },
        explanation: bi(
          `${m.text.vi}, dưới ngưỡng ${num(pct, 'vi')}% → ${o.vi}`,
          `${m.text.en}, below the ${num(pct, 'en')}% gate → ${o.en}`,
        ),
      };
    }
    case 'scored': {
      const formula = (lang: 'vi' | 'en') => `${num(outcome.ratio, lang)} × ${num(max, lang)}`;
      return {
        points,
        trace: { ...base, formula: `${formula('en')} = ${num(points, 'en')}` },
        explanation: bi(`${m.text.vi}; ${formula('vi')} → ${o.vi}`, `${m.text.en}; ${formula('en')} → ${o.en}`),
      };
    }
  }
}

/** The ratio's terms, as the diff words them. */
export function ratioChanges(a: Ratio, b: Ratio, path: string) {
  const term = (x: string | number, lang: 'vi' | 'en') => (typeof x === 'number' ? num(x, lang) : x);
  if (a.numerator === b.numerator && a.denominator === b.denominator) return [];
  return [
    {
      kind: 'scoringChanged' as const,
      path,
      before: { numerator: a.numerator, denominator: a.denominator },
      after: { numerator: b.numerator, denominator: b.denominator },
      message: bi(
        `tỷ lệ ${arrow(`${a.numerator} ÷ ${term(a.denominator, 'vi')}`, `${b.numerator} ÷ ${term(b.denominator, 'vi')}`)}`,
        `ratio ${arrow(`${a.numerator} ÷ ${term(a.denominator, 'en')}`, `${b.numerator} ÷ ${term(b.denominator, 'en')}`)}`,
      ),
    },
  ];
}
