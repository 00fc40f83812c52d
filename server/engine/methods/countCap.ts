import type { CountCap } from '../schemaTypes';
import { D, min } from '../decimal';
import { measure, pickValues } from '../quantity';
import { bi, num, outOf } from '../text';
import type { Scorer } from './types';

/** n × unit points, at most the cap (and never more than the maximum). */
export const countCap: Scorer<CountCap> = (s, max, _slot, ctx) => {
  const m = measure({ fact: s.fact }, ctx.facts, ctx.factDefs);
  const n = m.value ?? D(0);
  const cap = min(s.cap !== undefined ? D(s.cap) : max, max);
  const raw = n.times(s.unit);
  const points = min(raw.isNegative() ? D(0) : raw, cap);
  const o = outOf(points, max);
  const f = (lang: 'vi' | 'en') => `${num(n, lang)} × ${num(D(s.unit), lang)} = ${num(raw, lang)}`;
  return {
    points,
    trace: { method: 'countCap', values: pickValues(ctx.facts, m.read), conditions: [], formula: `min(${f('en')}, ${num(cap, 'en')})` },
    explanation: bi(`${m.text.vi}; ${f('vi')}, tối đa ${num(cap, 'vi')} → ${o.vi}`, `${m.text.en}; ${f('en')}, at most ${num(cap, 'en')} → ${o.en}`),
  };
};
