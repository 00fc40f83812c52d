import type { MethodDef } from './types';
import { Exact, min } from '../exact';
import { conditionsView } from '../conditions/view';
import { bi, num, outOf } from '../text';
import { pointsOf } from './points';
import { diffCaseList, lintCaseList } from './caseList';

/** Additive parts: each part that holds adds its share; the sum is capped at the maximum. */
export const parts: MethodDef<'parts'> = {
  name: bi('Cộng điểm từng phần', 'Additive parts'),
  help: bi('Mỗi phần thỏa mãn được cộng điểm, tối đa bằng điểm tối đa.', 'Every part that holds adds its points, up to the maximum.'),
  addsToMax: () => true,
  defaults: (max) => ({
    method: 'parts',
    parts: [{ label: { vi: '' }, when: { all: [{ fact: '', operator: 'equal', value: true }] }, points: max }],
  }),
  conditions: (s) => s.parts.map((p, i) => ({ path: `/parts/${i}/when`, value: p.when })),
  facts: () => [],
  nested: () => [],

  compile(s, max, _slot, c) {
    const whens = s.parts.map((p) => c.condition(p.when));
    const worth = s.parts.map((p) => pointsOf(p, max));
    return (env, t) => {
      const leaves = t ? (t.conditions = []) : null;
      const matched: number[] | null = t ? [] : null;
      let sum = Exact.ZERO;
      for (let i = 0; i < whens.length; i++) {
        if (!whens[i](env, leaves)) continue;
        matched?.push(i);
        sum = sum.plus(worth[i]);
      }
      if (t) t.matched = matched!;
      return min(sum, max);
    };
  },

  view(s, trace, { max }) {
    const matched = trace.matched ?? [];
    const sum = matched.reduce((acc, i) => acc.plus(pointsOf(s.parts[i], max)), Exact.ZERO);
    const points = min(sum, max);
    const o = outOf(points, max);
    const list = (lang: 'vi' | 'en') =>
      matched
        .map((i) => {
          const label = s.parts[i].label;
          return `«${lang === 'en' ? (label.en ?? label.vi) : label.vi}» (+${num(pointsOf(s.parts[i], max), lang)})`;
        })
        .join(', ');
    return {
      points,
      explanation: matched.length
        ? bi(
            `Đạt ${matched.length}/${s.parts.length} phần: ${list('vi')} → ${o.vi}`,
            `Met ${matched.length}/${s.parts.length} parts: ${list('en')} → ${o.en}`,
          )
        : bi(`Không đạt phần nào → ${o.vi}`, `No part met → ${o.en}`),
      trace: {
        method: 'parts',
        values: {},
        conditions: conditionsView(
          s.parts.map((p) => p.when),
          trace.conditions,
        ),
        matched: matched.map((i) => ({ index: i, label: s.parts[i].label })),
        formula: `min(${matched.map((i) => num(pointsOf(s.parts[i], max), 'en')).join(' + ') || '0'}, ${num(max, 'en')})`,
      },
    };
  },

  lint: (site) => lintCaseList('parts', site.scoring.parts, site),
  diff: { keys: ['parts'], changes: (a, b, path) => diffCaseList('parts', a.parts, b.parts, path) },
};
