import type { MethodDef, MethodView } from './types';
import { Exact, min } from '../exact';
import { warning } from '../finding';
import { about, bi, nodeName } from '../naming';
import { num, outOf } from '../text';

const compositePartSlot = (slot: string, i: number): string => `${slot}/sub/${i}`;

/** Sum of sub-formulas, each against its own maximum ("connected-units ratio × 45 + applications ≤ 5"). */
export const composite: MethodDef<'composite'> = {
  name: bi('Kết hợp', 'Composite'),
  help: bi('Tổng các công thức con, mỗi công thức có điểm tối đa riêng.', 'Sum of sub-formulas, each against its own maximum.'),
  addsToMax: () => true,
  defaults: (max) => ({
    method: 'composite',
    parts: [{ label: { vi: '' }, max, scoring: { method: 'yesNo', when: { all: [{ fact: '', operator: 'equal', value: true }] } } }],
  }),
  conditions: () => [],
  facts: () => [],
  nested: (s) => s.parts.map((p, i) => ({ path: `/parts/${i}/scoring`, value: { scoring: p.scoring, budget: p.max } })),

  compile(s, max, slot, c) {
    const parts = s.parts.map((p, i) => c.nested(p.scoring, Exact.of(p.max), compositePartSlot(slot, i)));
    return (env, t) => {
      let sum = Exact.ZERO;
      for (const part of parts) {
        const sub = t ? t.part() : null;
        // A part that finds itself not applicable simply gives nothing.
        const points = part(env, sub) ?? Exact.ZERO;
        if (sub) sub.points = points;
        sum = sum.plus(points);
      }
      return min(sum, max);
    };
  },

  view(s, trace, ctx) {
    const scored = s.parts.map((p, i) => ({
      part: p,
      view: ctx.nested(p.scoring, trace.parts?.[i] ?? {}, Exact.of(p.max), compositePartSlot(ctx.slot, i)),
    }));
    const sum = scored.reduce((acc, x) => acc.plus(x.view.points), Exact.ZERO);
    const points = min(sum, ctx.max);
    const o = outOf(points, ctx.max);
    const list = (lang: 'vi' | 'en') =>
      scored
        .map(
          (x) =>
            `${lang === 'en' ? (x.part.label.en ?? x.part.label.vi) : x.part.label.vi} ${num(x.view.points, lang)}/${num(Exact.of(x.part.max), lang)}`,
        )
        .join(' + ');
    const views: MethodView[] = scored.map((x) => x.view);
    return {
      points,
      trace: {
        method: 'composite',
        values: Object.assign({}, ...views.map((v) => v.trace.values)),
        conditions: views.flatMap((v) => v.trace.conditions),
        parts: views.map((v) => v.trace),
        formula: `min(${views.map((v) => num(v.points, 'en')).join(' + ')}, ${num(ctx.max, 'en')})`,
      },
      explanation: bi(
        `${list('vi')} → ${o.vi} (${views.map((v) => v.explanation.vi).join('; ')})`,
        `${list('en')} → ${o.en} (${views.map((v) => v.explanation.en).join('; ')})`,
      ),
    };
  },

  lint({ scoring, path, entry, budget }) {
    const sum = scoring.parts.reduce((acc, p) => acc.plus(Exact.of(p.max)), Exact.ZERO);
    const name = nodeName(entry.node);
    if (sum.gt(Exact.of(budget)))
      return [
        warning(
          `${path}/parts`,
          'composite-sum-above-max',
          about(
            name,
            bi(
              `các thành phần cộng lại ${sum} điểm, vượt điểm tối đa ${budget}; điểm sẽ bị giới hạn`,
              `the parts add up to ${sum}, above the maximum ${budget}; points are capped`,
            ),
          ),
        ),
      ];
    if (sum.lt(Exact.of(budget)))
      return [
        warning(
          `${path}/parts`,
          'composite-sum-below-max',
          about(
            name,
            bi(
              `các thành phần cộng lại chỉ ${sum} điểm, không thể đạt điểm tối đa ${budget}`,
              `the parts add up to only ${sum}, so the maximum ${budget} cannot be reached`,
            ),
          ),
        ),
      ];
    return [];
  },

  diff: { keys: [], changes: () => [] },
};
