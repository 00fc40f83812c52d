import type { MethodDef } from './types';
import type { Deduction } from '../schemaTypes';
import { Exact, max as larger } from '../exact';
import { quantityText, readNumber } from '../quantity';
import { arrow } from '../diff/support';
import { bi, num } from '../text';
import { sortedIds } from './tracer';

type Facts = Parameters<typeof readNumber>[0];

/** −perUnit for each counted event, never below the floor ("late report −0.25 each"). */
function deducted(s: Deduction, facts: Facts) {
  const value = readNumber(facts, s.fact);
  const n = value && value.isPositive() ? value : Exact.ZERO;
  const raw = n.times(Exact.of(s.perUnit)).negated();
  return { n, raw, points: larger(raw, Exact.of(s.floor)) };
}

export const deduction: MethodDef<'deduction'> = {
  name: bi('Trừ điểm', 'Deduction'),
  help: bi('Trừ điểm theo mỗi lần vi phạm, không thấp hơn mức sàn.', 'Minus points per event, never below the floor.'),
  addsToMax: false,
  defaults: () => ({ method: 'deduction', fact: '', perUnit: 1, floor: -5 }),
  conditions: () => [],
  facts: (s) => [{ path: '/fact', value: { fact: s.fact, role: 'number' } }],
  nested: () => [],

  compile(s) {
    const read = sortedIds([s.fact]);
    return (env, t) => {
      if (t) t.read(env.facts, read);
      return deducted(s, env.facts).points;
    };
  },

  view(s, trace, { factDefs }) {
    const values = trace.read ?? {};
    const { n, raw, points } = deducted(s, values);
    const m = quantityText({ fact: s.fact }, values, factDefs);
    const f = (lang: 'vi' | 'en') => `${num(n, lang)} × ${num(Exact.of(s.perUnit), lang)} = ${num(raw.abs(), lang)}`;
    const floor = (lang: 'vi' | 'en') => num(Exact.of(s.floor).abs(), lang);
    return {
      points,
      trace: { method: 'deduction', values, conditions: [], formula: `max(-(${f('en')}), ${num(Exact.of(s.floor), 'en')})` },
      explanation: bi(
        `${m.text.vi}; trừ ${f('vi')} điểm (trừ tối đa ${floor('vi')}) → ${num(points, 'vi')} điểm`,
        `${m.text.en}; minus ${f('en')} points (at most ${floor('en')}) → ${num(points, 'en')} points`,
      ),
    };
  },

  lint: () => [],

  diff: {
    keys: ['perUnit', 'floor'],
    changes(a, b, path) {
      if (a.perUnit === b.perUnit && a.floor === b.floor) return [];
      const f = (s: Deduction, lang: 'vi' | 'en') => `−${num(s.perUnit, lang)} × n, ≥ ${num(s.floor, lang)}`;
      return [{ kind: 'pointsChanged', path, before: a, after: b, message: bi(`mức trừ ${arrow(f(a, 'vi'), f(b, 'vi'))}`, `deduction ${arrow(f(a, 'en'), f(b, 'en'))}`) }];
    },
  },
};
