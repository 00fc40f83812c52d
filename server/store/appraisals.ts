// Appraisals (thẩm định): the evaluator's value for one fact, beside the agency's own value, with a
// reason, author and time. Rows are append-only; the submission keeps the latest appraised value
// per fact and the agency's value is never touched.
import type { FactValue } from '../engine';
import type { Queryable, Tx } from './db';
import { iso, Where, type Page } from './sql';
import type { Submission } from './submissions';
import { isUuid } from './users';

export interface Appraisal {
  id: string;
  submissionId: string;
  periodId: string;
  agencyId: string;
  fact: string;
  /** What the agency reported (absent → null). */
  agencyValue: FactValue | null;
  appraisedValue: FactValue | null;
  /** The appraised value this one replaced, if the fact had been appraised before. */
  previousValue: FactValue | null;
  reason: string;
  author: string;
  at: string;
}

interface AppraisalRow {
  id: string;
  submission_id: string;
  period_id: string;
  agency_id: string;
  fact: string;
  agency_value: FactValue | null;
  appraised_value: FactValue | null;
  previous_value: FactValue | null;
  reason: string;
  author: string;
  at: Date;
}

const COLUMNS = `ap.id, ap.submission_id, s.period_id, s.agency_id, ap.fact, ap.agency_value, ap.appraised_value,
  ap.previous_value, ap.reason, ap.author, ap.at`;
const FROM = 'appraisals ap JOIN submissions s ON s.id = ap.submission_id';

const toAppraisal = (r: AppraisalRow): Appraisal => ({
  id: r.id,
  submissionId: r.submission_id,
  periodId: r.period_id,
  agencyId: r.agency_id,
  fact: r.fact,
  agencyValue: r.agency_value,
  appraisedValue: r.appraised_value,
  previousValue: r.previous_value,
  reason: r.reason,
  author: r.author,
  at: iso(r.at)!,
});

export async function insertAppraisal(
  tx: Tx,
  submission: Submission,
  input: { fact: string; value: FactValue | null; reason: string },
  actor: string,
): Promise<Appraisal> {
  const had = Object.prototype.hasOwnProperty.call(submission.appraisedFacts, input.fact);
  const res = await tx.query<{ id: string }>(
    `INSERT INTO appraisals (submission_id, fact, agency_value, appraised_value, previous_value, reason, author)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7) RETURNING id`,
    [
      submission.id,
      input.fact,
      JSON.stringify(submission.facts[input.fact] ?? null),
      JSON.stringify(input.value),
      JSON.stringify(had ? submission.appraisedFacts[input.fact] : null),
      input.reason.trim(),
      actor,
    ],
  );
  return (await getAppraisal(tx, res.rows[0].id))!;
}

export async function getAppraisal(db: Queryable, id: string): Promise<Appraisal | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<AppraisalRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE ap.id = $1`, [id]);
  return res.rows[0] ? toAppraisal(res.rows[0]) : null;
}

export interface AppraisalFilter {
  id?: string[];
  submissionId?: string;
  periodId?: string;
  agencyId?: string;
  fact?: string;
  author?: string;
}

// "at" sorts by the order appraisals were made (their sequence), not by their transactions' start.
export const APPRAISAL_SORT: Record<string, string> = { at: 'ap.seq', fact: 'ap.fact', author: 'ap.author', agencyId: 's.agency_id' };

export async function listAppraisals(db: Queryable, filter: AppraisalFilter, page: Page): Promise<{ rows: Appraisal[]; total: number }> {
  const w = new Where();
  if (filter.id) w.add('ap.id::text = ANY(?::text[])', filter.id);
  if (filter.submissionId) w.add('ap.submission_id::text = ?', filter.submissionId);
  if (filter.periodId) w.add('s.period_id::text = ?', filter.periodId);
  if (filter.agencyId) w.add('s.agency_id = ?', filter.agencyId);
  if (filter.fact) w.add('ap.fact = ?', filter.fact);
  if (filter.author) w.add('ap.author = ?', filter.author);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${FROM} ${w.sql}`, w.params);
  const rows = await db.query<AppraisalRow>(`SELECT ${COLUMNS} FROM ${FROM} ${w.sql} ${w.page(page, 'ap.id')}`, w.params);
  return { rows: rows.rows.map(toAppraisal), total: total.rows[0].n };
}
