import type { MethodDef } from './types';
import type { CountCap } from '../schemaTypes';
import { Exact, min } from '../exact';
import { quantityText, readNumber } from '../quantity';
import { arrow } from '../diff/support';
import { warning } from '../finding';
import { about, bi, nodeName } from '../naming';
import { num, outOf } from '../text';
import { sortedIds } from './tracer';

type Facts = Parameters<typeof readNumber>[0];

/** n × unit points, at most the cap (and never more than the maximum): "1 point per application, at most 5". */
function countPoints(s: CountCap, facts: Facts, max: Exact) {
  const n = readNumber(facts, s.fact) ?? Exact.ZERO;
  const cap = min(s.cap !== undefined ? Exact.of(s.cap) : max, max);
  const raw = n.times(Exact.of(s.unit));
  return { n, cap, raw, points: min(raw.isNegative() ? Exact.ZERO : raw, cap) };
}

export const countCap: MethodDef<'countCap'> = {
  name: bi('Đếm có giới hạn', 'Count with cap'),
  help: bi('số lượng × điểm mỗi đơn vị, không quá mức trần.', 'count × points per unit, at most the cap.'),
  addsToMax: () => true,
  defaults: () => ({ method: 'countCap', fact: '', unit: 1 }),
  conditions: () => [],
  facts: (s) => [{ path: '/fact', value: { fact: s.fact, role: 'number' } }],
  nested: () => [],

  compile(s, max) {
    const read = sortedIds([s.fact]);
    return (env, t) => {
      if (t) t.read(env.facts, read);
      return countPoints(s, env.facts, max).points;
    };
  },

  view(s, trace, { max, factDefs }) {
    const values = trace.read ?? {};
    const { n, cap, raw, points } = countPoints(s, values, max);
    const m = quantityText({ fact: s.fact }, values, factDefs);
    const o = outOf(points, max);
    const f = (lang: 'vi' | 'en') => `${num(n, lang)} × ${num(Exact.of(s.unit), lang)} = ${num(raw, lang)}`;
    return {
      points,
      trace: { method: 'countCap', values, conditions: [], formula: `min(${f('en')}, ${num(cap, 'en')})` },
      explanation: bi(
        `${m.text.vi}; ${f('vi')}, tối đa ${num(cap, 'vi')} → ${o.vi}`,
        `${m.text.en}; ${f('en')}, at most ${num(cap, 'en')} → ${o.en}`,
      ),
    };
  },

  lint({ scoring, path, entry, budget }) {
    if (scoring.cap === undefined || scoring.cap <= budget) return [];
    return [
      warning(
        `${path}/cap`,
        'cap-above-max',
        about(
          nodeName(entry.node),
          bi(
            `mức trần ${scoring.cap} vượt điểm tối đa ${budget}; điểm sẽ bị giới hạn ở ${budget}`,
            `the cap ${scoring.cap} is above the maximum ${budget}; points are capped at ${budget}`,
          ),
        ),
      ),
    ];
  },

  diff: {
    keys: ['unit', 'cap'],
    changes(a, b, path) {
      if (a.unit === b.unit && a.cap === b.cap) return [];
      const f = (s: CountCap, lang: 'vi' | 'en') => `${num(s.unit, lang)} × n${s.cap !== undefined ? `, ≤ ${num(s.cap, lang)}` : ''}`;
      return [
        {
          kind: 'pointsChanged',
          path,
          before: a,
          after: b,
          message: bi(`cách tính ${arrow(f(a, 'vi'), f(b, 'vi'))}`, `points ${arrow(f(a, 'en'), f(b, 'en'))}`),
        },
      ];
    },
  },
};
