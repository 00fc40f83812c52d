// The role matrix, enforced by the server on every route: each role's allowed calls succeed and
// every other role gets 403; without a session every protected route answers 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { ALL, STAFF, itEnforcesRoleMatrix, type Row } from '../support/roleMatrix';
import { sonLa2021 } from '../support/fixtures';

describe.each(backends)('role matrix on $name', (backend) => {
  let app: TestApp;
  let published: { id: string; effectiveFrom: string };
  let other: { id: string };
  let n = 0;
  const unique = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

  const draft = async () => {
    const res = await app.request('POST', '/api/versions', { body: { document: sonLa2021({ version: unique('m') }) } });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; etag: string; version: string; effectiveFrom: string };
  };
  const publishedVersion = async () => {
    const d = await draft();
    const res = await app.request('POST', `/api/versions/${d.id}/publish`, { body: { changeNote: { vi: 'x' } } });
    expect(res.status, res.text).toBe(200);
    return { ...(res.body as { id: string }), effectiveFrom: d.effectiveFrom };
  };
  const user = async () => {
    const res = await app.request('POST', '/api/users', {
      body: { username: unique('u'), role: 'evaluator', password: 'long enough password' },
    });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string };
  };
  const agency = async () => {
    const res = await app.request('POST', '/api/agencies', { body: { id: unique('ag'), name: 'Cơ quan thử', kind: 'department' } });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string };
  };

  const rows: Row[] = [
    { method: 'GET', route: '/auth/me', allowed: ALL, prepare: async () => ({ path: '/api/auth/me' }) },
    { method: 'GET', route: '/users', allowed: ['admin', 'auditor'], prepare: async () => ({ path: '/api/users' }) },
    {
      method: 'GET',
      route: '/users/:id',
      allowed: ['admin', 'auditor'],
      prepare: async () => ({ path: `/api/users/${app.users.evaluator.id}` }),
    },
    {
      method: 'POST',
      route: '/users',
      allowed: ['admin'],
      prepare: async () => ({ path: '/api/users', body: { username: unique('new'), role: 'auditor', password: 'long enough password' } }),
    },
    {
      method: 'PUT',
      route: '/users/:id',
      allowed: ['admin'],
      prepare: async () => ({ path: `/api/users/${(await user()).id}`, body: { fullName: 'Đổi tên' }, readFirst: true }),
    },
    { method: 'DELETE', route: '/users/:id', allowed: ['admin'], prepare: async () => ({ path: `/api/users/${(await user()).id}` }) },
    { method: 'GET', route: '/rule-sets', allowed: ALL, prepare: async () => ({ path: '/api/rule-sets' }) },
    { method: 'GET', route: '/rule-sets/:id', allowed: ALL, prepare: async () => ({ path: '/api/rule-sets/son-la' }) },
    {
      method: 'PUT',
      route: '/rule-sets/:id',
      allowed: ['admin'],
      prepare: async () => ({
        path: '/api/rule-sets/son-la',
        body: { title: { vi: 'Bộ chỉ số Sơn La', en: 'Son La index' } },
        readFirst: true,
      }),
    },
    { method: 'GET', route: '/versions', allowed: ALL, prepare: async () => ({ path: '/api/versions' }) },
    { method: 'GET', route: '/versions/:id', allowed: ALL, prepare: async () => ({ path: `/api/versions/${published.id}` }) },
    {
      method: 'GET',
      route: '/versions/in-force',
      allowed: ALL,
      prepare: async () => ({ path: `/api/versions/in-force?ruleSet=son-la&date=${published.effectiveFrom}` }),
    },
    {
      method: 'POST',
      route: '/versions',
      allowed: ['admin'],
      prepare: async () => ({ path: '/api/versions', body: { document: sonLa2021({ version: unique('c') }) } }),
    },
    {
      method: 'PUT',
      route: '/versions/:id',
      allowed: ['admin'],
      prepare: async () => {
        const d = await draft();
        return { path: `/api/versions/${d.id}`, body: { document: sonLa2021({ version: d.version }) }, headers: { 'if-match': d.etag } };
      },
    },
    {
      method: 'DELETE',
      route: '/versions/:id',
      allowed: ['admin'],
      prepare: async () => ({ path: `/api/versions/${(await draft()).id}` }),
    },
    {
      method: 'POST',
      route: '/versions/:id/copy',
      allowed: ['admin'],
      prepare: async () => ({ path: `/api/versions/${published.id}/copy`, body: { version: unique('copy') } }),
    },
    { method: 'POST', route: '/versions/:id/lint', allowed: STAFF, prepare: async () => ({ path: `/api/versions/${published.id}/lint` }) },
    { method: 'POST', route: '/versions/:id/test', allowed: STAFF, prepare: async () => ({ path: `/api/versions/${published.id}/test` }) },
    {
      method: 'GET',
      route: '/versions/:id/diff/:otherId',
      allowed: STAFF,
      prepare: async () => ({ path: `/api/versions/${published.id}/diff/${other.id}` }),
    },
    {
      method: 'POST',
      route: '/versions/:id/publish',
      allowed: ['admin'],
      prepare: async () => ({ path: `/api/versions/${(await draft()).id}/publish`, body: { changeNote: { vi: 'Ban hành' } } }),
    },
    {
      method: 'POST',
      route: '/versions/:id/retire',
      allowed: ['admin'],
      prepare: async () => ({ path: `/api/versions/${(await publishedVersion()).id}/retire` }),
    },
    { method: 'GET', route: '/agencies', allowed: ALL, prepare: async () => ({ path: '/api/agencies' }) },
    { method: 'GET', route: '/agencies/:own', allowed: ALL, prepare: async () => ({ path: `/api/agencies/${OWN_AGENCY}` }) },
    { method: 'GET', route: '/agencies/:other', allowed: STAFF, prepare: async () => ({ path: `/api/agencies/${OTHER_AGENCY}` }) },
    {
      method: 'GET',
      route: '/agencies/:own/cohort',
      allowed: ALL,
      prepare: async () => ({ path: `/api/agencies/${OWN_AGENCY}/cohort?versionId=${published.id}` }),
    },
    {
      method: 'GET',
      route: '/agencies/:other/cohort',
      allowed: STAFF,
      prepare: async () => ({ path: `/api/agencies/${OTHER_AGENCY}/cohort?versionId=${published.id}` }),
    },
    {
      method: 'POST',
      route: '/agencies',
      allowed: ['admin'],
      prepare: async () => ({ path: '/api/agencies', body: { id: unique('a'), name: 'Cơ quan mới', kind: 'board' } }),
    },
    {
      method: 'PUT',
      route: '/agencies/:id',
      allowed: ['admin'],
      prepare: async () => ({ path: `/api/agencies/${(await agency()).id}`, body: { name: 'Tên mới' }, readFirst: true }),
    },
    {
      method: 'DELETE',
      route: '/agencies/:id',
      allowed: ['admin'],
      prepare: async () => ({ path: `/api/agencies/${(await agency()).id}` }),
    },
    { method: 'GET', route: '/audit', allowed: ['admin', 'auditor'], prepare: async () => ({ path: '/api/audit' }) },
    { method: 'GET', route: '/audit/verify', allowed: ['admin', 'auditor'], prepare: async () => ({ path: '/api/audit/verify' }) },
    { method: 'GET', route: '/audit/:id', allowed: ['admin', 'auditor'], prepare: async () => ({ path: '/api/audit/1' }) },
  ];

  beforeAll(async () => {
    app = await startTestApp(backend);
    published = await publishedVersion();
    other = await draft();
  });
  afterAll(async () => {
    await app?.close();
  });

  itEnforcesRoleMatrix(rows, () => app);

  it('refuses a forged or expired session cookie', async () => {
    const res = await app.request('GET', '/api/auth/me', { as: null, headers: { cookie: 'chiso_session=forged-token' } });
    expect(res.status).toBe(401);
    await app.ctx.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [app.users.auditor.id]);
    expect((await app.request('GET', '/api/auth/me', { as: 'auditor' })).status).toBe(401);
  });
});
