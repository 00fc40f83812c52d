import type { MethodDef } from './types';
import type { RelativeToBest } from '../schemaTypes';
import { Exact, min } from '../exact';
import { ZERO_DENOMINATOR, onZeroDenominator, ordered, quantityFacts, quantityReader, quantityRefs, quantityText } from '../quantity';
import { bi, num, outOf } from '../text';
import { sortedIds } from './tracer';

type Outcome = { kind: 'scored'; points: Exact } | { kind: 'noValue' } | { kind: 'zero'; points: Exact | null; of: 'value' | 'best' };

/** value ÷ best value in the cohort × max, the best computed over the batch beforehand. */
function relativePoints(s: RelativeToBest, value: Exact | null | typeof ZERO_DENOMINATOR, best: Exact | null, max: Exact): Outcome {
  if (value === ZERO_DENOMINATOR)
    return { kind: 'zero', of: 'value', points: onZeroDenominator('fact' in s.value ? undefined : s.value.onZeroDenominator, max) };
  if (value === null) return { kind: 'noValue' };
  if (best === null || !best.isPositive()) return { kind: 'zero', of: 'best', points: onZeroDenominator(s.onZeroDenominator, max) };
  return { kind: 'scored', points: min(value.isNegative() ? Exact.ZERO : value.div(best), Exact.ONE).times(max) };
}

export const relativeToBest: MethodDef<'relativeToBest'> = {
  name: bi('So với đơn vị cao nhất', 'Relative to the best'),
  help: bi('giá trị ÷ giá trị cao nhất trong khối × điểm tối đa.', 'value ÷ best value in the cohort × maximum.'),
  addsToMax: () => true,
  defaults: () => ({ method: 'relativeToBest', value: { fact: '' } }),
  conditions: () => [],
  facts: (s) => quantityRefs(s.value, '/value'),
  nested: () => [],

  compile(s, max, slot, c) {
    const value = quantityReader(s.value);
    const read = sortedIds(quantityFacts(s.value));
    c.cohortValue(slot, value);
    return (env, t) => {
      if (t) t.read(env.facts, read);
      const outcome = relativePoints(s, value(env.facts), env.best.get(slot), max);
      return outcome.kind === 'noValue' ? Exact.ZERO : outcome.points;
    };
  },

  view(s, trace, { max, slot, factDefs, best: bestOf }) {
    const values = trace.read ?? {};
    const m = quantityText(s.value, values, factDefs);
    const value = quantityReader(s.value)(values);
    const bestText = bestOf(slot);
    const best = bestText === undefined ? null : Exact.of(bestText);
    const outcome = relativePoints(s, value, best, max);
    const base = { method: 'relativeToBest', values: ordered(values, quantityFacts(s.value)), conditions: [] };
    if (outcome.kind !== 'scored') {
      const points = outcome.kind === 'zero' ? (outcome.points ?? Exact.ZERO) : Exact.ZERO;
      const o = outOf(points, max);
      const trace = { ...base, ...(bestText !== undefined ? { best: bestText } : {}) };
      if (outcome.kind === 'zero' && outcome.points === null)
        return { points, trace, explanation: bi(`${m.text.vi}: tiêu chí không áp dụng`, `${m.text.en}: not applicable`) };
      return {
        points,
        trace,
        explanation:
          outcome.kind === 'zero' && outcome.of === 'value' && !points.isZero()
            ? bi(`${m.text.vi} → ${o.vi}`, `${m.text.en} → ${o.en}`)
            : bi(
                `${m.text.vi}; không có giá trị tốt nhất dương trong khối → ${o.vi}`,
                `${m.text.en}; no positive best value in the cohort → ${o.en}`,
              ),
      };
    }
    const points = outcome.points;
    const o = outOf(points, max);
    const f = (lang: 'vi' | 'en') => `${num(value as Exact, lang)} ÷ ${num(best!, lang)} × ${num(max, lang)}`;
    return {
      points,
      trace: { ...base, best: bestText, formula: `${f('en')} = ${num(points, 'en')}` },
      explanation: bi(
        `${m.text.vi}; cao nhất trong khối ${num(best!, 'vi')}; ${f('vi')} → ${o.vi}`,
        `${m.text.en}; best in the cohort ${num(best!, 'en')}; ${f('en')} → ${o.en}`,
      ),
    };
  },

  lint: () => [],
  diff: { keys: [], changes: () => [] },
};
