// Users: created and changed by the admin, readable by the auditor, never deleted (disabled), and
// password hashes never leave the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { OWN_AGENCY, startTestApp, type TestApp } from '../support/app';

describe.each(backends)('users API on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a user who can then log in; no password or hash comes back', async () => {
    const res = await app.request('POST', '/api/users', {
      body: { username: 'thamdinh2', fullName: 'Nguyễn Văn Thẩm', role: 'evaluator', password: 'mật khẩu đủ dài' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'thamdinh2',
      fullName: 'Nguyễn Văn Thẩm',
      role: 'evaluator',
      agencyId: null,
      disabled: false,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/argon|password/i);
    expect((await app.login('thamdinh2', 'mật khẩu đủ dài')).status).toBe(200);
    const list = await app.request('GET', '/api/users?filter={"role":"evaluator"}&sort=["username","ASC"]', { as: 'auditor' });
    expect(list.body.map((u: { username: string }) => u.username)).toEqual(['evaluator', 'thamdinh2']);
    expect(JSON.stringify(list.body)).not.toMatch(/argon/);
    const audit = await app.request('GET', `/api/audit?filter={"resource":"users","resourceId":"${res.body.id}"}`);
    expect(JSON.stringify(audit.body)).not.toMatch(/argon|mật khẩu/);
  });

  it('ties agency users to an existing agency, and only them', async () => {
    const none = await app.request('POST', '/api/users', { body: { username: 'cq1', role: 'agency', password: 'long password 1' } });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('agency-required');
    const unknown = await app.request('POST', '/api/users', {
      body: { username: 'cq1', role: 'agency', agencyId: 'khong-co', password: 'long password 1' },
    });
    expect(unknown.body.code).toBe('unknown-agency');
    const wrongRole = await app.request('POST', '/api/users', {
      body: { username: 'cq1', role: 'auditor', agencyId: OWN_AGENCY, password: 'long password 1' },
    });
    expect(wrongRole.body.code).toBe('agency-not-allowed');
    const ok = await app.request('POST', '/api/users', {
      body: { username: 'cq1', role: 'agency', agencyId: OWN_AGENCY, password: 'long password 1' },
    });
    expect(ok.status).toBe(201);
    const dup = await app.request('POST', '/api/users', { body: { username: 'cq1', role: 'auditor', password: 'long password 1' } });
    expect(dup.status).toBe(409);
  });

  it('updates role and name, accepts the record react-admin sends back, and keeps usernames fixed', async () => {
    const created = (
      await app.request('POST', '/api/users', { body: { username: 'doi-vai', role: 'auditor', password: 'long password 2' } })
    ).body;
    const res = await app.request('PUT', `/api/users/${created.id}`, {
      body: { ...created, role: 'evaluator', fullName: 'Đã đổi' },
      readFirst: true,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ role: 'evaluator', fullName: 'Đã đổi', username: 'doi-vai' });
    const rename = await app.request('PUT', `/api/users/${created.id}`, { body: { username: 'ten-khac' }, readFirst: true });
    expect(rename.status).toBe(422);
    expect((await app.request('PUT', `/api/users/${created.id}`, { body: { password: 'short' }, readFirst: true })).status).toBe(400);
  });

  it('disables instead of deleting, and an admin cannot lock themselves out', async () => {
    const created = (
      await app.request('POST', '/api/users', { body: { username: 'tam-thoi', role: 'auditor', password: 'long password 3' } })
    ).body;
    const del = await app.request('DELETE', `/api/users/${created.id}`);
    expect(del.status).toBe(200);
    expect(del.body.disabled).toBe(true);
    expect((await app.request('GET', `/api/users/${created.id}`)).body.disabled).toBe(true);
    expect((await app.request('DELETE', `/api/users/${app.users.admin.id}`)).status).toBe(409);
    expect((await app.request('PUT', `/api/users/${app.users.admin.id}`, { body: { role: 'auditor' }, readFirst: true })).status).toBe(409);
    expect((await app.request('GET', '/api/users/not-a-uuid')).status).toBe(404);
  });

  it('refuses passwords that are easy to guess, when creating and when changing one', async () => {
    for (const password of ['aaaaaaaaaa', '1234567890', 'password123', 'qwertyuiop', 'nguyen.van.a 1']) {
      const res = await app.request('POST', '/api/users', {
        body: { username: 'nguyen.van.a', role: 'auditor', fullName: 'Nguyễn Văn A', password },
      });
      expect(res.status, password).toBe(422);
      expect(res.body.code).toBe('weak-password');
      expect(res.body.errors[0].path).toBe('/password');
    }
    const created = await app.request('POST', '/api/users', {
      body: { username: 'nguyen.van.a', role: 'auditor', password: 'mùa xuân trên cao nguyên Mộc Châu' },
    });
    expect(created.status, created.text).toBe(201);
    const weak = await app.request('PUT', `/api/users/${created.body.id}`, { body: { password: '1111111111' }, readFirst: true });
    expect(weak.status).toBe(422);
    expect(weak.body.code).toBe('weak-password');
  });
});
