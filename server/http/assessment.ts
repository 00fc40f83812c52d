// What the assessment routes share: the If-Match reading for submissions and the `versionId` body
// of an evaluate or what-if request.
import type { Request } from 'express';
import { Problem } from '../problems/problem';

/** The ETag from If-Match ("abc", W/"abc" or abc), else from the body (react-admin sends the record back). */
export function etagOf(req: Request): string {
  const header = req.get('If-Match');
  if (header)
    return header
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
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
