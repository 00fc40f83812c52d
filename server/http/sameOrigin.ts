// Cross-site request forgery: a page elsewhere must not make a signed-in browser change anything.
// The session cookie is SameSite=Lax, so other sites' POSTs carry no session, and the API reads
// only JSON (contentTypes.ts), which another origin cannot send without a CORS preflight this
// server never grants. But a sibling subdomain is "same-site" and does get a Lax cookie, so a
// state-changing request that the browser itself says comes from elsewhere is refused here too:
// - Sec-Fetch-Site other than "same-origin" or "none" (typed in, a bookmark); "same-site" is
//   exactly the sibling case, so it is refused as well;
// - an Origin that is neither this server's (the request's Host) nor one configured as trusted.
// A request with neither header (curl, scripts, the tests) passes: browsers send Origin on every
// cross-origin POST, PUT, PATCH and DELETE.
import type { Request, RequestHandler } from 'express';
import { Problem } from '../problems/problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TRUSTED_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * Origins from CHISO_ALLOWED_ORIGINS: comma- or space-separated, e.g.
 * "https://chiso.example.gov.vn, http://localhost:5173" (the console's Vite dev server, whose
 * proxy rewrites Host). A value that is not an origin stops the server at start.
 */
export function allowedOriginsFrom(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : null;
      const isOrigin = url && url.origin !== 'null' && url.pathname === '/' && !url.search && !url.hash && !url.username;
      if (!isOrigin) throw new Error(`CHISO_ALLOWED_ORIGINS: "${entry}" is not an origin such as https://chiso.example.gov.vn`);
      return url.origin;
    });
}

/** This server's host as the browser names it (port included), in the scheme of `origin`. */
function ownHost(req: Request, origin: URL): string | undefined {
  // req.host is the Host header (X-Forwarded-Host when "trust proxy" is set). Hosts are compared,
  // not schemes: behind a TLS proxy the server itself may be spoken to in plain HTTP.
  const candidate = `${origin.protocol}//${req.host}`;
  return req.host && URL.canParse(candidate) ? new URL(candidate).host : undefined;
}

/** What says a request comes from elsewhere, or null when it comes from here (or says nothing). */
function foreignSource(req: Request, allowed: ReadonlySet<string>): string | null {
  const origin = req.headers.origin;
  const url = origin !== undefined && URL.canParse(origin) ? new URL(origin) : undefined;
  // A configured origin is trusted whatever Sec-Fetch-Site says of it.
  if (url && allowed.has(url.origin)) return null;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && !TRUSTED_FETCH_SITES.has(site)) return `Sec-Fetch-Site: ${site.slice(0, 30)}`;
  if (origin === undefined) return null;
  // "null" (a sandboxed frame, a file, a redirect from elsewhere) or garbage is not this server.
  if (url && url.origin !== 'null' && url.host === ownHost(req, url)) return null;
  return `Origin: ${origin.slice(0, 100)}`;
}

/** 403 cross-origin for a state-changing request a browser sent from another origin. */
export function refuseCrossOrigin(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const source = foreignSource(req, allowed);
    if (source === null) return next();
    throw new Problem('cross-origin', {
      vi: `Yêu cầu thay đổi dữ liệu phải đến từ chính trang này (${source}).`,
      en: `A request that changes data must come from this site itself (${source}).`,
    });
  };
}
