import type { MethodDef } from './types';
import type { RelativeToBest } from '../schemaTypes';
import { Exact, min } from '../exact';
import { ordered, quantityFacts, quantityReader, quantityRefs, quantityText } from '../quantity';
import { bi, num, outOf } from '../text';
import { sortedIds } from './tracer';

/** value ÷ best value in the cohort × max, the best computed over the batch beforehand. */
function relativePoints(s: RelativeToBest, value: Exact | null, best: Exact | null, max: Exact): Exact | null {
  if (value === null || best === null || !best.isPositive()) return null;
  return min(value.isNegative() ? Exact.ZERO : value.div(best), Exact.ONE).times(max);
}

export const relativeToBest: MethodDef<'relativeToBest'> = {
  name: bi('So với đơn vị cao nhất', 'Relative to the best'),
  help: bi('giá trị ÷ giá trị cao nhất trong nhóm × điểm tối đa.', 'value ÷ best value in the cohort × maximum.'),
  addsToMax: true,
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
      return relativePoints(s, value(env.facts), env.best.get(slot), max) ?? Exact.ZERO;
    };
  },

  view(s, trace, { max, slot, factDefs, best: bestOf }) {
    const values = trace.read ?? {};
    const m = quantityText(s.value, values, factDefs);
    const value = quantityReader(s.value)(values);
    const bestText = bestOf(slot);
    const best = bestText === undefined ? null : Exact.of(bestText);
    const points = relativePoints(s, value, best, max);
    const base = { method: 'relativeToBest', values: ordered(values, quantityFacts(s.value)), conditions: [] };
    if (points === null) {
      const o = outOf(Exact.ZERO, max);
      return {
        points: Exact.ZERO,
        trace: { ...base, ...(bestText !== undefined ? { best: bestText } : {}) },
        explanation: bi(`${m.text.vi}; không có giá trị tốt nhất dương trong khối → ${o.vi}`, `${m.text.en}; no positive best value in the cohort → ${o.en}`),
      };
    }
    const o = outOf(points, max);
    const f = (lang: 'vi' | 'en') => `${num(value!, lang)} ÷ ${num(best!, lang)} × ${num(max, lang)}`;
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
