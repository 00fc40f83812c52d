import { emptyLeaf } from '../conditions/operators';

export const METHODS = [
  'yesNo',
  'cases',
  'parts',
  'proportional',
  'gatedProportional',
  'tiers',
  'countCap',
  'composite',
  'bestOf',
  'relativeToBest',
  'deduction',
  'manual',
  'notScored',
  'notApplicable',
] as const;

export type Method = (typeof METHODS)[number];

const when = () => ({ all: [emptyLeaf()] });

/** A valid starting point for each method, so switching method never leaves a broken node. */
export function defaultScoring(method: Method, max = 1): Record<string, unknown> {
  switch (method) {
    case 'yesNo':
      return { method, when: when() };
    case 'cases':
      return { method, cases: [{ label: { vi: '' }, when: when(), points: max }] };
    case 'parts':
      return { method, parts: [{ label: { vi: '' }, when: when(), points: max }] };
    case 'proportional':
      return { method, numerator: '', denominator: '' };
    case 'gatedProportional':
      return { method, numerator: '', denominator: '', gate: 0.5 };
    case 'tiers':
      return { method, value: { fact: '' }, tiers: [{ from: 0, to: 50, points: 0 }, { from: 50, points: max }] };
    case 'countCap':
      return { method, fact: '', unit: 1 };
    case 'composite':
      return { method, parts: [{ label: { vi: '' }, max, scoring: { method: 'yesNo', when: when() } }] };
    case 'bestOf':
      return { method, options: [{ label: { vi: '' }, scoring: { method: 'yesNo', when: when() } }] };
    case 'relativeToBest':
      return { method, value: { fact: '' } };
    case 'deduction':
      return { method, fact: '', perUnit: 1, floor: -5 };
    case 'manual':
      return { method, fact: '' };
    case 'notScored':
      return { method };
    case 'notApplicable':
      return { method, reason: { vi: '' } };
  }
}
