import type { GatedProportional, Proportional } from '../schemaTypes';
import { D, min } from '../decimal';
import { measure, pickValues } from '../quantity';
import { bi, num, outOf } from '../text';
import type { Score, ScoreContext, Scorer } from './types';
import type { Decimal } from '../decimal';

/**
 * points = numerator ÷ denominator × max (ratio capped at 1). With a gate, a ratio below it gives 0:
 * "plan completion ≥ 80 % → completion × max, else 0".
 */
function ratioScore(s: Proportional | GatedProportional, max: Decimal, ctx: ScoreContext): Score {
  const m = measure({ numerator: s.numerator, denominator: s.denominator }, ctx.facts, ctx.factDefs);
  const trace = { method: s.method, values: pickValues(ctx.facts, m.read), conditions: [] };
  const denominator = typeof s.denominator === 'number' ? D(s.denominator) : null;
  const zeroDenominator = m.value === null && (denominator?.isZero() || ctx.facts[s.denominator as string] === 0);
  if (zeroDenominator) {
    const mode = s.onZeroDenominator ?? 'zero';
    if (mode === 'notApplicable')
      return { points: D(0), notApplicable: true, trace, explanation: bi('Mẫu số bằng 0: tiêu chí không áp dụng', 'Denominator is 0: not applicable') };
    const points = mode === 'full' ? max : D(0);
    const o = outOf(points, max);
    return { points, trace, explanation: bi(`Mẫu số bằng 0 → ${o.vi}`, `Denominator is 0 → ${o.en}`) };
  }
  if (m.value === null) {
    const o = outOf(D(0), max);
    return { points: D(0), trace, explanation: bi(`${m.text.vi} → ${o.vi}`, `${m.text.en} → ${o.en}`) };
  }
  const ratio = min(m.value, D(1));
  if (s.method === 'gatedProportional' && ratio.lessThan(s.gate)) {
    const o = outOf(D(0), max);
    const gate = D(s.gate).times(100);
    return {
      points: D(0),
      trace: { ...trace, formula: `${num(ratio, 'en')} < ${num(D(s.gate), 'en')} → 0` },
      explanation: bi(`${m.text.vi}, dưới ngưỡng ${num(gate, 'vi')}% → ${o.vi}`, `${m.text.en}, below the ${num(gate, 'en')}% gate → ${o.en}`),
    };
  }
  const points = ratio.times(max);
  const o = outOf(points, max);
  const formula = (lang: 'vi' | 'en') => `${num(ratio, lang)} × ${num(max, lang)}`;
  return {
    points,
    trace: { ...trace, formula: `${formula('en')} = ${num(points, 'en')}` },
    explanation: bi(`${m.text.vi}; ${formula('vi')} → ${o.vi}`, `${m.text.en}; ${formula('en')} → ${o.en}`),
  };
}

export const proportional: Scorer<Proportional> = (s, max, _slot, ctx) => ratioScore(s, max, ctx);
export const gatedProportional: Scorer<GatedProportional> = (s, max, _slot, ctx) => ratioScore(s, max, ctx);
