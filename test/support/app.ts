// The app on a fresh test database, listening on a random port, with one signed-in user per role.
// Requests go through fetch, as a browser's would (cookies, headers, problem+json), and every answer
// is held to the OpenAPI document (contract.ts): one that breaks it fails the request.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { expect } from 'vitest';
import { createApp } from '../../server/http/app';
import { buildOpenApi } from '../../server/http/openapi';
import { useAuditKey } from '../../server/store/audit';
import type { AppContext } from '../../server/http/context';
import { createAgency } from '../../server/services/agencies';
import { usePasswordCost } from '../../server/services/passwords';
import { createUser, type Role } from '../../server/services/users';
import { seedIfEmpty, type Credential } from '../../server/seed';
import { makeTestDb, type Backend, type TestDb } from './db';
import { restoreDump, type DatabaseDump } from './restore';
import { Contract, writeCoverage } from './contract';

export const ROLES: Role[] = ['admin', 'evaluator', 'auditor', 'agency'];

/** The agency the test agency user belongs to, and another one it must not see. */
export const OWN_AGENCY = 'so-tttt';
export const OTHER_AGENCY = 'so-y-te';

export interface RequestOptions {
  /** Sign in as this role (or send no cookie with null). */
  as?: Role | null;
  body?: unknown;
  /** Raw body text (e.g. invalid JSON); sent as application/json unless a content-type header is given. */
  raw?: string;
  /** A multipart/form-data body (fetch sets the content type with its boundary). */
  form?: FormData;
  headers?: Record<string, string>;
  lang?: 'vi' | 'en';
  /** A save as a form makes it: GET the same path first and send its ETag in If-Match. */
  readFirst?: boolean;
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body as sent, for files. */
  bytes: Buffer;
}

export interface TestApp {
  url: string;
  ctx: AppContext;
  testDb: TestDb;
  users: Record<Role, { id: string; username: string; password: string; cookie: string }>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  login(username: string, password: string): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * 'users' (default): the Son La agency list and one user per role.
   * 'demo': the real first-start seed (shipped rule sets, agencies, demo steps, demo users).
   */
  seed?: 'users' | 'demo';
  /** Instead of seeding: the database an earlier release left (its users sign in with `password`). */
  restore?: { dump: DatabaseDump; password: string };
  config?: Partial<AppContext['config']>;
}

const PASSWORD = 'correct horse battery staple';

const TEST_AUDIT_KEY = Buffer.alloc(32, 7);

// One document for every app of a suite (the routes are the same), and what the suite exercised.
let contract: Contract | undefined;
const exercised = new Set<string>();

export async function startTestApp(backend: Backend, options: TestAppOptions = {}): Promise<TestApp> {
  usePasswordCost('test');
  // One key for every app of the run, as servers sharing a database share their key.
  useAuditKey(TEST_AUDIT_KEY);
  const testDb = await makeTestDb(backend, { migrate: !options.restore });
  const { db } = testDb;
  if (options.restore) await restoreDump(db, options.restore.dump);
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const ctx: AppContext = { db, logger, config: { demo: false, secureCookies: false, ...options.config } };

  let credentials: Credential[];
  if (options.restore) {
    const { rows } = await db.query<{ username: string; role: Role }>('SELECT username, role FROM users ORDER BY username');
    credentials = rows.map((u) => ({ username: u.username, role: u.role, password: options.restore!.password }));
  } else if (options.seed === 'demo') {
    credentials = (await seedIfEmpty(db, { logger, demo: true, demoPassword: PASSWORD })).credentials;
  } else {
    credentials = await db.transaction(async (tx) => {
      for (const [id, name, kind] of [
        [OWN_AGENCY, 'Sở Thông tin và Truyền thông', 'department'],
        [OTHER_AGENCY, 'Sở Y tế', 'department'],
        ['moc-chau', 'UBND huyện Mộc Châu', 'district'],
      ]) {
        await createAgency(tx, { id, name, kind, attributes: { has_public_services: true }, ruleSets: ['son-la'] }, 'test');
      }
      const out: Credential[] = [];
      for (const role of ROLES) {
        const username = role === 'agency' ? OWN_AGENCY : role;
        await createUser(
          tx,
          { username, role, fullName: `Test ${role}`, agencyId: role === 'agency' ? OWN_AGENCY : null, password: PASSWORD },
          'test',
        );
        out.push({ username, role, password: PASSWORD });
      }
      return out;
    });
  }

  const express = createApp(ctx);
  contract ??= new Contract(buildOpenApi(express.locals.apiRouter));
  const suite = expect.getState().testPath;
  const server: Server = express.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const users = {} as TestApp['users'];
  const app: TestApp = {
    url,
    ctx,
    testDb,
    users,
    async request(method, path, opts = {}) {
      const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'vi', ...opts.headers };
      if (opts.readFirst) {
        const read = await app.request('GET', path, { as: opts.as });
        const etag = read.headers.get('ETag');
        if (!etag) throw new Error(`GET ${path} (${read.status}) sent no ETag to save with`);
        headers['if-match'] = etag;
      }
      const as = opts.as === undefined ? 'admin' : opts.as;
      if (as) headers.cookie = users[as].cookie;
      let body: string | FormData | undefined = opts.form;
      if (opts.raw !== undefined || opts.body !== undefined) {
        body = opts.raw ?? JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(url + path, { method, headers, body, redirect: 'manual' });
      const bytes = Buffer.from(await res.arrayBuffer());
      const text = bytes.toString('utf8');
      let parsed: unknown = text;
      if (/json/.test(res.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
      const answer = { status: res.status, headers: res.headers, body: parsed as any, text, bytes };
      const operation = contract!.check(method, path, answer, {
        contentType: opts.form
          ? 'multipart/form-data'
          : body === undefined
            ? undefined
            : Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1],
      });
      if (operation) exercised.add(operation);
      return answer;
    },
    async login(username, password) {
      return app.request('POST', '/api/auth/login', { as: null, body: { username, password } });
    },
    async close() {
      if (suite) writeCoverage(suite, contract!.operations, [...exercised]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testDb.drop();
    },
  };

  for (const c of credentials) {
    const res = await app.login(c.username, c.password);
    if (res.status !== 200) throw new Error(`test login as ${c.username} failed: ${res.status} ${res.text}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    users[c.role as Role] = { id: res.body.id, username: c.username, password: c.password, cookie };
  }
  return app;
}
