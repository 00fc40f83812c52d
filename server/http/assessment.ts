// What the assessment routes share: the If-Match reading for submissions and the `versionId` body
// of an evaluate or what-if request.
import type { Request } from 'express';
import { ifMatch } from './ifMatch';

/** The ETag from If-Match, else from the body (react-admin sends the record back); 428 without either. */
export function etagOf(req: Request): string {
  const header = ifMatch(req, false, 'bản tự đánh giá');
  if (header) return header;
  if (typeof req.body?.etag === 'string' && req.body.etag) return req.body.etag;
  return ifMatch(req, true, 'bản tự đánh giá');
}

/** The optional `versionId` of an evaluate or what-if request. */
export const versionIdBody = {
  type: 'object',
  additionalProperties: false,
  properties: { versionId: { type: 'string', format: 'uuid' } },
} as const;
