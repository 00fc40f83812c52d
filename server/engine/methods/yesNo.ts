import type { MethodDef } from './types';
import { Exact } from '../exact';
import { conditionsView } from '../conditions/view';
import { arrow, cond, same } from '../diff/support';
import { bi, outOf } from '../text';

/** Condition met → full points, else 0. */
export const yesNo: MethodDef<'yesNo'> = {
  name: bi('Có / không', 'Yes / no'),
  help: bi('Đạt điều kiện → điểm tối đa, không đạt → 0.', 'Condition met → full points, otherwise 0.'),
  addsToMax: () => true,
  defaults: () => ({ method: 'yesNo', when: { all: [{ fact: '', operator: 'equal', value: true }] } }),
  conditions: (s) => [{ path: '/when', value: s.when }],
  facts: () => [],
  nested: () => [],

  compile(s, max, _slot, c) {
    const when = c.condition(s.when);
    return (env, t) => {
      if (!t) return when(env, null) ? max : Exact.ZERO;
      t.conditions = [];
      const holds = when(env, t.conditions);
      if (holds) t.matched = [0];
      return holds ? max : Exact.ZERO;
    };
  },

  view(s, trace, { max }) {
    const holds = trace.matched?.[0] === 0;
    const points = holds ? max : Exact.ZERO;
    const o = outOf(points, max);
    return {
      points,
      explanation: holds
        ? bi(`Đạt yêu cầu → ${o.vi}`, `Requirement met → ${o.en}`)
        : bi(`Chưa đạt yêu cầu → ${o.vi}`, `Requirement not met → ${o.en}`),
      trace: {
        method: 'yesNo',
        values: {},
        conditions: conditionsView([s.when], trace.conditions),
        ...(holds ? { matched: [{ index: 0 }] } : {}),
      },
    };
  },

  lint: () => [],

  diff: {
    keys: ['when'],
    changes: (a, b, path) =>
      same(a.when, b.when)
        ? []
        : [
            {
              kind: 'conditionChanged',
              path: `${path}/when`,
              before: a.when,
              after: b.when,
              message: bi(
                `điều kiện ${arrow(cond(a.when, 'vi'), cond(b.when, 'vi'))}`,
                `condition ${arrow(cond(a.when, 'en'), cond(b.when, 'en'))}`,
              ),
            },
          ],
  },
};
