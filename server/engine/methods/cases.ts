import type { MethodDef } from './types';
import { Exact } from '../exact';
import { conditionsView } from '../conditions/view';
import { bi, outOf } from '../text';
import { pointsOf } from './points';
import { diffCaseList, lintCaseList } from './caseList';

/** Partial credit by case: the first case that holds decides ("chairman → full; deputy → ½"). */
export const cases: MethodDef<'cases'> = {
  name: bi('Chấm theo trường hợp', 'Partial by case'),
  help: bi('Trường hợp đầu tiên thỏa mãn cho điểm của nó.', 'The first case that holds gives its points.'),
  addsToMax: () => true,
  defaults: (max) => ({
    method: 'cases',
    cases: [{ label: { vi: '' }, when: { all: [{ fact: '', operator: 'equal', value: true }] }, points: max }],
  }),
  conditions: (s) => s.cases.map((c, i) => ({ path: `/cases/${i}/when`, value: c.when })),
  facts: () => [],
  nested: () => [],

  compile(s, max, _slot, c) {
    const whens = s.cases.map((x) => c.condition(x.when));
    const worth = s.cases.map((x) => pointsOf(x, max));
    return (env, t) => {
      const leaves = t ? (t.conditions = []) : null;
      let matched = -1;
      // Every case is evaluated, so the trace shows why the earlier ones did not hold.
      for (let i = 0; i < whens.length; i++) if (whens[i](env, leaves) && matched < 0) matched = i;
      if (t && matched >= 0) t.matched = [matched];
      return matched >= 0 ? worth[matched] : Exact.ZERO;
    };
  },

  view(s, trace, { max }) {
    const index = trace.matched?.[0] ?? -1;
    const c = s.cases[index];
    const points = c ? pointsOf(c, max) : Exact.ZERO;
    const o = outOf(points, max);
    return {
      points,
      explanation: c
        ? bi(`Trường hợp «${c.label.vi}» → ${o.vi}`, `Case «${c.label.en ?? c.label.vi}» → ${o.en}`)
        : bi(`Không thuộc trường hợp nào được tính điểm → ${o.vi}`, `No scoring case applies → ${o.en}`),
      trace: {
        method: 'cases',
        values: {},
        conditions: conditionsView(
          s.cases.map((x) => x.when),
          trace.conditions,
        ),
        ...(c ? { matched: [{ index, label: c.label }] } : {}),
      },
    };
  },

  lint: (site) => lintCaseList('cases', site.scoring.cases, site),
  diff: { keys: ['cases'], changes: (a, b, path) => diffCaseList('cases', a.cases, b.cases, path) },
};
