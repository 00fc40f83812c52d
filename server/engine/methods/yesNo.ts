import type { YesNo } from '../schemaTypes';
import { D } from '../decimal';
import { bi, outOf } from '../text';
import type { Scorer } from './types';

/** Condition met → full points, else 0. */
export const yesNo: Scorer<YesNo> = (_s, max, slot, ctx) => {
  const result = ctx.slots.get(slot);
  const holds = result?.holds === true;
  const points = holds ? max : D(0);
  const o = outOf(points, max);
  return {
    points,
    explanation: holds ? bi(`Đạt yêu cầu → ${o.vi}`, `Requirement met → ${o.en}`) : bi(`Chưa đạt yêu cầu → ${o.vi}`, `Requirement not met → ${o.en}`),
    trace: { method: 'yesNo', values: {}, conditions: result?.trace ?? [], ...(holds ? { matched: [{ index: 0 }] } : {}) },
  };
};
