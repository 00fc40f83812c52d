// Signing in and out: argon2id passwords, an httpOnly SameSite=Lax session cookie, sessions that
// end on logout or when the account is disabled, and rate-limited failed attempts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/http/app';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';

describe.each(backends)('auth on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, { config: { loginAttempts: 5 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('logs in with a session cookie that scripts cannot read', async () => {
    const res = await app.login('evaluator', app.users.evaluator.password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: app.users.evaluator.id,
      username: 'evaluator',
      fullName: 'Test evaluator',
      role: 'evaluator',
      agencyId: null,
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^chiso_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const me = await app.request('GET', '/api/auth/me', { as: null, headers: { cookie: cookie.split(';')[0] } });
    expect(me.body.username).toBe('evaluator');
  });

  it('stores argon2id hashes and only a digest of the session token', async () => {
    const users = await app.ctx.db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(users.rows.every((u) => u.password_hash.startsWith('$argon2id$'))).toBe(true);
    const res = await app.login('auditor', app.users.auditor.password);
    const token = res.headers.get('set-cookie')!.split(';')[0].split('=')[1];
    const found = await app.ctx.db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(found.rows).toEqual([]);
  });

  it('refuses a wrong password or an unknown user with the same 401, in Vietnamese or English', async () => {
    const wrong = await app.login('admin', 'not the password');
    const unknown = await app.request('POST', '/api/auth/login', {
      as: null,
      body: { username: 'ghost', password: 'whatever' },
      lang: 'en',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('bad-credentials');
    expect(wrong.body.detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.body.detail).toBe('Wrong username or password.');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('ends the session on logout', async () => {
    const res = await app.login('auditor', app.users.auditor.password);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const out = await app.request('POST', '/api/auth/logout', { as: null, headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/chiso_session=;/);
    expect((await app.request('GET', '/api/auth/me', { as: null, headers: { cookie } })).status).toBe(401);
  });

  it('ends the sessions of a disabled user and refuses their login; a new password ends them too', async () => {
    const created = await app.request('POST', '/api/users', { body: { username: 'temp', role: 'auditor', password: 'first password!' } });
    const login = await app.login('temp', 'first password!');
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    expect((await app.request('GET', '/api/auth/me', { as: null, headers: { cookie } })).status).toBe(200);
    await app.request('PUT', `/api/users/${created.body.id}`, { body: { password: 'second password!' }, readFirst: true });
    expect((await app.request('GET', '/api/auth/me', { as: null, headers: { cookie } })).status).toBe(401);
    expect((await app.login('temp', 'first password!')).status).toBe(401);
    const again = await app.login('temp', 'second password!');
    expect(again.status).toBe(200);
    const cookie2 = again.headers.get('set-cookie')!.split(';')[0];
    await app.request('DELETE', `/api/users/${created.body.id}`);
    expect((await app.request('GET', '/api/auth/me', { as: null, headers: { cookie: cookie2 } })).status).toBe(401);
    expect((await app.login('temp', 'second password!')).status).toBe(401);
  });

  it('rate-limits failed logins per IP and username (429), without locking out other users', async () => {
    for (let i = 0; i < 5; i++) expect((await app.login('evaluator', `guess ${i}`)).status).toBe(401);
    const blocked = await app.login('evaluator', app.users.evaluator.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too-many-logins');
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(blocked.headers.get('ratelimit-policy') ?? blocked.headers.get('ratelimit')).toBeTruthy();
    expect((await app.login('admin', app.users.admin.password)).status).toBe(200);
    // The username as sign-in reads it: spaces and capitals are the same account, and the same count.
    expect((await app.login('  Evaluator ', app.users.evaluator.password)).status).toBe(429);
  });

  it('counts failed logins in the database, so a second server on it allows no more', async () => {
    for (let i = 0; i < 5; i++) expect((await app.login('auditor', `guess ${i}`)).status).toBe(401);
    const second = createApp(app.ctx).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => second.once('listening', () => resolve()));
    try {
      const url = `http://127.0.0.1:${(second.address() as AddressInfo).port}/api/auth/login`;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'auditor', password: app.users.auditor.password }),
      });
      expect(res.status).toBe(429);
    } finally {
      await new Promise((resolve) => second.close(resolve));
    }
  });

  it('records logins in the audit log', async () => {
    const res = await app.request('GET', '/api/audit?filter={"action":"login","actor":"evaluator"}');
    expect(res.body.length).toBeGreaterThan(0);
  });
});

describe.each(backends)('sign-in limit behind a reverse proxy on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, { config: { loginAttempts: 2, trustProxy: 'loopback' } });
  });
  afterAll(async () => {
    await app?.close();
  });
  const from = (ip: string, password: string) =>
    app.request('POST', '/api/auth/login', { as: null, body: { username: 'evaluator', password }, headers: { 'x-forwarded-for': ip } });

  it('counts attempts per client address the proxy names (TRUST_PROXY), not per proxy', async () => {
    for (let i = 0; i < 2; i++) expect((await from('203.0.113.7', `guess ${i}`)).status).toBe(401);
    expect((await from('203.0.113.7', app.users.evaluator.password)).status).toBe(429);
    // Another office behind the same proxy is not locked out by the first one's typos.
    expect((await from('198.51.100.20', app.users.evaluator.password)).status).toBe(200);
  });
});
