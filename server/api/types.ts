// What the API answers beyond a stored record: one definition that the services build and the
// console reads (console/src/providers/dataProvider.ts), so the two cannot drift. Records of the
// engine (rankings, evaluations, findings, test results, version changes) keep their engine types.
import type { BandResult, Bilingual, Finding, TestCaseResult, VersionChange } from '../engine';
import type { Agency } from '../store/agencies';
import type { Appraisal } from '../store/appraisals';
import type { AuditEntry } from '../store/audit';
import type { EvaluationSummary } from '../store/evaluations';
import type { Period } from '../store/periods';
import type { PublishedRanking, RankingDecision } from '../store/rankings';
import type { RuleSet } from '../store/ruleSets';
import type { Submission } from '../store/submissions';
import type { User } from '../store/users';
import type { Version } from '../store/versions';

export type { Finding, TestCaseResult, VersionChange } from '../engine';
export type {
  Agency,
  Appraisal,
  AuditEntry,
  EvaluationSummary,
  Period,
  PublishedRanking,
  RankingDecision,
  RuleSet,
  Submission,
  User,
  Version,
};
export type { CurrentRanking } from '../services/rankings';
export type { EvaluationRead, PeriodEvaluation } from '../services/evaluate';
export type { CohortComparison } from '../services/cohortComparison';
export type {
  PublicAgencyResults,
  PublicAgencyYear,
  PublicCohort,
  PublicDecision,
  PublicRanking,
  PublicRankingSummary,
} from '../services/publicResults';

/** What each list endpoint (GET /api/<resource>) answers, row by row. */
export interface Rows {
  agencies: Agency;
  appraisals: Appraisal;
  audit: AuditEntry;
  evaluations: EvaluationSummary;
  periods: Period;
  'published-rankings': PublishedRanking;
  'rule-sets': RuleSet;
  submissions: Submission;
  users: User;
  versions: Version;
}

/** POST /versions/:id/lint */
export interface LintReport {
  findings: Finding[];
}

/** POST /versions/:id/test */
export interface TestRun {
  results: TestCaseResult[];
  passed: boolean;
}

/** GET /versions/:id/diff/:otherId */
export interface VersionDiff {
  changes: VersionChange[];
}

/** One place where a replayed result and the stored one differ. */
export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
  /** Where, in words: the agency, the khối, the item by code and title, the field. */
  where?: Bilingual;
}

/** POST /evaluations/:id/replay and /published-rankings/:id/replay */
export interface ReplayReport {
  verified: boolean;
  expectedHash: string;
  actualHash: string;
  /** The stored document hashes to its stored hash (false: it was changed after the fact). */
  storedIntact: boolean;
  versionHash: { expected: string; actual: string };
  engineVersion: { stored: string; current: string };
  /** "record": compared byte for byte (same engine); "meaning": points, totals and bands compared (newer engine). */
  compared: 'record' | 'meaning';
  differences: Difference[];
}

/** An agency's place under one version. */
export interface Standing {
  cohort: string | null;
  total: number;
  percentage: number;
  band: BandResult | null;
  rank: number | null;
}

export interface WhatIfRow {
  agencyId: string;
  agencyName: string;
  cohort: string | null;
  before: Standing;
  after: Standing;
  /** after.total − before.total, rounded like the totals. */
  delta: number;
  bandChanged: boolean;
  rankChanged: boolean;
  changed: boolean;
}

/** POST /periods/:id/what-if */
export interface WhatIfReport {
  periodId: string;
  baseVersionId: string;
  baseVersion: string;
  versionId: string;
  version: string;
  versionStatus: string;
  rows: WhatIfRow[];
  summary: { agencies: number; changed: number; bandChanged: number; rankChanged: number };
}

/** What verifying the audit log found, in words. */
export interface AuditFinding {
  kind: 'rewritten' | 'forged' | 'unsigned' | 'truncated' | 'anchor-mismatch' | 'checkpoint-mismatch';
  /** The entry concerned, where there is one. */
  id: number | null;
  message: Bilingual;
}

/** GET /audit/verify (and `chiso audit verify`) */
export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstBrokenId?: number;
  /** The server holds the audit key, so signatures were checked. */
  keyed: boolean;
  /** Entries with a valid signature, and entries written before the log was keyed. */
  signed: number;
  unsigned: number;
  /** Published rankings' anchors checked against the log. */
  anchors: number;
  head: { id: number; hash: string } | null;
  findings: AuditFinding[];
}
