import type { RelativeToBest } from '../schemaTypes';
import { D, min } from '../decimal';
import { measure, pickValues } from '../quantity';
import { bi, num, outOf } from '../text';
import type { Scorer } from './types';

/** value ÷ best value in the cohort × max. The cohort's best is computed beforehand (see evaluate.ts). */
export const relativeToBest: Scorer<RelativeToBest> = (s, max, slot, ctx) => {
  const m = measure(s.value, ctx.facts, ctx.factDefs);
  const values = pickValues(ctx.facts, m.read);
  const bestText = ctx.best[slot];
  const best = bestText === undefined ? null : D(bestText);
  if (m.value === null || best === null || !best.isPositive()) {
    const o = outOf(D(0), max);
    return {
      points: D(0),
      trace: { method: 'relativeToBest', values, conditions: [], ...(bestText !== undefined ? { best: bestText } : {}) },
      explanation: bi(`${m.text.vi}; không có giá trị tốt nhất dương trong khối → ${o.vi}`, `${m.text.en}; no positive best value in the cohort → ${o.en}`),
    };
  }
  const points = min(m.value.isNegative() ? D(0) : m.value.div(best), D(1)).times(max);
  const o = outOf(points, max);
  const f = (lang: 'vi' | 'en') => `${num(m.value!, lang)} ÷ ${num(best, lang)} × ${num(max, lang)}`;
  return {
    points,
    trace: { method: 'relativeToBest', values, conditions: [], best: bestText, formula: `${f('en')} = ${num(points, 'en')}` },
    explanation: bi(
      `${m.text.vi}; cao nhất trong khối ${num(best, 'vi')}; ${f('vi')} → ${o.vi}`,
      `${m.text.en}; best in the cohort ${num(best, 'en')}; ${f('en')} → ${o.en}`,
    ),
  };
};
