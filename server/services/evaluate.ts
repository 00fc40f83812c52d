// Evaluating a period (every submitted or appraised submission, as one batch so that
// relative-to-best criteria see the whole cohort) or one submission (scored in the context of its
// cohort's bests, stored alone). Each evaluation is stored with its input, its full result and its
// hashes, and returned as stored: nothing is read back.
import { randomUUID } from 'node:crypto';
import {
  CohortBests,
  evaluateSubmission,
  evaluateSubmissions,
  type Evaluation,
  type EvaluationView,
  type SubmissionInput,
} from '../engine';
import type { Queryable, Tx } from '../store/db';
import { recordAudit } from '../store/audit';
import {
  insertEvaluations,
  listEvaluations,
  requireEvaluation,
  summaryOf,
  type BatchKind,
  type EvaluationFilter,
  type EvaluationSummary,
  type StoredEvaluation,
} from '../store/evaluations';
import type { Page } from '../store/sql';
import { requirePeriod, type Period } from '../store/periods';
import { submissionsOfPeriod, type Submission, type SubmissionStatus } from '../store/submissions';
import { assertAgencyAccess, scopedAgency, type Actor } from './actor';
import { loadVersion, periodVersion, viewsOf, type LoadedVersion } from './compiled';
import { submissionInput, submissionInputs } from './inputs';
import { assertSubmissionStatus, submissionFor } from './submissions';
import { requireAgency } from '../store/agencies';
import { Problem } from '../problems/problem';

export { EVALUATION_SORT } from '../store/evaluations';

/** The submissions that count: submitted by the agency, and possibly appraised since. */
export const EVALUABLE: SubmissionStatus[] = ['submitted', 'appraised'];

export interface Computed extends LoadedVersion {
  submissions: Submission[];
  inputs: SubmissionInput[];
  results: Evaluation[];
}

/** The period's evaluable submissions as the engine reads them, with the version they are evaluated under. */
export async function periodInputs(db: Queryable, period: Period, versionId?: string): Promise<Omit<Computed, 'results'>> {
  const loaded = await periodVersion(db, period, versionId);
  const submissions = await submissionsOfPeriod(db, period.id, EVALUABLE);
  return { ...loaded, submissions, inputs: await submissionInputs(db, submissions) };
}

/** Evaluates the period's evaluable submissions under a version, for the period's year, without storing anything. */
async function computePeriod(db: Queryable, period: Period, versionId?: string): Promise<Computed> {
  const loaded = await periodInputs(db, period, versionId);
  return { ...loaded, results: evaluateSubmissions(loaded.compiled, loaded.inputs, { year: period.year }) };
}

const nothingToEvaluate = (period: Period) =>
  new Problem('nothing-to-evaluate', {
    vi: `Kỳ đánh giá "${period.title}" chưa có bản tự đánh giá nào đã nộp.`,
    en: `Period "${period.title}" has no submitted submissions yet.`,
  });

interface Evaluated {
  submission: Submission;
  input: SubmissionInput;
  result: Evaluation;
}

async function store(tx: Tx, kind: BatchKind, version: LoadedVersion['version'], evaluated: Evaluated[], actor: string) {
  const batchId = randomUUID();
  const stored = await insertEvaluations(
    tx,
    { id: batchId, kind, versionLabel: version.version },
    evaluated.map(({ submission, input, result }) => ({
      periodId: submission.periodId,
      submissionId: submission.id,
      revision: submission.revision,
      versionId: version.id,
      input,
      result,
    })),
    actor,
  );
  return { batchId, stored };
}

export interface PeriodEvaluation {
  periodId: string;
  versionId: string;
  batchId: string;
  evaluations: EvaluationSummary[];
}

/** Evaluates and stores a period's batch; also returns the stored evaluations in full, for ranking them. */
export async function evaluatePeriodBatch(
  tx: Tx,
  period: Period,
  actor: string,
  versionId?: string,
): Promise<PeriodEvaluation & { stored: StoredEvaluation[]; loaded: LoadedVersion }> {
  const computed = await computePeriod(tx, period, versionId);
  if (!computed.submissions.length) throw nothingToEvaluate(period);
  const evaluated = computed.results.map((result, i) => ({ submission: computed.submissions[i], input: computed.inputs[i], result }));
  const { batchId, stored } = await store(tx, 'period', computed.version, evaluated, actor);
  await recordAudit(tx, {
    actor,
    action: 'evaluate',
    resource: 'periods',
    resourceId: period.id,
    after: {
      batchId,
      versionId: computed.version.id,
      versionHash: computed.results[0].hashes.version,
      evaluations: stored.map((e) => ({
        id: e.id,
        agencyId: e.agencyId,
        total: e.total,
        band: e.result.band?.id ?? null,
        resultHash: e.hashes.result,
      })),
    },
  });
  return {
    periodId: period.id,
    versionId: computed.version.id,
    batchId,
    evaluations: stored.map(summaryOf),
    stored,
    loaded: { version: computed.version, compiled: computed.compiled },
  };
}

export async function evaluatePeriod(tx: Tx, periodId: string, actor: string, versionId?: string): Promise<PeriodEvaluation> {
  const { stored: _s, loaded: _l, ...evaluation } = await evaluatePeriodBatch(tx, await requirePeriod(tx, periodId), actor, versionId);
  return evaluation;
}

/**
 * One submission, scored in its cohort's context: the bests of the period's other evaluable
 * submissions when the version compares agencies with their cohort's best, else alone.
 */
export async function evaluateOne(tx: Tx, submissionId: string, actor: Actor, versionId?: string): Promise<EvaluationRead> {
  const submission = await submissionFor(tx, actor, submissionId);
  assertSubmissionStatus(submission, EVALUABLE, { vi: 'đánh giá bản chưa nộp', en: 'evaluate a submission that was not submitted' });
  const period = await requirePeriod(tx, submission.periodId);
  const { version, compiled } = await periodVersion(tx, period, versionId);
  const input = submissionInput(submission, await requireAgency(tx, submission.agencyId));
  const bests = new CohortBests(compiled, { year: period.year });
  if (compiled.cohortValues.length) {
    const others = (await submissionsOfPeriod(tx, period.id, EVALUABLE)).filter((s) => s.id !== submission.id);
    for (const other of await submissionInputs(tx, others)) bests.add(other);
  }
  bests.add(input);
  const result = evaluateSubmission(compiled, input, bests.contextFor(input));
  const [stored] = (await store(tx, 'submission', version, [{ submission, input, result }], actor.username)).stored;
  await recordAudit(tx, {
    actor: actor.username,
    action: 'create',
    resource: 'evaluations',
    resourceId: stored.id,
    after: {
      submissionId: submission.id,
      revision: submission.revision,
      versionId: version.id,
      total: result.total,
      band: result.band?.id ?? null,
      hashes: result.hashes,
    },
  });
  return asRead(stored, viewsOf(compiled, [stored.result])[0]);
}

/**
 * A stored evaluation as the API shows it: `result` is the view a person reads (titles, explanations,
 * traces in words), `record` the record exactly as stored and hashed.
 */
export type EvaluationRead = Omit<StoredEvaluation, 'result'> & { result: EvaluationView; record: StoredEvaluation['result'] };

const asRead = (stored: StoredEvaluation, view: EvaluationView): EvaluationRead => ({ ...stored, result: view, record: stored.result });

export async function readEvaluation(db: Queryable, actor: Actor, id: string): Promise<EvaluationRead> {
  const stored = await requireEvaluation(db, id);
  assertAgencyAccess(actor, stored.agencyId);
  const { compiled } = await loadVersion(db, stored.versionId);
  return asRead(stored, viewsOf(compiled, [stored.result])[0]);
}

export function listEvaluationsFor(db: Queryable, actor: Actor, filter: EvaluationFilter, page: Page) {
  return listEvaluations(db, { ...filter, agencyId: scopedAgency(actor, filter.agencyId) }, page);
}
