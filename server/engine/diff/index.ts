// What changed between two versions of a rule set, item by item and in plain words, so that an
// administrator can check an amendment against the new decision ("Tiêu chí 2.1.3: điểm tối đa
// 5 → 4"). Criteria are matched by code. The list follows the document order of the newer version,
// section by section, with the removed items of each section after the others.
import { bi } from '../naming';
import type { RuleSetVersion } from '../schemaTypes';
import type { VersionChange } from './change';
import { bandChanges, cohorts } from './cohorts';
import { criteria } from './criteria';
import { facts } from './facts';
import { metadata } from './metadata';
import { ranking } from './ranking';

export type { VersionChange, VersionChangeKind } from './change';

/** The changes from version `a` to version `b`, both schema-valid. */
export function diffVersions(a: RuleSetVersion, b: RuleSetVersion): VersionChange[] {
  return [
    ...metadata(a, b),
    ...facts(a, b),
    ...cohorts(a, b),
    ...bandChanges(a.bands, b.bands, '/bands', '', bi('', '')),
    ...ranking(a, b),
    ...criteria(a, b),
  ];
}
