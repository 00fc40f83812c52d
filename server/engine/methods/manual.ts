import type { Manual } from '../schemaTypes';
import { D, max as dmax, min } from '../decimal';
import { readNumber, pickValues } from '../quantity';
import { bi, num, outOf } from '../text';
import type { Scorer } from './types';

/** Points the evaluator gives within [min, max], entered as an evaluator fact. */
export const manual: Scorer<Manual> = (s, max, _slot, ctx) => {
  const given = readNumber(ctx.facts, s.fact);
  const values = pickValues(ctx.facts, [s.fact]);
  if (given === null) {
    const o = outOf(D(0), max);
    return { points: D(0), trace: { method: 'manual', values, conditions: [] }, explanation: bi(`Chưa có điểm thẩm định → ${o.vi}`, `Not yet scored by the evaluator → ${o.en}`) };
  }
  const points = min(dmax(given, D(s.min ?? 0)), max);
  const o = outOf(points, max);
  const clamped = !points.eq(given);
  return {
    points,
    trace: { method: 'manual', values, conditions: [], ...(clamped ? { formula: `clamp(${num(given, 'en')}, ${num(D(s.min ?? 0), 'en')}, ${num(max, 'en')})` } : {}) },
    explanation: bi(`Điểm do cán bộ thẩm định chấm → ${o.vi}`, `Scored by the evaluator → ${o.en}`),
  };
};
