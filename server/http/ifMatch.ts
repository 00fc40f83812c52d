// Optimistic concurrency over HTTP: the ETag a client read a resource with comes back in If-Match
// on the write. Missing where a write needs it: 428; stale: 412 (from the service that compares).
import type { Request, Response } from 'express';
import { Problem } from '../problems/problem';
import { etagOf } from '../services/etag';

/** The ETag in If-Match ("abc", W/"abc" or abc); `required` writes refuse to go without one (428). */
export function ifMatch(req: Request, required: true, what: string): string;
export function ifMatch(req: Request, required: false, what: string): string | undefined;
export function ifMatch(req: Request, required: boolean, what: string): string | undefined {
  const raw = req.get('If-Match');
  if (raw)
    return raw
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
  if (!required) return undefined;
  throw new Problem('if-match-required', {
    vi: `Cần gửi kèm tiêu đề If-Match với ETag của ${what} đã đọc (để không ghi đè thay đổi của người khác).`,
    en: `Send the ETag you read in an If-Match header (so that nobody's changes are overwritten).`,
  });
}

/** Sends a resource edited in forms with its ETag, for the next write's If-Match. */
export function sendTagged(res: Response, resource: object, status = 200): void {
  res
    .status(status)
    .set('ETag', `"${etagOf(resource)}"`)
    .json(resource);
}
