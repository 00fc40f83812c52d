// How one evaluation compares with its cohort: the cohort's average per main index and in total,
// over the results it was scored with. An agency user reads it for its own evaluations only, and
// it carries no other agency's own numbers (those are in the published ranking, once published).
import { cohortAverages, type CohortAverages, type LocalizedText } from '../engine';
import type { Queryable } from '../store/db';
import { batchEvaluations, evaluationsByIds, listEvaluations, requireEvaluation, type StoredEvaluation } from '../store/evaluations';
import { assertAgencyAccess, type Actor } from './actor';
import { loadVersion, viewsOf } from './compiled';

export interface CohortComparison {
  evaluationId: string;
  periodId: string;
  versionId: string;
  cohort: string | null;
  cohortName: LocalizedText | null;
  /** Agencies of the cohort averaged, this one included. */
  agencies: number;
  average: CohortAverages;
}

/**
 * The results an evaluation is compared with: its batch's, in its cohort, when the whole period
 * was evaluated together; else the newest evaluation of each submission of the cohort under the
 * same version. Always the evaluation itself in place of any other of its submission.
 */
async function peersOf(db: Queryable, stored: StoredEvaluation): Promise<StoredEvaluation[]> {
  if (stored.cohort === null) return [stored];
  const cohort =
    stored.batchKind === 'period'
      ? (await batchEvaluations(db, stored.batchId)).filter((e) => e.cohort === stored.cohort)
      : await evaluationsByIds(
          db,
          (
            await listEvaluations(
              db,
              { periodId: stored.periodId, versionId: stored.versionId, cohort: stored.cohort, latest: true },
              { orderBy: 'e.seq', order: 'ASC', offset: 0, limit: 100_000 },
            )
          ).rows.map((e) => e.id),
        );
  return [stored, ...cohort.filter((e) => e.submissionId !== stored.submissionId)];
}

export async function cohortComparison(db: Queryable, actor: Actor, evaluationId: string): Promise<CohortComparison> {
  const stored = await requireEvaluation(db, evaluationId);
  assertAgencyAccess(actor, stored.agencyId);
  const peers = await peersOf(db, stored);
  const { compiled } = await loadVersion(db, stored.versionId);
  return {
    evaluationId: stored.id,
    periodId: stored.periodId,
    versionId: stored.versionId,
    cohort: stored.cohort,
    cohortName: compiled.cohorts.find((c) => c.cohort.id === stored.cohort)?.cohort.name ?? null,
    agencies: peers.length,
    average: cohortAverages(
      viewsOf(
        compiled,
        peers.map((e) => e.result),
      ),
      compiled.policy.places,
    ),
  };
}
