import type { Bands, Cohort, RuleSetVersion } from './schemaTypes';
import type { Decimal } from './decimal';
import type { BandResult } from './evaluation';

export const bandsFor = (version: RuleSetVersion, cohort: Cohort): Bands => cohort.bands ?? version.bands;

/** The highest band whose inclusive lower bound the value reaches; null below every band. */
export function classify(bands: Bands, value: Decimal): BandResult | null {
  const levels = [...bands.levels].sort((a, b) => b.min - a.min);
  const level = levels.find((l) => value.gte(l.min));
  if (!level) return null;
  return { id: level.id, label: level.label, ...(level.color ? { color: level.color } : {}) };
}
