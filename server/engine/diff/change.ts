// One entry of a change list: what changed, where, and the sentence an administrator reads.
import type { Bilingual } from '../naming';

export type VersionChangeKind =
  | 'versionChanged'
  | 'titleChanged'
  | 'attributeChanged'
  | 'legalBasisChanged'
  | 'effectiveChanged'
  | 'numericChanged'
  | 'factAdded'
  | 'factRemoved'
  | 'factChanged'
  | 'cohortAdded'
  | 'cohortRemoved'
  | 'cohortMaxChanged'
  | 'cohortMembershipChanged'
  | 'cohortChanged'
  | 'bandsChanged'
  | 'rankingChanged'
  | 'resultFieldChanged'
  | 'added'
  | 'removed'
  | 'moved'
  | 'renumbered'
  | 'kindChanged'
  | 'maxChanged'
  | 'cohortsChanged'
  | 'methodChanged'
  | 'thresholdsChanged'
  | 'pointsChanged'
  | 'conditionChanged'
  | 'scoringChanged'
  | 'provisionalChanged'
  | 'legalRefChanged'
  | 'sourceChanged'
  | 'evidenceChanged'
  | 'continuesChanged'
  | 'labelChanged';

export interface VersionChange {
  /** The node code, fact id, cohort id or band id concerned; "" for the version itself. */
  code: string;
  kind: VersionChangeKind;
  /** JSON Pointer in the newer version (in the older one for removed items). */
  path?: string;
  before?: unknown;
  after?: unknown;
  message: Bilingual;
}

/** A change inside one scoring method, before the criterion's name is put in front of it. */
export interface ScoringChange {
  kind: VersionChangeKind;
  path: string;
  before: unknown;
  after: unknown;
  message: Bilingual;
}
