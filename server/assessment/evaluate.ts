// Evaluating a period (every submitted or appraised submission, as one batch so that
// relative-to-best criteria see the whole cohort) or one submission (evaluated within that same
// batch, stored alone). Each evaluation is stored with its input, its full result and its hashes.
import { randomUUID } from 'node:crypto';
import { evaluateSubmissions, type Evaluation, type EvaluationView, type SubmissionInput } from '../engine';
import type { Queryable, Tx } from '../store/db';
import { recordAudit } from '../store/audit';
import { insertEvaluations, listEvaluations, requireEvaluation, type BatchKind, type EvaluationSummary, type StoredEvaluation } from '../store/evaluations';
import { requireVersion } from '../store/versions';
import { requirePeriod, type Period } from '../store/periods';
import { requireSubmission, submissionsOfPeriod, type Submission, type SubmissionStatus } from '../store/submissions';
import { compiledFor, viewsOf } from './compiled';
import { submissionInputs, versionForPeriod, type VersionWithDocument } from './inputs';
import { assertSubmissionStatus } from './submissions';
import { Problem } from '../problems/problem';

/** The submissions that count: submitted by the agency, and possibly appraised since. */
export const EVALUABLE: SubmissionStatus[] = ['submitted', 'appraised'];

export interface Computed {
  version: VersionWithDocument;
  submissions: Submission[];
  inputs: SubmissionInput[];
  results: Evaluation[];
}

/** The period's evaluable submissions as the engine reads them, with the version they are evaluated under. */
export async function periodInputs(tx: Tx, period: Period, versionId?: string): Promise<Omit<Computed, 'results'>> {
  const version = await versionForPeriod(tx, period, versionId);
  const submissions = await submissionsOfPeriod(tx, period.id, EVALUABLE);
  return { version, submissions, inputs: await submissionInputs(tx, submissions) };
}

/** Evaluates the period's evaluable submissions under a version, for the period's year, without storing anything. */
export async function computePeriod(tx: Tx, period: Period, versionId?: string): Promise<Computed> {
  const loaded = await periodInputs(tx, period, versionId);
  return { ...loaded, results: evaluateSubmissions(compiledFor(loaded.version.document), loaded.inputs, { year: period.year }) };
}

const nothingToEvaluate = (period: Period) =>
  new Problem('nothing-to-evaluate', {
    vi: `Kỳ đánh giá "${period.title}" chưa có bản tự đánh giá nào đã nộp.`,
    en: `Period "${period.title}" has no submitted submissions yet.`,
  });

async function store(tx: Tx, kind: BatchKind, c: Computed, which: number[], actor: string) {
  const batchId = randomUUID();
  const ids = await insertEvaluations(
    tx,
    { id: batchId, kind },
    which.map((i) => ({
      periodId: c.submissions[i].periodId,
      submissionId: c.submissions[i].id,
      revision: c.submissions[i].revision,
      versionId: c.version.id,
      input: c.inputs[i],
      result: c.results[i],
    })),
    actor,
  );
  return { batchId, ids };
}

export interface PeriodEvaluation {
  periodId: string;
  versionId: string;
  batchId: string;
  evaluations: EvaluationSummary[];
}

export async function evaluatePeriod(tx: Tx, periodId: string, actor: string, versionId?: string): Promise<PeriodEvaluation> {
  const period = await requirePeriod(tx, periodId);
  const computed = await computePeriod(tx, period, versionId);
  if (!computed.submissions.length) throw nothingToEvaluate(period);
  const { batchId, ids } = await store(tx, 'period', computed, computed.results.map((_, i) => i), actor);
  await recordAudit(tx, {
    actor,
    action: 'evaluate',
    resource: 'periods',
    resourceId: period.id,
    after: {
      batchId,
      versionId: computed.version.id,
      versionHash: computed.results[0].hashes.version,
      evaluations: computed.results.map((r, i) => ({ id: ids[i], agencyId: r.agencyId, total: r.total, band: r.band?.id ?? null, resultHash: r.hashes.result })),
    },
  });
  const { rows } = await listEvaluations(tx, { batchId }, { orderBy: 'e.seq', order: 'ASC', offset: 0, limit: ids.length });
  return { periodId: period.id, versionId: computed.version.id, batchId, evaluations: rows };
}

/** One submission, evaluated together with the period's other evaluable submissions (its cohort). */
export async function evaluateOne(tx: Tx, submissionId: string, actor: string, versionId?: string): Promise<string> {
  const submission = await requireSubmission(tx, submissionId);
  assertSubmissionStatus(submission, EVALUABLE, { vi: 'đánh giá bản chưa nộp', en: 'evaluate a submission that was not submitted' });
  const period = await requirePeriod(tx, submission.periodId);
  const computed = await computePeriod(tx, period, versionId);
  const index = computed.submissions.findIndex((s) => s.id === submission.id);
  const { ids } = await store(tx, 'submission', computed, [index], actor);
  const result = computed.results[index];
  await recordAudit(tx, {
    actor,
    action: 'create',
    resource: 'evaluations',
    resourceId: ids[0],
    after: {
      submissionId: submission.id,
      revision: submission.revision,
      versionId: computed.version.id,
      total: result.total,
      band: result.band?.id ?? null,
      hashes: result.hashes,
    },
  });
  return ids[0];
}

/**
 * A stored evaluation as the API shows it: `result` is the view a person reads (titles, explanations,
 * traces in words), `record` the record exactly as stored and hashed.
 */
export async function readEvaluation(db: Queryable, id: string): Promise<Omit<StoredEvaluation, 'result'> & { result: EvaluationView; record: StoredEvaluation['result'] }> {
  const stored = await requireEvaluation(db, id);
  const version = await requireVersion(db, stored.versionId);
  return { ...stored, result: viewsOf(version.document, [stored.result])[0], record: stored.result };
}
