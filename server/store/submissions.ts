// Agencies' submissions for a period. Every change — the agency's facts, evidence added or
// withdrawn, submitting, an appraisal — is a new revision stored in full in submission_revisions,
// and moves the ETag; a write with a stale ETag changes nothing.
import { randomUUID } from 'node:crypto';
import type { FactValue } from '../engine';
import type { Queryable, Tx } from './db';
import { notFound, Problem } from '../problems/problem';
import { iso, likePattern, viOrder, Where, type Page, type PerAgency } from './sql';
import { isUuid } from './users';

export type SubmissionStatus = 'draft' | 'submitted' | 'appraised';
export type Facts = Record<string, FactValue>;

/** An evidence item as the submission lists it (the file's bytes stay in the evidence table). */
export interface EvidenceItem {
  id: string;
  key: string;
  kind: 'file' | 'link' | 'explanation';
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  sha256: string | null;
  url: string | null;
  note: string;
  createdAt: string;
  createdBy: string;
  /** The evaluator's verdict on an explanation filed in place of a document (the latest one). */
  review?: EvidenceReview;
}

export interface EvidenceReview {
  accepted: boolean;
  reason: string;
  by: string;
  at: string;
}

/** Criteria the evaluator scored 0 for missing evidence: code → reason. */
export type ZeroedCriteria = Record<string, string>;

export interface Submission {
  id: string;
  periodId: string;
  agencyId: string;
  agencyName: string;
  status: SubmissionStatus;
  /** As the agency reported them. */
  facts: Facts;
  /** The evaluator's latest value per appraised fact. */
  appraisedFacts: Facts;
  /** Appraised where present, else self-reported: what is evaluated. */
  effectiveFacts: Facts;
  zeroedCriteria: ZeroedCriteria;
  evidence: EvidenceItem[];
  revision: number;
  etag: string;
  demo: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  submittedAt: string | null;
  submittedBy: string | null;
}

export interface Revision {
  id: string;
  submissionId: string;
  revision: number;
  action: string;
  status: SubmissionStatus;
  facts: Facts;
  appraisedFacts: Facts;
  zeroedCriteria: ZeroedCriteria;
  evidence: EvidenceItem[];
  author: string;
  at: string;
}

interface SubmissionRow {
  id: string;
  period_id: string;
  agency_id: string;
  agency_name: string;
  status: SubmissionStatus;
  facts: Facts;
  appraised_facts: Facts;
  zeroed_criteria: ZeroedCriteria;
  evidence: EvidenceItem[];
  revision: number;
  etag: string;
  demo: boolean;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
  submitted_at: Date | null;
  submitted_by: string | null;
}

const COLUMNS = `s.id, s.period_id, s.agency_id, a.name AS agency_name, s.status, s.facts, s.appraised_facts, s.zeroed_criteria, s.evidence,
  s.revision, s.etag, s.demo, s.created_at, s.created_by, s.updated_at, s.updated_by, s.submitted_at, s.submitted_by`;
const FROM = 'submissions s JOIN agencies a ON a.id = s.agency_id';
const WHAT = { vi: 'bản tự đánh giá', en: 'Submission' };

/** Appraised values win over self-reported ones, fact by fact. */
const effectiveFactsOf = (facts: Facts, appraised: Facts): Facts => ({ ...facts, ...appraised });

const toSubmission = (r: SubmissionRow): Submission => ({
  id: r.id,
  periodId: r.period_id,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  status: r.status,
  facts: r.facts,
  appraisedFacts: r.appraised_facts,
  effectiveFacts: effectiveFactsOf(r.facts, r.appraised_facts),
  zeroedCriteria: r.zeroed_criteria,
  evidence: r.evidence,
  revision: r.revision,
  etag: r.etag,
  demo: r.demo,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
  updatedAt: iso(r.updated_at)!,
  updatedBy: r.updated_by,
  submittedAt: iso(r.submitted_at),
  submittedBy: r.submitted_by,
});

const newEtag = (): string => randomUUID().replace(/-/g, '');

async function getSubmission(db: Queryable, id: string, lock = false): Promise<Submission | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<SubmissionRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`, [id]);
  return res.rows[0] ? toSubmission(res.rows[0]) : null;
}

export async function requireSubmission(db: Queryable, id: string, lock = false): Promise<Submission> {
  const submission = await getSubmission(db, id, lock);
  if (!submission) throw notFound(WHAT, id);
  return submission;
}

export interface SubmissionFilter {
  id?: string[];
  periodId?: string;
  agencyId?: string;
  status?: SubmissionStatus | SubmissionStatus[];
  q?: string;
  /** Submissions to periods of this rule set. */
  ruleSet?: string;
  /** Submissions of these agencies (a cohort's members, worked out by the service). */
  agencyIds?: string[];
}

export const SUBMISSION_SORT: Record<string, string> = {
  id: 's.id',
  agencyId: 's.agency_id',
  agencyName: viOrder('a.name'),
  status: 's.status',
  revision: 's.revision',
  createdAt: 's.created_at',
  updatedAt: 's.updated_at',
  submittedAt: 's.submitted_at',
};

function where(filter: SubmissionFilter): Where {
  const w = new Where();
  if (filter.id) w.add('s.id::text = ANY(?::text[])', filter.id);
  if (filter.periodId) w.add('s.period_id::text = ?', filter.periodId);
  if (filter.agencyId) w.add('s.agency_id = ?', filter.agencyId);
  if (filter.status) w.add('s.status = ANY(?::text[])', Array.isArray(filter.status) ? filter.status : [filter.status]);
  if (filter.q) w.add('(a.name ILIKE ? OR a.id ILIKE ?)', likePattern(filter.q), likePattern(filter.q));
  if (filter.ruleSet) w.add('s.period_id IN (SELECT id FROM periods WHERE rule_set = ?)', filter.ruleSet);
  if (filter.agencyIds) w.add('s.agency_id = ANY(?::text[])', filter.agencyIds);
  return w;
}

export async function listSubmissions(db: Queryable, filter: SubmissionFilter, page: Page): Promise<{ rows: Submission[]; total: number }> {
  const w = where(filter);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${FROM} ${w.sql}`, w.params);
  const rows = await db.query<SubmissionRow>(`SELECT ${COLUMNS} FROM ${FROM} ${w.sql} ${w.page(page, 's.id')}`, w.params);
  return { rows: rows.rows.map(toSubmission), total: total.rows[0].n };
}

/** Every submission of a period in the given statuses, in agency order (a stable batch order). */
export async function submissionsOfPeriod(db: Queryable, periodId: string, statuses: SubmissionStatus[]): Promise<Submission[]> {
  const w = where({ periodId, status: statuses });
  const res = await db.query<SubmissionRow>(`SELECT ${COLUMNS} FROM ${FROM} ${w.sql} ORDER BY s.agency_id`, w.params);
  return res.rows.map(toSubmission);
}

async function appendRevision(tx: Tx, s: Submission, action: string, actor: string): Promise<void> {
  await tx.query(
    `INSERT INTO submission_revisions (submission_id, revision, action, status, facts, appraised_facts, zeroed_criteria, evidence, author)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb, $9)`,
    [
      s.id,
      s.revision,
      action,
      s.status,
      JSON.stringify(s.facts),
      JSON.stringify(s.appraisedFacts),
      JSON.stringify(s.zeroedCriteria),
      JSON.stringify(s.evidence),
      actor,
    ],
  );
}

export interface NewSubmission {
  periodId: string;
  agencyId: string;
  facts: Facts;
  status?: SubmissionStatus;
  demo?: boolean;
}

/** Inserts revision 1. The caller has checked the period and the facts, and records the audit entry. */
export async function insertSubmission(tx: Tx, input: NewSubmission, actor: string): Promise<Submission> {
  const exists = await tx.query('SELECT id FROM submissions WHERE period_id = $1 AND agency_id = $2', [input.periodId, input.agencyId]);
  if (exists.rows.length) {
    throw new Problem(
      'submission-exists',
      {
        vi: `Cơ quan "${input.agencyId}" đã có bản tự đánh giá trong kỳ này.`,
        en: `Agency "${input.agencyId}" already has a submission in this period.`,
      },
      undefined,
      { existingId: (exists.rows[0] as { id: string }).id },
    );
  }
  const submitted = input.status && input.status !== 'draft';
  const res = await tx.query<{ id: string }>(
    `INSERT INTO submissions (period_id, agency_id, status, facts, etag, demo, created_by, updated_by, submitted_at, submitted_by)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $7, ${submitted ? 'now()' : 'NULL'}, $8) RETURNING id`,
    [
      input.periodId,
      input.agencyId,
      input.status ?? 'draft',
      JSON.stringify(input.facts),
      newEtag(),
      input.demo ?? false,
      actor,
      submitted ? actor : null,
    ],
  );
  const created = await requireSubmission(tx, res.rows[0].id);
  await appendRevision(tx, created, 'create', actor);
  return created;
}

export const staleSubmission = () =>
  new Problem('stale-etag', {
    vi: 'Bản tự đánh giá đã được thay đổi sau khi bạn mở nó (ETag không khớp). Hãy tải lại rồi sửa tiếp.',
    en: 'The submission was changed since you opened it (ETag mismatch). Reload it and try again.',
  });

export interface SubmissionChange {
  facts?: Facts;
  appraisedFacts?: Facts;
  zeroedCriteria?: ZeroedCriteria;
  evidence?: EvidenceItem[];
  status?: SubmissionStatus;
}

/**
 * Writes a new revision if the submission still has `etag`: the check and the write are one
 * statement, so of two writers holding the same ETag exactly one succeeds.
 */
export async function reviseSubmission(
  tx: Tx,
  before: Submission,
  etag: string,
  change: SubmissionChange,
  action: string,
  actor: string,
): Promise<Submission> {
  const submitting = change.status === 'submitted' && before.status === 'draft';
  const res = await tx.query(
    `UPDATE submissions
        SET facts = $3::jsonb, appraised_facts = $4::jsonb, evidence = $5::jsonb, status = $6,
            revision = revision + 1, etag = $7, updated_at = now(), updated_by = $8, zeroed_criteria = $9::jsonb
            ${submitting ? ', submitted_at = now(), submitted_by = $8' : ''}
      WHERE id = $1 AND etag = $2
      RETURNING id`,
    [
      before.id,
      etag,
      JSON.stringify(change.facts ?? before.facts),
      JSON.stringify(change.appraisedFacts ?? before.appraisedFacts),
      JSON.stringify(change.evidence ?? before.evidence),
      change.status ?? before.status,
      newEtag(),
      actor,
      JSON.stringify(change.zeroedCriteria ?? before.zeroedCriteria),
    ],
  );
  if (!res.rows.length) throw staleSubmission();
  const after = await requireSubmission(tx, before.id);
  await appendRevision(tx, after, action, actor);
  return after;
}

interface RevisionRow {
  submission_id: string;
  revision: number;
  action: string;
  status: SubmissionStatus;
  facts: Facts;
  appraised_facts: Facts;
  zeroed_criteria: ZeroedCriteria;
  evidence: EvidenceItem[];
  author: string;
  at: Date;
}

export const REVISION_SORT: Record<string, string> = { revision: 'revision', at: 'at', author: 'author', action: 'action' };

export async function listRevisions(db: Queryable, submissionId: string, page: Page): Promise<{ rows: Revision[]; total: number }> {
  const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submission_revisions WHERE submission_id = $1', [
    submissionId,
  ]);
  const w = new Where().add('submission_id = ?', submissionId);
  const res = await db.query<RevisionRow>(`SELECT * FROM submission_revisions ${w.sql} ${w.page(page, 'revision')}`, w.params);
  return {
    rows: res.rows.map((r) => ({
      id: `${r.submission_id}:${r.revision}`,
      submissionId: r.submission_id,
      revision: r.revision,
      action: r.action,
      status: r.status,
      facts: r.facts,
      appraisedFacts: r.appraised_facts,
      zeroedCriteria: r.zeroed_criteria,
      evidence: r.evidence,
      author: r.author,
      at: iso(r.at)!,
    })),
    total: total.rows[0].n,
  };
}

/** Explanations filed in place of evidence, in the period's submitted submissions, that the evaluator has not reviewed, counted per agency. */
export async function unreviewedExplanations(db: Queryable, periodId: string): Promise<PerAgency[]> {
  const res = await db.query<PerAgency>(
    `SELECT a.name AS "agencyName", count(*)::int AS count FROM ${FROM}, jsonb_array_elements(s.evidence) e
      WHERE s.period_id = $1 AND s.status <> 'draft' AND e ->> 'kind' = 'explanation' AND NOT (e ? 'review')
      GROUP BY a.id, a.name ORDER BY ${viOrder('a.name')}`,
    [periodId],
  );
  return res.rows;
}
