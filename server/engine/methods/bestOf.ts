import type { MethodDef } from './types';
import { Exact } from '../exact';
import { bi } from '../text';

const optionSlot = (slot: string, i: number): string => `${slot}/option/${i}`;

/** Each alternative is scored against the maximum; the highest counts (the first one on a tie). */
export const bestOf: MethodDef<'bestOf'> = {
  name: bi('Lấy cách cao nhất', 'Best of'),
  help: bi('Chấm từng cách, lấy kết quả cao nhất.', 'Each alternative is scored; the highest counts.'),
  addsToMax: () => true,
  defaults: () => ({
    method: 'bestOf',
    options: [{ label: { vi: '' }, scoring: { method: 'yesNo', when: { all: [{ fact: '', operator: 'equal', value: true }] } } }],
  }),
  conditions: () => [],
  facts: () => [],
  nested: (s, budget) => s.options.map((o, i) => ({ path: `/options/${i}/scoring`, value: { scoring: o.scoring, budget } })),

  compile(s, max, slot, c) {
    const options = s.options.map((o, i) => c.nested(o.scoring, max, optionSlot(slot, i)));
    return (env, t) => {
      let best: Exact | null = null;
      let index = 0;
      for (let i = 0; i < options.length; i++) {
        const sub = t ? t.part() : null;
        const points = options[i](env, sub) ?? Exact.ZERO;
        if (sub) sub.points = points;
        if (best === null || points.gt(best)) {
          best = points;
          index = i;
        }
      }
      if (t) t.matched = [index];
      return best ?? Exact.ZERO;
    };
  },

  view(s, trace, ctx) {
    const views = s.options.map((o, i) => ctx.nested(o.scoring, trace.parts?.[i] ?? {}, ctx.max, optionSlot(ctx.slot, i)));
    const index = trace.matched?.[0] ?? 0;
    const chosen = s.options[index];
    const view = views[index];
    return {
      points: view.points,
      trace: {
        method: 'bestOf',
        values: Object.assign({}, ...views.map((v) => v.trace.values)),
        conditions: views.flatMap((v) => v.trace.conditions),
        parts: views.map((v) => v.trace),
        matched: [{ index, label: chosen.label }],
      },
      explanation: bi(
        `Phương án có lợi nhất «${chosen.label.vi}»: ${view.explanation.vi}`,
        `Best alternative «${chosen.label.en ?? chosen.label.vi}»: ${view.explanation.en}`,
      ),
    };
  },

  lint: () => [],
  diff: { keys: [], changes: () => [] },
};
