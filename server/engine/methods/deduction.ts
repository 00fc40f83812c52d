import type { MethodDef } from './types';
import type { Deduction } from '../schemaTypes';
import { Exact, max as larger } from '../exact';
import { quantityText, readNumber } from '../quantity';
import { arrow } from '../diff/support';
import { error, warning } from '../finding';
import { about, bi, nodeName } from '../naming';
import { num, outOf } from '../text';
import { sortedIds } from './tracer';

type Facts = Parameters<typeof readNumber>[0];

/** start − perUnit for each counted event, never below the floor ("late report −0.25 each"). */
function deducted(s: Deduction, facts: Facts) {
  const value = readNumber(facts, s.fact);
  const n = value && value.isPositive() ? value : Exact.ZERO;
  const taken = n.times(Exact.of(s.perUnit));
  const raw = s.start ? Exact.of(s.start).minus(taken) : taken.negated();
  return { n, taken, raw, points: larger(raw, Exact.of(s.floor)) };
}

export const deduction: MethodDef<'deduction'> = {
  name: bi('Trừ điểm', 'Deduction'),
  help: bi(
    'Trừ điểm theo mỗi lần vi phạm (từ số điểm ban đầu, mặc định 0), không thấp hơn mức sàn.',
    'Minus points per event (from a starting score, 0 by default), never below the floor.',
  ),
  // A plain deduction takes points away from its parent; one that starts from points is worth them.
  addsToMax: (s) => (s.start ?? 0) > 0,
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

  view(s, trace, { max, factDefs }) {
    const values = trace.read ?? {};
    const { n, taken, raw, points } = deducted(s, values);
    const m = quantityText({ fact: s.fact }, values, factDefs);
    const f = (lang: 'vi' | 'en') => `${num(n, lang)} × ${num(Exact.of(s.perUnit), lang)} = ${num(taken, lang)}`;
    if (s.start) {
      const o = outOf(points, max);
      const floored = !points.eq(raw);
      const g = (lang: 'vi' | 'en') => `${num(Exact.of(s.start!), lang)} − ${num(taken, lang)} = ${num(raw, lang)}`;
      return {
        points,
        trace: { method: 'deduction', values, conditions: [], formula: `max(${g('en')}, ${num(Exact.of(s.floor), 'en')})` },
        explanation: bi(
          `${m.text.vi}; trừ ${f('vi')}; ${g('vi')}${floored ? `, không thấp hơn ${num(Exact.of(s.floor), 'vi')}` : ''} → ${o.vi}`,
          `${m.text.en}; minus ${f('en')}; ${g('en')}${floored ? `, not below ${num(Exact.of(s.floor), 'en')}` : ''} → ${o.en}`,
        ),
      };
    }
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

  lint({ scoring: s, path, entry }) {
    const name = nodeName(entry.node);
    const start = s.start ?? 0;
    if (s.floor > start)
      return [
        error(
          `${path}/floor`,
          'deduction-floor-above-start',
          about(
            name,
            bi(`mức sàn ${s.floor} cao hơn số điểm ban đầu ${start}`, `the floor ${s.floor} is above the starting points ${start}`),
          ),
        ),
      ];
    const out = [];
    if (s.floor === start)
      out.push(
        warning(
          `${path}/floor`,
          'deduction-no-op',
          about(
            name,
            bi(
              `mức sàn bằng số điểm ban đầu (${start}) nên không trừ được điểm nào; để trừ từ ${start} điểm mà không thấp hơn 0, đặt "start" và "floor": 0`,
              `the floor equals the starting points (${start}), so nothing can be deducted; to deduct from ${start} points but not below 0, set "start" and "floor": 0`,
            ),
          ),
        ),
      );
    if (start > 0 && entry.node.max !== start)
      out.push(
        error(
          `${entry.path}/max`,
          'deduction-start-max',
          about(name, bi(`điểm tối đa phải bằng số điểm ban đầu ${start}`, `the maximum must equal the starting points ${start}`)),
        ),
      );
    return out;
  },

  diff: {
    keys: ['perUnit', 'floor', 'start'],
    changes(a, b, path) {
      if (a.perUnit === b.perUnit && a.floor === b.floor && (a.start ?? 0) === (b.start ?? 0)) return [];
      const f = (s: Deduction, lang: 'vi' | 'en') =>
        `${s.start ? `${num(s.start, lang)} ` : ''}−${num(s.perUnit, lang)} × n, ≥ ${num(s.floor, lang)}`;
      return [
        {
          kind: 'pointsChanged',
          path,
          before: a,
          after: b,
          message: bi(`mức trừ ${arrow(f(a, 'vi'), f(b, 'vi'))}`, `deduction ${arrow(f(a, 'en'), f(b, 'en'))}`),
        },
      ];
    },
  },
};
