// From a rolled-up tree to what is published: the total (rescaled when items do not apply, or the
// maximum reduced, as the cohort declares), the percentage, the band and the version's result fields.
import type { CompiledCohort, CompiledVersion } from './compile';
import type { BandResult } from './evaluation';
import { Exact } from './exact';
import type { Rollup } from './rollup';

export interface Totals {
  total: Exact;
  max: Exact;
  percentage: Exact;
  band: BandResult | null;
  /** Result fields by id, in sorted order. */
  results: Record<string, number>;
  rescaledFrom: Exact | null;
}

export function totals(compiled: CompiledVersion, cohort: CompiledCohort, r: Rollup): Totals {
  const { policy, version } = compiled;
  let raw = Exact.ZERO;
  let applicableMax = Exact.ZERO;
  for (const n of r.nodes) raw = raw.plus(n.points);
  for (const n of r.nodes) applicableMax = applicableMax.plus(n.max);
  if (policy.floorAtZero && raw.isNegative()) raw = Exact.ZERO;

  let total = raw;
  let max = cohort.max;
  let rescaledFrom: Exact | null = null;
  if (r.anyNotApplicable && applicableMax.isPositive() && !applicableMax.eq(cohort.max)) {
    if ((cohort.cohort.notApplicable ?? 'rescale') === 'rescale') {
      total = raw.times(cohort.max).div(applicableMax);
      rescaledFrom = applicableMax;
    } else max = applicableMax;
  }
  const percentage = max.isZero() ? Exact.ZERO : total.div(max).times(Exact.HUNDRED);
  const basis = cohort.bandBasis === 'percentage' ? percentage : total;
  const value = policy.classifyOn === 'rounded' ? basis.round(policy.places, policy.rounding) : basis;
  const band = cohort.bands.find((b) => value.gte(b.min))?.result ?? null;

  const results: Record<string, number> = {};
  const fields = [...(version.resultFields ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const f of fields) {
    const source = f.source === 'percentage' ? percentage : total;
    results[f.id] = source
      .times(Exact.of(f.multiplier))
      .round(f.places, f.rounding ?? policy.rounding)
      .toNumber();
  }
  return { total, max, percentage, band, results, rescaledFrom };
}

/** Rounded per the version's numeric policy, as a JSON number. */
export const rounded = (compiled: CompiledVersion, value: Exact): number =>
  value.round(compiled.policy.places, compiled.policy.rounding).toNumber();
