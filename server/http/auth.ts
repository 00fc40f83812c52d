// Who is calling: a session cookie maps to a user; roles gate every route; agency users see only
// their own agency. Login attempts are rate-limited per IP and username.
import type { RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { attemptCounter, normalizeUsername, userForSession } from '../services/auth';
import { rolesFor, type Action, type Resource, type Role } from '../api/roles';
import type { AppContext } from './context';
import { Problem } from '../problems/problem';

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /**
       * The signed-in user. Every /api route except login and the docs runs behind the session
       * gate in app.ts, so inside a protected handler it is always set.
       */
      user: SessionUser;
    }
  }
}

export const SESSION_COOKIE = 'chiso_session';

/** Routes that answer without a session. Everything else under /api needs one. */
export const PUBLIC_PATHS: readonly (string | RegExp)[] = ['/auth/login', '/openapi.json', /^\/docs(\/.*)?$/, /^\/public(\/.*)?$/];

const isPublic = (path: string): boolean => PUBLIC_PATHS.some((p) => (typeof p === 'string' ? p === path : p.test(path)));

const unauthenticated = () =>
  new Problem('unauthenticated', {
    vi: 'Bạn cần đăng nhập để thực hiện thao tác này.',
    en: 'You need to sign in to do this.',
  });

/** Reads the session cookie; refuses every non-public /api request without a valid session. */
export function sessionGate(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const user = typeof token === 'string' ? await userForSession(ctx.db, token) : null;
    if (user) {
      req.user = { id: user.id, username: user.username, fullName: user.fullName, role: user.role, agencyId: user.agencyId };
      // Every later line of this request's log says who asked.
      req.log = req.log.child({ user: user.username });
    } else if (!isPublic(req.path)) {
      throw unauthenticated();
    }
    next();
  };
}

/** The roles a guard admits, so the OpenAPI document can state them. */
export const ALLOWED_ROLES = Symbol('allowedRoles');
export type RoleGuard = RequestHandler & { [ALLOWED_ROLES]: readonly Role[] };

function requireRole(roles: readonly Role[]): RoleGuard {
  const guard = ((req, _res, next) => {
    if (!req.user) throw unauthenticated();
    if (!roles.includes(req.user.role)) {
      throw new Problem('forbidden', {
        vi: `Vai trò "${req.user.role}" không được phép thực hiện thao tác này (cần: ${roles.join(', ')}).`,
        en: `The "${req.user.role}" role may not do this (requires: ${roles.join(', ')}).`,
      });
    }
    next();
  }) as RoleGuard;
  guard[ALLOWED_ROLES] = roles;
  return guard;
}

/** The guard of a route: the roles the matrix (server/api/roles.ts) allows the action. */
export const allow = <R extends Resource>(resource: R, action: Action<R>): RoleGuard => requireRole(rolesFor(resource, action));

export function setSessionCookie(ctx: AppContext, res: Response, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    path: '/',
    expires,
  });
}

export function clearSessionCookie(ctx: AppContext, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, path: '/' });
}

/**
 * At most `limit` failed logins per IP and username in 15 minutes (successful ones do not count),
 * counted in the database so that every server counts the same attempts. Keyed on both so that one
 * user's typos do not lock out an office sharing an address, and on the username as sign-in reads
 * it (" Admin" is "admin"). The address is the client's only when TRUST_PROXY says which proxies
 * to believe; otherwise it is the proxy's.
 */
export function loginRateLimit(ctx: AppContext): RequestHandler {
  const windowMs = 15 * 60 * 1000;
  return rateLimit({
    windowMs,
    store: attemptCounter(ctx.db, windowMs),
    limit: ctx.config.loginAttempts ?? 10,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const username = typeof req.body?.username === 'string' ? normalizeUsername(req.body.username).slice(0, 64) : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${username}`;
    },
    handler: (_req, _res, next) =>
      next(
        new Problem('too-many-logins', {
          vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
          en: 'Too many failed sign-in attempts. Try again in 15 minutes.',
        }),
      ),
  });
}

/**
 * At most `limit` requests per IP and minute to the public results (routes/public.ts), counted in
 * this server's memory: the reads are many and need no database write each, and behind several
 * servers the limit is per server, which still stops one client from flooding any of them.
 */
export function publicRateLimit(ctx: AppContext): RequestHandler {
  return rateLimit({
    windowMs: 60 * 1000,
    limit: ctx.config.publicRequests ?? 300,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: (_req, res, next) =>
      next(
        new Problem('too-many-requests', {
          vi: `Quá nhiều yêu cầu từ địa chỉ này. Vui lòng thử lại sau ${res.getHeader('Retry-After') ?? 60} giây.`,
          en: `Too many requests from this address. Try again in ${res.getHeader('Retry-After') ?? 60} seconds.`,
        }),
      ),
  });
}
