import type { BestOf } from '../schemaTypes';
import type { CriterionTrace } from '../evaluation';
import { bi } from '../text';
import type { Scorer } from './types';

export const optionSlot = (slot: string, i: number): string => `${slot}/option/${i}`;

/** Each alternative is scored against the maximum; the highest counts (the first one on a tie). */
export const bestOf: Scorer<BestOf> = (s, max, slot, ctx) => {
  const scored = s.options.map((o, i) => ctx.score(o.scoring, max, optionSlot(slot, i)));
  let best = 0;
  scored.forEach((x, i) => {
    if (x.points.greaterThan(scored[best].points)) best = i;
  });
  const chosen = s.options[best];
  const parts: CriterionTrace[] = scored.map((x) => x.trace);
  return {
    points: scored[best].points,
    trace: { method: 'bestOf', values: Object.assign({}, ...parts.map((t) => t.values)), conditions: parts.flatMap((t) => t.conditions), parts, matched: [{ index: best, label: chosen.label }] },
    explanation: bi(
      `Phương án có lợi nhất «${chosen.label.vi}»: ${scored[best].explanation.vi}`,
      `Best alternative «${chosen.label.en ?? chosen.label.vi}»: ${scored[best].explanation.en}`,
    ),
  };
};
