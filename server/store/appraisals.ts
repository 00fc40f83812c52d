// Appraisals (thẩm định): the evaluator's value for one fact, beside the agency's own value, or a
// criterion scored 0 for missing evidence (or restored), with a reason, author and time. Rows are
// append-only; the submission keeps the latest appraised value per fact and the zeroed criteria,
// and the agency's value is never touched. Each appraisal carries the agency's reply, if any.
import type { FactValue } from '../engine';
import type { Queryable, Tx } from './db';
import { iso, Where, type Page } from './sql';
import type { Submission } from './submissions';
import { isUuid } from './users';
import { toReply, type Reply, type ReplyRow } from './replies';

export interface Appraisal {
  id: string;
  submissionId: string;
  periodId: string;
  agencyId: string;
  /** The fact appraised, or null for a criterion's appraisal. */
  fact: string | null;
  /** The criterion scored 0 (appraisedValue true) or restored (false), or null for a fact's appraisal. */
  criterion: string | null;
  /** What the agency reported (absent → null). */
  agencyValue: FactValue | null;
  appraisedValue: FactValue | null;
  /** The appraised value this one replaced, if the fact had been appraised before. */
  previousValue: FactValue | null;
  reason: string;
  author: string;
  at: string;
  reply: Reply | null;
}

interface AppraisalRow {
  id: string;
  submission_id: string;
  period_id: string;
  agency_id: string;
  fact: string | null;
  criterion: string | null;
  agency_value: FactValue | null;
  appraised_value: FactValue | null;
  previous_value: FactValue | null;
  reason: string;
  author: string;
  at: Date;
  reply: ReplyRow | null;
}

const COLUMNS = `ap.id, ap.submission_id, s.period_id, s.agency_id, ap.fact, ap.criterion, ap.agency_value, ap.appraised_value,
  ap.previous_value, ap.reason, ap.author, ap.at, CASE WHEN r.id IS NULL THEN NULL ELSE to_jsonb(r) END AS reply`;
const FROM = 'appraisals ap JOIN submissions s ON s.id = ap.submission_id LEFT JOIN appraisal_replies r ON r.appraisal_id = ap.id';

const toAppraisal = (r: AppraisalRow): Appraisal => ({
  id: r.id,
  submissionId: r.submission_id,
  periodId: r.period_id,
  agencyId: r.agency_id,
  fact: r.fact,
  criterion: r.criterion,
  agencyValue: r.agency_value,
  appraisedValue: r.appraised_value,
  previousValue: r.previous_value,
  reason: r.reason,
  author: r.author,
  at: iso(r.at)!,
  reply: r.reply ? toReply(r.reply) : null,
});

export type AppraisalSubject = { fact: string; value: FactValue | null } | { criterion: string; zeroed: boolean };

export async function insertAppraisal(
  tx: Tx,
  submission: Submission,
  input: AppraisalSubject & { reason: string },
  actor: string,
): Promise<Appraisal> {
  const row =
    'fact' in input
      ? {
          fact: input.fact,
          criterion: null,
          agency: submission.facts[input.fact] ?? null,
          value: input.value,
          previous: Object.prototype.hasOwnProperty.call(submission.appraisedFacts, input.fact)
            ? submission.appraisedFacts[input.fact]
            : null,
        }
      : {
          fact: null,
          criterion: input.criterion,
          agency: null,
          value: input.zeroed,
          previous: Object.prototype.hasOwnProperty.call(submission.zeroedCriteria, input.criterion),
        };
  const res = await tx.query<{ id: string }>(
    `INSERT INTO appraisals (submission_id, fact, criterion, agency_value, appraised_value, previous_value, reason, author)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8) RETURNING id`,
    [
      submission.id,
      row.fact,
      row.criterion,
      JSON.stringify(row.agency),
      JSON.stringify(row.value),
      JSON.stringify(row.previous),
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
  criterion?: string;
  author?: string;
  /** Appraisals whose reply is waiting for the evaluator (true) or not (false). */
  replyOpen?: boolean;
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
  if (filter.criterion) w.add('ap.criterion = ?', filter.criterion);
  if (filter.replyOpen !== undefined) w.add(`COALESCE(r.response = 'reply' AND r.outcome IS NULL, false) = ?`, filter.replyOpen);
  if (filter.author) w.add('ap.author = ?', filter.author);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${FROM} ${w.sql}`, w.params);
  const rows = await db.query<AppraisalRow>(`SELECT ${COLUMNS} FROM ${FROM} ${w.sql} ${w.page(page, 'ap.id')}`, w.params);
  return { rows: rows.rows.map(toAppraisal), total: total.rows[0].n };
}

/** The newest appraisal of the same fact or criterion of the same submission. */
export async function latestAppraisalId(db: Queryable, of: Pick<Appraisal, 'submissionId' | 'fact' | 'criterion'>): Promise<string> {
  const res = await db.query<{ id: string }>(
    `SELECT id FROM appraisals WHERE submission_id = $1 AND fact IS NOT DISTINCT FROM $2 AND criterion IS NOT DISTINCT FROM $3
      ORDER BY seq DESC LIMIT 1`,
    [of.submissionId, of.fact, of.criterion],
  );
  return res.rows[0].id;
}
