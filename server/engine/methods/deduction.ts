import type { Deduction } from '../schemaTypes';
import { D, max as dmax } from '../decimal';
import { measure, pickValues } from '../quantity';
import { bi, num } from '../text';
import type { Scorer } from './types';

/** −perUnit for each counted event, never below the floor ("late report −0.25 each"). */
export const deduction: Scorer<Deduction> = (s, _max, _slot, ctx) => {
  const m = measure({ fact: s.fact }, ctx.facts, ctx.factDefs);
  const n = m.value && m.value.isPositive() ? m.value : D(0);
  const raw = n.times(s.perUnit).negated();
  const points = dmax(raw, D(s.floor));
  const f = (lang: 'vi' | 'en') => `${num(n, lang)} × ${num(D(s.perUnit), lang)} = ${num(raw.abs(), lang)}`;
  const floor = (lang: 'vi' | 'en') => num(D(s.floor).abs(), lang);
  return {
    points,
    trace: { method: 'deduction', values: pickValues(ctx.facts, m.read), conditions: [], formula: `max(-(${f('en')}), ${num(D(s.floor), 'en')})` },
    explanation: bi(
      `${m.text.vi}; trừ ${f('vi')} điểm (trừ tối đa ${floor('vi')}) → ${num(points, 'vi')} điểm`,
      `${m.text.en}; minus ${f('en')} points (at most ${floor('en')}) → ${num(points, 'en')} points`,
    ),
  };
};
