// The role matrix of a set of routes, as tests: each row is called as every role (its allowed roles
// get a 2xx, every other role 403) and without a session (401).
import { expect, it } from 'vitest';
import type { Role } from '../../server/store/users';
import { ROLES, type TestApp } from './app';

export interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** A save: sent with If-Match, the ETag of the resource as an administrator reads it. */
  readFirst?: boolean;
}

export interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  route: string;
  allowed: Role[];
  /** Builds a fresh call (creating whatever it needs), so that allowed calls succeed. */
  prepare: () => Promise<Call>;
}

export const ALL: Role[] = ['admin', 'evaluator', 'auditor', 'agency'];
export const STAFF: Role[] = ['admin', 'evaluator', 'auditor'];

/** Registers the matrix's tests in the calling suite; `app` is read when they run, after the suite's beforeAll. */
export function itEnforcesRoleMatrix(rows: Row[], app: () => TestApp): void {
  const cases = rows.flatMap((row) => ROLES.map((role) => ({ ...row, role, allowed: row.allowed.includes(role) })));

  const headersOf = async (call: Call) =>
    call.readFirst ? { ...call.headers, 'if-match': (await app().request('GET', call.path)).headers.get('ETag')! } : call.headers;

  it.each(cases)('$method $route as $role → allowed: $allowed', async ({ method, prepare, role, allowed }) => {
    const call = await prepare();
    const res = await app().request(method, call.path, { as: role, body: call.body, headers: await headersOf(call) });
    if (allowed) {
      expect(res.status, res.text).toBeGreaterThanOrEqual(200);
      expect(res.status, res.text).toBeLessThan(300);
    } else {
      expect(res.status, res.text).toBe(403);
      expect(res.body.code).toMatch(/forbidden|other-agency/);
    }
  });

  it.each(rows)('$method $route without a session → 401', async ({ method, prepare }) => {
    const call = await prepare();
    const res = await app().request(method, call.path, { as: null, body: call.body, headers: await headersOf(call) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
  });
}
