// Stored evaluations: what the engine read (input), what it produced (result, with the trace and
// the cohort context), the three hashes and the engine version. Rows are append-only; a newer
// evaluation of the same submission is a new row. Evaluations computed together share a batch.
import type { BandResult, Evaluation, SubmissionInput } from '../engine';
import type { Queryable, Tx } from './db';
import { notFound } from '../problems/problem';
import { iso, viOrder, Where, type Page } from './sql';
import { isUuid } from './users';

export type BatchKind = 'period' | 'submission';

export interface EvaluationSummary {
  id: string;
  batchId: string;
  batchKind: BatchKind;
  periodId: string;
  submissionId: string;
  /** The submission's revision that was evaluated. */
  revision: number;
  agencyId: string;
  agencyName: string;
  versionId: string;
  versionLabel: string;
  cohort: string | null;
  total: number;
  max: number;
  percentage: number;
  band: BandResult | null;
  results: Record<string, number>;
  hashes: { input: string; version: string; result: string };
  engineVersion: string;
  createdAt: string;
  createdBy: string;
}

export interface StoredEvaluation extends EvaluationSummary {
  input: SubmissionInput;
  result: Evaluation;
}

interface EvaluationRow {
  id: string;
  batch_id: string;
  batch_kind: BatchKind;
  period_id: string;
  submission_id: string;
  revision: number;
  agency_id: string;
  agency_name: string;
  version_id: string;
  version_label: string;
  cohort: string | null;
  total: number;
  max: number;
  percentage: number;
  band: BandResult | null;
  results: Record<string, number> | null;
  input_hash: string;
  version_hash: string;
  result_hash: string;
  engine_version: string;
  created_at: Date;
  created_by: string;
  input?: SubmissionInput;
  result?: Evaluation;
}

// Numbers are read from the stored result (jsonb numbers are JS numbers; numeric columns are text).
const SUMMARY = `e.id, e.batch_id, e.batch_kind, e.period_id, e.submission_id, e.revision, e.agency_id,
  COALESCE(e.result->>'agencyName', a.name) AS agency_name, e.version_id, v.version AS version_label, e.cohort,
  e.result->'total' AS total, e.result->'max' AS max, e.result->'percentage' AS percentage, e.result->'band' AS band,
  e.result->'results' AS results, e.input_hash, e.version_hash, e.result_hash, e.engine_version, e.created_at, e.created_by`;
const FULL = `${SUMMARY}, e.input, e.result`;
const FROM = 'evaluations e JOIN agencies a ON a.id = e.agency_id JOIN versions v ON v.id = e.version_id';
const WHAT = { vi: 'kết quả đánh giá', en: 'Evaluation' };

function toEvaluation(r: EvaluationRow): EvaluationSummary | StoredEvaluation {
  const summary: EvaluationSummary = {
    id: r.id,
    batchId: r.batch_id,
    batchKind: r.batch_kind,
    periodId: r.period_id,
    submissionId: r.submission_id,
    revision: r.revision,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    versionId: r.version_id,
    versionLabel: r.version_label,
    cohort: r.cohort,
    total: r.total,
    max: r.max,
    percentage: r.percentage,
    band: r.band,
    results: r.results ?? {},
    hashes: { input: r.input_hash, version: r.version_hash, result: r.result_hash },
    engineVersion: r.engine_version,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by,
  };
  return r.result ? { ...summary, input: r.input!, result: r.result } : summary;
}

export interface NewEvaluation {
  periodId: string;
  submissionId: string;
  revision: number;
  versionId: string;
  input: SubmissionInput;
  result: Evaluation;
}

/** Stores a batch of evaluations computed together; returns them as stored, in input order. */
export async function insertEvaluations(
  tx: Tx,
  batch: { id: string; kind: BatchKind; versionLabel: string },
  evaluations: NewEvaluation[],
  actor: string,
): Promise<StoredEvaluation[]> {
  const stored: StoredEvaluation[] = [];
  for (const e of evaluations) {
    const r = e.result;
    const res = await tx.query<{ id: string; created_at: Date }>(
      `INSERT INTO evaluations (batch_id, batch_kind, period_id, submission_id, revision, agency_id, version_id, cohort,
         total, max, percentage, band, input, result, input_hash, version_hash, result_hash, engine_version, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14::jsonb, $15, $16, $17, $18, $19)
       RETURNING id, created_at`,
      [
        batch.id,
        batch.kind,
        e.periodId,
        e.submissionId,
        e.revision,
        e.input.agency.id,
        e.versionId,
        r.cohort,
        r.totalExact,
        r.max,
        r.percentage,
        r.band?.id ?? null,
        JSON.stringify(e.input),
        JSON.stringify(r),
        r.hashes.input,
        r.hashes.version,
        r.hashes.result,
        r.engineVersion,
        actor,
      ],
    );
    const row = res.rows[0];
    stored.push({
      id: row.id,
      batchId: batch.id,
      batchKind: batch.kind,
      periodId: e.periodId,
      submissionId: e.submissionId,
      revision: e.revision,
      agencyId: e.input.agency.id,
      agencyName: r.agencyName,
      versionId: e.versionId,
      versionLabel: batch.versionLabel,
      cohort: r.cohort,
      total: r.total,
      max: r.max,
      percentage: r.percentage,
      band: r.band,
      results: r.results ?? {},
      hashes: { ...r.hashes },
      engineVersion: r.engineVersion,
      createdAt: iso(row.created_at)!,
      createdBy: actor,
      input: e.input,
      result: r,
    });
  }
  return stored;
}

/** What a list shows of a stored evaluation: everything but its input and result. */
export const summaryOf = ({ input: _i, result: _r, ...summary }: StoredEvaluation): EvaluationSummary => summary;

async function getEvaluation(db: Queryable, id: string): Promise<StoredEvaluation | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<EvaluationRow>(`SELECT ${FULL} FROM ${FROM} WHERE e.id = $1`, [id]);
  return res.rows[0] ? (toEvaluation(res.rows[0]) as StoredEvaluation) : null;
}

export async function requireEvaluation(db: Queryable, id: string): Promise<StoredEvaluation> {
  const evaluation = await getEvaluation(db, id);
  if (!evaluation) throw notFound(WHAT, id);
  return evaluation;
}

export interface EvaluationFilter {
  id?: string[];
  periodId?: string;
  submissionId?: string;
  agencyId?: string;
  versionId?: string;
  batchId?: string;
  cohort?: string;
  band?: string;
  /** Evaluations under versions of this rule set. */
  ruleSet?: string;
  /** Only the newest evaluation of each submission under each version. */
  latest?: boolean;
}

export const EVALUATION_SORT: Record<string, string> = {
  createdAt: 'e.seq',
  agencyName: viOrder("COALESCE(e.result->>'agencyName', a.name)"),
  agencyId: 'e.agency_id',
  cohort: 'e.cohort',
  total: 'e.total',
  percentage: 'e.percentage',
  band: 'e.band',
};

function where(filter: EvaluationFilter): Where {
  const w = new Where();
  if (filter.id) w.add('e.id::text = ANY(?::text[])', filter.id);
  if (filter.periodId) w.add('e.period_id::text = ?', filter.periodId);
  if (filter.submissionId) w.add('e.submission_id::text = ?', filter.submissionId);
  if (filter.agencyId) w.add('e.agency_id = ?', filter.agencyId);
  if (filter.versionId) w.add('e.version_id::text = ?', filter.versionId);
  if (filter.batchId) w.add('e.batch_id::text = ?', filter.batchId);
  if (filter.cohort) w.add('e.cohort = ?', filter.cohort);
  if (filter.band) w.add('e.band = ?', filter.band);
  if (filter.ruleSet) w.add('v.rule_set = ?', filter.ruleSet);
  if (filter.latest) {
    w.add(`NOT EXISTS (SELECT 1 FROM evaluations n
             WHERE n.submission_id = e.submission_id AND n.version_id = e.version_id AND n.seq > e.seq)`);
  }
  return w;
}

export async function listEvaluations(
  db: Queryable,
  filter: EvaluationFilter,
  page: Page,
): Promise<{ rows: EvaluationSummary[]; total: number }> {
  const w = where(filter);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${FROM} ${w.sql}`, w.params);
  const rows = await db.query<EvaluationRow>(`SELECT ${SUMMARY} FROM ${FROM} ${w.sql} ${w.page(page, 'e.seq')}`, w.params);
  return { rows: rows.rows.map(toEvaluation), total: total.rows[0].n };
}

/** Full evaluations by id, in the order of `ids`. */
export async function evaluationsByIds(db: Queryable, ids: string[]): Promise<StoredEvaluation[]> {
  const res = await db.query<EvaluationRow>(`SELECT ${FULL} FROM ${FROM} WHERE e.id::text = ANY($1::text[])`, [ids]);
  const byId = new Map(res.rows.map((r) => [r.id, toEvaluation(r) as StoredEvaluation]));
  return ids.map((id) => byId.get(id)).filter((e): e is StoredEvaluation => e !== undefined);
}

/** The newest whole-period batch of a period under a version, in the order it was evaluated. */
export async function latestPeriodBatch(db: Queryable, periodId: string, versionId: string): Promise<StoredEvaluation[]> {
  const res = await db.query<EvaluationRow>(
    `SELECT ${FULL} FROM ${FROM}
      WHERE e.batch_id = (SELECT batch_id FROM evaluations
                           WHERE period_id = $1 AND version_id = $2 AND batch_kind = 'period'
                           ORDER BY seq DESC LIMIT 1)
      ORDER BY e.seq`,
    [periodId, versionId],
  );
  return res.rows.map((r) => toEvaluation(r) as StoredEvaluation);
}

/** Every evaluation of a batch, in the order it was evaluated. */
export async function batchEvaluations(db: Queryable, batchId: string): Promise<StoredEvaluation[]> {
  if (!isUuid(batchId)) return [];
  const res = await db.query<EvaluationRow>(`SELECT ${FULL} FROM ${FROM} WHERE e.batch_id = $1 ORDER BY e.seq`, [batchId]);
  return res.rows.map((r) => toEvaluation(r) as StoredEvaluation);
}
