import type { NotApplicable, NotScored } from '../schemaTypes';
import { D } from '../decimal';
import { pickValues } from '../quantity';
import { bi } from '../text';
import type { Scorer } from './types';

/** Collected for information only (e.g. the DTI smart-city block): weight 0. */
export const notScored: Scorer<NotScored> = (s, _max, _slot, ctx) => ({
  points: D(0),
  trace: { method: 'notScored', values: pickValues(ctx.facts, s.facts ?? []), conditions: [] },
  explanation: bi('Thu thập thông tin, không tính điểm', 'Collected for information, not scored'),
});

/** Kept for its numbering, but does not apply in this version: it leaves the maximum. */
export const notApplicable: Scorer<NotApplicable> = (s) => ({
  points: D(0),
  notApplicable: true,
  trace: { method: 'notApplicable', values: {}, conditions: [] },
  explanation: bi(`Không áp dụng: ${s.reason.vi}`, `Not applicable: ${s.reason.en ?? s.reason.vi}`),
});
