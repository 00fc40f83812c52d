import type { Cases } from '../schemaTypes';
import { D } from '../decimal';
import type { ConditionTrace } from '../evaluation';
import { bi, outOf } from '../text';
import { pointsOf } from './points';
import type { Scorer } from './types';

export const caseSlot = (slot: string, i: number): string => `${slot}/case/${i}`;

/** Partial credit by case: the first case that holds decides. */
export const cases: Scorer<Cases> = (s, max, slot, ctx) => {
  const conditions: ConditionTrace[] = [];
  let matched = -1;
  s.cases.forEach((c, i) => {
    const r = ctx.slots.get(caseSlot(slot, i));
    conditions.push(...(r?.trace ?? []));
    if (matched < 0 && r?.holds) matched = i;
  });
  const points = matched >= 0 ? pointsOf(s.cases[matched], max) : D(0);
  const o = outOf(points, max);
  const c = s.cases[matched];
  return {
    points,
    explanation: c
      ? bi(`Trường hợp «${c.label.vi}» → ${o.vi}`, `Case «${c.label.en ?? c.label.vi}» → ${o.en}`)
      : bi(`Không thuộc trường hợp nào được tính điểm → ${o.vi}`, `No scoring case applies → ${o.en}`),
    trace: { method: 'cases', values: {}, conditions, ...(c ? { matched: [{ index: matched, label: c.label }] } : {}) },
  };
};
