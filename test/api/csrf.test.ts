// Cross-site request forgery: a state-changing request a browser marks as coming from another site
// (Origin, Sec-Fetch-Site) is refused with 403 before anything is read, whatever its body type;
// the same operations from the server's own origin, or from a configured one, go through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { openPeriod, publishSonLa, submitDemo } from '../support/assessment';
import { allowedOriginsFrom } from '../../server/http/sameOrigin';

const EVIL = 'https://evil.example';
/** What the console's Vite dev server sends through its proxy (which rewrites Host). */
const DEV_CONSOLE = 'http://localhost:5173';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('CHISO_ALLOWED_ORIGINS', () => {
  it('reads origins separated by commas or spaces, and refuses anything that is not an origin', () => {
    expect(allowedOriginsFrom(undefined)).toEqual([]);
    expect(allowedOriginsFrom(' https://Chiso.Example.gov.vn/ ,http://localhost:5173  http://a:80')).toEqual([
      'https://chiso.example.gov.vn',
      'http://localhost:5173',
      'http://a',
    ]);
    for (const bad of ['chiso.vn', 'https://chiso.vn/path', 'null', 'file:///x', 'https://u@chiso.vn'])
      expect(() => allowedOriginsFrom(bad), bad).toThrow(/CHISO_ALLOWED_ORIGINS/);
  });
});

describe.each(backends)('cross-origin requests on $name', (backend) => {
  let app: TestApp;
  let versionId: string;
  let periodId: string;
  let draftId: string;

  beforeAll(async () => {
    app = await startTestApp(backend, { config: { allowedOrigins: allowedOriginsFrom(DEV_CONSOLE) } });
    versionId = (await publishSonLa(app, 'csrf')).id;
    const pinned = await publishSonLa(app, 'csrf-period');
    periodId = (await openPeriod(app, pinned.id)).id;
    await submitDemo(app, periodId, 'so-y-te');
    const draft = await app.request('POST', '/api/submissions', { as: 'agency', body: { periodId, facts: {} } });
    expect(draft.status, draft.text).toBe(201);
    draftId = draft.body.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const count = async (table: string) => (await app.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  const state = async () => ({
    audit: await count('audit_log'),
    evaluations: await count('evaluations'),
    evidence: await count('evidence'),
    version: (await app.request('GET', `/api/versions/${versionId}`)).body.status,
  });

  /** The three requests a page elsewhere could send without a CORS preflight. */
  const simpleRequests = (headers: Record<string, string>) => {
    const form = new FormData();
    form.append('key', 'plan_issued');
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'ke-hoach.pdf');
    return [
      {
        what: 'form-urlencoded retire',
        run: () =>
          fetch(`${app.url}/api/versions/${versionId}/retire`, {
            method: 'POST',
            headers: { ...headers, cookie: app.users.admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: 'confirm=1',
          }),
      },
      {
        what: 'text/plain evaluate',
        run: () =>
          fetch(`${app.url}/api/periods/${periodId}/evaluate`, {
            method: 'POST',
            headers: { ...headers, cookie: app.users.evaluator.cookie, 'content-type': 'text/plain' },
            body: '{}',
          }),
      },
      {
        what: 'multipart evidence upload',
        run: () =>
          fetch(`${app.url}/api/submissions/${draftId}/evidence`, {
            method: 'POST',
            headers: { ...headers, cookie: app.users.agency.cookie },
            body: form,
          }),
      },
    ];
  };

  it('refuses a form, a text/plain and a multipart POST from another origin, changing nothing', async () => {
    const before = await state();
    for (const { what, run } of simpleRequests({ origin: EVIL })) {
      const res = await run();
      const body = await res.json();
      expect([res.status, body.code], what).toEqual([403, 'cross-origin']);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(body.detail).toContain(EVIL);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses what the browser says comes from another site, or from an opaque or foreign origin', async () => {
    const before = await state();
    const json = { 'content-type': 'application/json' };
    for (const headers of [
      { origin: EVIL, ...json },
      { origin: 'null', ...json },
      { origin: 'not a url', ...json },
      { origin: app.url.replace('127.0.0.1', 'localhost'), ...json },
      { 'sec-fetch-site': 'cross-site', ...json },
      { 'sec-fetch-site': 'same-site', ...json },
      { 'sec-fetch-site': 'cross-site', origin: app.url, ...json },
    ]) {
      const res = await fetch(`${app.url}/api/versions/${versionId}/retire`, {
        method: 'POST',
        headers: { ...headers, cookie: app.users.admin.cookie },
        body: '{}',
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      // Deletes and edits too; and the sign-in (no session to hijack, but no forged sign-in either).
      const del = await app.request('DELETE', '/api/agencies/moc-chau', { headers });
      expect(del.status, JSON.stringify(headers)).toBe(403);
      const login = await app.request('POST', '/api/auth/login', {
        as: null,
        headers,
        body: { username: app.users.admin.username, password: app.users.admin.password },
      });
      expect(login.status).toBe(403);
    }
    expect(await state()).toEqual(before);
    expect((await app.request('GET', '/api/agencies/moc-chau')).status).toBe(200);
  });

  it('lets reads through from anywhere: the cookie and CORS already keep their answers from other sites', async () => {
    const res = await app.request('GET', '/api/agencies', { headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(200);
  });

  it('accepts the same operations from the same origin, as the console sends them', async () => {
    const same = { origin: app.url, 'sec-fetch-site': 'same-origin' };
    // A body of the wrong type is still not read, origin or not.
    for (const { what, run } of simpleRequests(same).slice(0, 2)) {
      const res = await run();
      expect(res.status, what).toBe(415);
    }
    const before = await state();
    const [, , upload] = simpleRequests(same);
    const uploaded = await upload.run();
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const evaluated = await app.request('POST', `/api/periods/${periodId}/evaluate`, { as: 'evaluator', headers: same, body: {} });
    expect(evaluated.status, evaluated.text).toBe(201);
    const retired = await app.request('POST', `/api/versions/${versionId}/retire`, { headers: same, body: {} });
    expect(retired.status, retired.text).toBe(200);
    const after = await state();
    expect(after.evidence).toBe(before.evidence + 1);
    expect(after.evaluations).toBeGreaterThan(before.evaluations);
    expect(after.audit).toBeGreaterThanOrEqual(before.audit + 3);
    expect(after.version).toBe('retired');
  });

  it('accepts a typed-in request (Sec-Fetch-Site: none), one without either header, and a configured origin', async () => {
    const create = async (id: string, headers: Record<string, string>) =>
      (await app.request('POST', '/api/agencies', { headers, body: { id, name: id, kind: 'board' } })).status;
    expect(await create('go-tay', { 'sec-fetch-site': 'none' })).toBe(201);
    expect(await create('khong-header', {})).toBe(201);
    // The Vite dev server's proxy rewrites Host, so its origin is not the server's own: configured.
    expect(await create('vite-dev', { origin: DEV_CONSOLE, 'sec-fetch-site': 'same-origin' })).toBe(201);
    expect(await create('cong-khac', { origin: 'http://localhost:5174' })).toBe(403);
  });
});
