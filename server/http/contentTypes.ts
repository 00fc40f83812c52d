// The API reads JSON, and multipart forms only where files are uploaded. A body of any other type
// used to be ignored (express.json skips it, the route saw an empty body and went ahead), so a
// text/plain or form-urlencoded POST, which a page on another site can send without a CORS
// preflight, changed state. Such a body is now refused with 415 before anything reads it.
import type { Request, RequestHandler } from 'express';
import { Problem } from '../problems/problem';

const JSON_TYPES = ['application/json', 'application/*+json'];
const MULTIPART = 'multipart/form-data';

/**
 * Routes that take a multipart form, by their path under /api: evidence (a file, or JSON for a link
 * or an explanation) and the spreadsheet import (a file only). Kept here, next to the rule they
 * are the exception to, since the check runs before any route is matched.
 */
const UPLOADS: { path: RegExp; types: string[] }[] = [
  { path: /^\/submissions\/[^/]+\/evidence\/?$/i, types: [MULTIPART, ...JSON_TYPES] },
  { path: /^\/periods\/[^/]+\/import\/?$/i, types: [MULTIPART] },
];

/** Methods that carry a body the API reads; GET and HEAD bodies are never read. */
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A body is there when it has a length above zero or comes chunked. An empty one is fine whatever
 * its type: react-admin sends DELETE with "Content-Type: text/plain" and nothing else, and a POST
 * without a body (logout, retire) has nothing to misread.
 */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return !Number.isFinite(length) || length > 0;
}

const acceptedBy = (path: string): string[] => UPLOADS.find((u) => u.path.test(path))?.types ?? JSON_TYPES;

/** 415 for a body of a type the route does not read (or of no type at all). */
export const requireKnownBodyType: RequestHandler = (req, _res, next) => {
  if (!WITH_BODY.has(req.method) || !hasBody(req)) return next();
  const accepted = acceptedBy(req.path);
  if (req.headers['content-type'] && req.is(accepted)) return next();
  const given = (req.headers['content-type'] ?? '').slice(0, 100);
  const expected = accepted.filter((t) => !t.includes('*')).join(', ');
  throw new Problem(
    'unsupported-media-type',
    {
      vi: `Kiểu nội dung ${given ? `"${given}"` : '(không có)'} không được hỗ trợ; cần ${expected}.`,
      en: `The content type ${given ? `"${given}"` : '(none)'} is not supported; send ${expected}.`,
    },
    undefined,
    { accepted: accepted.filter((t) => !t.includes('*')) },
  );
};
