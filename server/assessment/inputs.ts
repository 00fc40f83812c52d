// From stored rows to what the engine reads: the pinned (or a requested) version of a period, and
// each submission as { agency, facts } with its effective facts (appraised where present).
import type { RuleSetVersion, SubmissionInput } from '../engine';
import type { Queryable } from '../store/db';
import { listAgencies, toEngineAgency, type Agency } from '../store/agencies';
import type { Period } from '../store/periods';
import type { Submission } from '../store/submissions';
import { requireVersion, type Version } from '../store/versions';
import { Problem } from '../problems/problem';

export type VersionWithDocument = Version & { document: RuleSetVersion };

/** The period's pinned version, or another version of the same rule set when asked for. */
export async function versionForPeriod(db: Queryable, period: Period, versionId?: string): Promise<VersionWithDocument> {
  const version = await requireVersion(db, versionId ?? period.versionId);
  if (version.ruleSet !== period.ruleSet) {
    throw new Problem('rule-set-mismatch',
      {
        vi: `Phiên bản ${version.version} thuộc bộ chỉ số "${version.ruleSet}", còn kỳ đánh giá thuộc "${period.ruleSet}".`,
        en: `Version ${version.version} belongs to rule set "${version.ruleSet}"; the period belongs to "${period.ruleSet}".`,
      },
      [{ severity: 'error', path: '/versionId', code: 'rule-set-mismatch', message: { vi: 'Khác bộ chỉ số', en: 'Another rule set' } }],
    );
  }
  return version;
}

export async function agenciesById(db: Queryable, ids: string[]): Promise<Map<string, Agency>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { rows } = await listAgencies(db, { id: unique }, { orderBy: 'id', order: 'ASC', offset: 0, limit: unique.length });
  return new Map(rows.map((a) => [a.id, a]));
}

/** What the engine evaluates for a submission: the agency as it is now, and the effective facts. */
export function submissionInput(submission: Submission, agency: Agency): SubmissionInput {
  return { agency: toEngineAgency(agency), facts: submission.effectiveFacts };
}

export async function submissionInputs(db: Queryable, submissions: Submission[]): Promise<SubmissionInput[]> {
  const agencies = await agenciesById(db, submissions.map((s) => s.agencyId));
  return submissions.map((s) => submissionInput(s, agencies.get(s.agencyId)!));
}
