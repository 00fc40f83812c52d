import type { MethodDef } from './types';
import type { Manual } from '../schemaTypes';
import { Exact, max as larger, min } from '../exact';
import { readNumber } from '../quantity';
import { error } from '../finding';
import { about, bi, nodeName } from '../naming';
import { num, outOf } from '../text';
import { sortedIds } from './tracer';

type Facts = Parameters<typeof readNumber>[0];

/** Points the evaluator gives within [min, max], entered as an evaluator fact; none given yet → 0. */
function given(s: Manual, facts: Facts, max: Exact): Exact | null {
  const value = readNumber(facts, s.fact);
  return value === null ? null : min(larger(value, Exact.of(s.min ?? 0)), max);
}

export const manual: MethodDef<'manual'> = {
  name: bi('Chấm thủ công', 'Manual score'),
  help: bi('Cán bộ thẩm định nhập điểm, trong giới hạn cho phép.', 'The evaluator enters the points, within bounds.'),
  addsToMax: () => true,
  defaults: () => ({ method: 'manual', fact: '' }),
  conditions: () => [],
  facts: (s) => [{ path: '/fact', value: { fact: s.fact, role: 'manual' } }],
  nested: () => [],

  compile(s, max) {
    const read = sortedIds([s.fact]);
    return (env, t) => {
      if (t) t.read(env.facts, read);
      return given(s, env.facts, max) ?? Exact.ZERO;
    };
  },

  view(s, trace, { max }) {
    const values = trace.read ?? {};
    const points = given(s, values, max);
    if (points === null) {
      const o = outOf(Exact.ZERO, max);
      return {
        points: Exact.ZERO,
        trace: { method: 'manual', values, conditions: [] },
        explanation: bi(`Chưa có điểm thẩm định → ${o.vi}`, `Not yet scored by the evaluator → ${o.en}`),
      };
    }
    const entered = readNumber(values, s.fact)!;
    const o = outOf(points, max);
    return {
      points,
      trace: {
        method: 'manual',
        values,
        conditions: [],
        ...(!points.eq(entered) ? { formula: `clamp(${num(entered, 'en')}, ${num(Exact.of(s.min ?? 0), 'en')}, ${num(max, 'en')})` } : {}),
      },
      explanation: bi(`Điểm do cán bộ thẩm định chấm → ${o.vi}`, `Scored by the evaluator → ${o.en}`),
    };
  },

  lint({ scoring, path, entry, budget }) {
    if (scoring.min === undefined || scoring.min <= budget) return [];
    return [
      error(
        `${path}/min`,
        'manual-min-above-max',
        about(
          nodeName(entry.node),
          bi(`điểm tối thiểu ${scoring.min} vượt điểm tối đa ${budget}`, `the minimum ${scoring.min} is above the maximum ${budget}`),
        ),
      ),
    ];
  },

  diff: { keys: [], changes: () => [] },
};
