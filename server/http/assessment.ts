// What the assessment routes share: who may read and write what, the agency-user scoping, and the
// If-Match reading for submissions.
import type { Request } from 'express';
import type { Queryable } from '../store/db';
import { requireSubmission, type Submission } from '../store/submissions';
import { assertAgencyAccess, requireRole } from './auth';
import { Problem } from '../problems/problem';

/** Read access to assessment data; agency users are further limited to their own agency. */
export const readers = () => requireRole('admin', 'evaluator', 'auditor', 'agency');
/** Reads that show other agencies' results (rankings, what-if): no agency users. */
export const overseers = () => requireRole('admin', 'evaluator', 'auditor');
/** Periods are set up by the evaluator or the administrator. */
export const periodWriters = () => requireRole('admin', 'evaluator');
/** Self-assessments are written by the agency, or by the evaluator on its behalf. */
export const submissionWriters = () => requireRole('agency', 'evaluator');
/** Appraising, evaluating and publishing belong to the evaluator. */
export const evaluators = () => requireRole('evaluator');
/** Replaying recomputes without writing anything. */
export const replayers = () => requireRole('admin', 'evaluator', 'auditor');

/** An agency user's list filter is pinned to its own agency (asking for another gives nothing). */
export function scopedAgency(req: Request, requested: string | undefined): string | undefined {
  if (req.user.role !== 'agency') return requested;
  if (requested !== undefined && requested !== req.user.agencyId) {
    throw new Problem('other-agency', {
      vi: 'Tài khoản cơ quan chỉ truy cập được dữ liệu của cơ quan mình.',
      en: "An agency account can only access its own agency's data.",
    });
  }
  return req.user.agencyId ?? '';
}

/** Loads a submission the caller may see (404 when missing, 403 for another agency's). */
export async function submissionFor(req: Request, db: Queryable, id: string): Promise<Submission> {
  const submission = await requireSubmission(db, id);
  assertAgencyAccess(req, submission.agencyId);
  return submission;
}

/** The ETag from If-Match ("abc", W/"abc" or abc), else from the body (react-admin sends the record back). */
export function etagOf(req: Request): string {
  const header = req.get('If-Match');
  if (header) return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  if (typeof req.body?.etag === 'string' && req.body.etag) return req.body.etag;
  throw new Problem('if-match-required', {
    vi: 'Cần gửi kèm tiêu đề If-Match với ETag của bản tự đánh giá (để không ghi đè thay đổi của người khác).',
    en: "Send the submission's ETag in an If-Match header (so that nobody's changes are overwritten).",
  });
}

/** The optional `versionId` of an evaluate or what-if request. */
export const versionIdBody = {
  type: 'object',
  additionalProperties: false,
  properties: { versionId: { type: 'string', format: 'uuid' } },
} as const;
