import type { MethodDef } from './types';
import { Exact } from '../exact';
import { ordered } from '../quantity';
import { bi } from '../text';
import { sortedIds } from './tracer';

/** Collected for information only (e.g. the DTI smart-city block): weight 0. */
export const notScored: MethodDef<'notScored'> = {
  name: bi('Không tính điểm', 'Not scored'),
  help: bi('Thu thập để tham khảo, không tính điểm.', 'Collected for information, weight 0.'),
  addsToMax: () => false,
  defaults: () => ({ method: 'notScored' }),
  conditions: () => [],
  facts: (s) => (s.facts ?? []).map((fact, i) => ({ path: `/facts/${i}`, value: { fact, role: 'collected' } })),
  nested: () => [],

  compile(s) {
    const read = sortedIds(s.facts ?? []);
    return (env, t) => {
      if (t) t.read(env.facts, read);
      return Exact.ZERO;
    };
  },

  view: (s, trace) => ({
    points: Exact.ZERO,
    trace: { method: 'notScored', values: ordered(trace.read ?? {}, s.facts ?? []), conditions: [] },
    explanation: bi('Thu thập thông tin, không tính điểm', 'Collected for information, not scored'),
  }),

  lint: () => [],
  diff: { keys: [], changes: () => [] },
};
