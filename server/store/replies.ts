// The agency's replies to appraisals (quyền phản hồi): one per appraisal, kept as written, and the
// evaluator's resolution, set once (0007_assessment_year.sql refuses anything else).
import type { Queryable, Tx } from './db';
import { iso, viOrder, type PerAgency } from './sql';

export type ReplyResponse = 'accept' | 'reply';
export type ReplyOutcome = 'keep' | 'revise';

export interface Reply {
  id: string;
  appraisalId: string;
  response: ReplyResponse;
  text: string;
  /** Evidence the agency filed with its reply. */
  evidenceIds: string[];
  createdAt: string;
  createdBy: string;
  outcome: ReplyOutcome | null;
  outcomeReason: string | null;
  /** The appraisal that revised the one replied to (outcome "revise"). */
  revisionId: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** A row as Postgres gives it, either from a SELECT or as to_jsonb(row) (dates then as text). */
export interface ReplyRow {
  id: string;
  appraisal_id: string;
  response: ReplyResponse;
  text: string;
  evidence_ids: string[];
  created_at: Date | string;
  created_by: string;
  outcome: ReplyOutcome | null;
  outcome_reason: string | null;
  revision_id: string | null;
  resolved_at: Date | string | null;
  resolved_by: string | null;
}

export const toReply = (r: ReplyRow): Reply => ({
  id: r.id,
  appraisalId: r.appraisal_id,
  response: r.response,
  text: r.text,
  evidenceIds: r.evidence_ids,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
  outcome: r.outcome,
  outcomeReason: r.outcome_reason,
  revisionId: r.revision_id,
  resolvedAt: iso(r.resolved_at),
  resolvedBy: r.resolved_by,
});

export async function insertReply(
  tx: Tx,
  reply: { appraisalId: string; submissionId: string; response: ReplyResponse; text: string; evidenceIds: string[] },
  actor: string,
): Promise<Reply> {
  const res = await tx.query<ReplyRow>(
    `INSERT INTO appraisal_replies (appraisal_id, submission_id, response, text, evidence_ids, created_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING *`,
    [reply.appraisalId, reply.submissionId, reply.response, reply.text, JSON.stringify(reply.evidenceIds), actor],
  );
  return toReply(res.rows[0]);
}

export async function resolveReply(
  tx: Tx,
  id: string,
  resolution: { outcome: ReplyOutcome; reason: string; revisionId: string | null },
  actor: string,
): Promise<Reply> {
  const res = await tx.query<ReplyRow>(
    `UPDATE appraisal_replies SET outcome = $2, outcome_reason = $3, revision_id = $4, resolved_at = now(), resolved_by = $5
      WHERE id = $1 RETURNING *`,
    [id, resolution.outcome, resolution.reason, resolution.revisionId, actor],
  );
  return toReply(res.rows[0]);
}

/** The replies of a period that still wait for the evaluator, counted per agency. */
export async function openReplies(db: Queryable, periodId: string): Promise<PerAgency[]> {
  const res = await db.query<PerAgency>(
    `SELECT a.name AS "agencyName", count(*)::int AS count
       FROM appraisal_replies r JOIN submissions s ON s.id = r.submission_id JOIN agencies a ON a.id = s.agency_id
      WHERE s.period_id = $1 AND r.response = 'reply' AND r.outcome IS NULL
      GROUP BY a.id, a.name ORDER BY ${viOrder('a.name')}`,
    [periodId],
  );
  return res.rows;
}
