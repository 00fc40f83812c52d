// From stored rows to what the engine reads: each submission as { agency, facts } with its
// effective facts (appraised where present), and the criteria scored 0 for missing evidence.
import type { SubmissionInput } from '../engine';
import type { Queryable } from '../store/db';
import { listAgencies, toEngineAgency, type Agency } from '../store/agencies';
import type { Submission } from '../store/submissions';

async function agenciesById(db: Queryable, ids: string[]): Promise<Map<string, Agency>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const { rows } = await listAgencies(db, { id: unique }, { orderBy: 'id', order: 'ASC', offset: 0, limit: unique.length });
  return new Map(rows.map((a) => [a.id, a]));
}

/** What the engine evaluates for a submission: the agency as it is now, the effective facts and the zeroed criteria. */
export function submissionInput(submission: Submission, agency: Agency): SubmissionInput {
  const zeroed = Object.keys(submission.zeroedCriteria).length ? { zeroed: submission.zeroedCriteria } : {};
  return { agency: toEngineAgency(agency), facts: submission.effectiveFacts, ...zeroed };
}

export async function submissionInputs(db: Queryable, submissions: Submission[]): Promise<SubmissionInput[]> {
  const agencies = await agenciesById(
    db,
    submissions.map((s) => s.agencyId),
  );
  return submissions.map((s) => submissionInput(s, agencies.get(s.agencyId)!));
}
