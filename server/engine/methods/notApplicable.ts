import type { MethodDef } from './types';
import { Exact } from '../exact';
import { bi } from '../text';

/** Kept for its numbering, but does not apply in this version: it leaves the maximum. */
export const notApplicable: MethodDef<'notApplicable'> = {
  name: bi('Không áp dụng', 'Not applicable'),
  help: bi('Giữ số thứ tự, không áp dụng.', 'Kept for numbering, does not apply.'),
  addsToMax: () => false,
  defaults: () => ({ method: 'notApplicable', reason: { vi: '' } }),
  conditions: () => [],
  facts: () => [],
  nested: () => [],
  compile: () => () => null,

  view: (s) => ({
    points: Exact.ZERO,
    trace: { method: 'notApplicable', values: {}, conditions: [] },
    explanation: bi(`Không áp dụng: ${s.reason.vi}`, `Not applicable: ${s.reason.en ?? s.reason.vi}`),
  }),

  lint: () => [],
  diff: { keys: [], changes: () => [] },
};
