// Errors are RFC 9457 problem+json in Vietnamese or English; bodies are checked strictly (unknown
// fields, prototype keys, size, JSON syntax) before anything changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { deepConditionText, withDeepCondition } from '../support/deep';
import { sonLa2021 } from '../support/fixtures';

describe.each(backends)('problem+json and body checks on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(async () => {
    await app?.close();
  });

  const countAgencies = async () => (await app.request('GET', '/api/agencies')).headers.get('content-range');

  it('answers in Vietnamese by default and in English when Accept-Language prefers it', async () => {
    const vi = await app.request('GET', '/api/agencies/khong-co', { headers: { 'accept-language': '' } });
    expect(vi.status).toBe(404);
    expect(vi.headers.get('content-type')).toContain('application/problem+json');
    expect(vi.body).toMatchObject({ type: 'https://chiso.vn/problems/not-found', title: 'Không tìm thấy', status: 404, code: 'not-found' });
    expect(vi.body.detail).toBe('Không tìm thấy cơ quan "khong-co".');
    const en = await app.request('GET', '/api/agencies/khong-co', { headers: { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' } });
    expect(en.body.title).toBe('Not found');
    expect(en.body.detail).toBe('Agency "khong-co" not found.');
    const viFirst = await app.request('GET', '/api/agencies/khong-co', { headers: { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' } });
    expect(viFirst.body.title).toBe('Không tìm thấy');
  });

  it('rejects unknown fields with their path, and changes nothing', async () => {
    const before = await countAgencies();
    const res = await app.request('POST', '/api/agencies', { body: { id: 'moi', name: 'Mới', kind: 'board', colour: 'red' }, lang: 'en' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid-body');
    expect(res.body.errors).toEqual([{ path: '/colour', message: 'Property "colour" is not allowed here', code: 'schema' }]);
    expect(await countAgencies()).toBe(before);
  });

  it('reports every invalid field with a path and a message in the chosen language', async () => {
    const res = await app.request('POST', '/api/users', { body: { username: 'A B', role: 'boss' } });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['/password', '/role', '/username']);
    expect(res.body.errors.find((e: { path: string }) => e.path === '/password').message).toBe('Thiếu trường bắt buộc "password"');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a "%s" key anywhere in the body', async (key) => {
    const before = await countAgencies();
    const raw = `{"id":"hack","name":"x","kind":"board","attributes":{"${key}":{"polluted":true}}}`;
    const res = await app.request('POST', '/api/agencies', { raw });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('forbidden-key');
    expect(res.body.errors[0].path).toBe(`/attributes/${key}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await countAgencies()).toBe(before);
  });

  it('rejects a prototype key even where no schema looks (a route without a body schema)', async () => {
    const res = await app.request('POST', '/api/auth/logout', { raw: '{"__proto__":{"x":1}}' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('forbidden-key');
  });

  it('rejects malformed JSON (400) and an oversized body (413)', async () => {
    const bad = await app.request('POST', '/api/agencies', { raw: '{"id": "x",', lang: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-json');
    const big = await app.request('POST', '/api/agencies', {
      raw: JSON.stringify({ id: 'big', name: 'x'.repeat(3 * 1024 * 1024), kind: 'board' }),
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload-too-large');
  });

  it('refuses a body nested thousands of levels deep with one problem and its path, on any route', async () => {
    const deep = withDeepCondition(sonLa2021({ version: 'sau' }));
    const before = (await app.request('GET', '/api/versions')).headers.get('content-range');
    const res = await app.request('POST', '/api/versions', {
      raw: `{"document":${deep}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body.code).toBe('too-deep');
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].path).toMatch(/^\/document\/criteria\/0\/children\/0\/scoring\/when(\/all\/0)+\/all$/);
    expect(res.body.detail).toContain('68');
    expect((await app.request('GET', '/api/versions')).headers.get('content-range')).toBe(before);
    const agencies = await app.request('POST', '/api/agencies', {
      raw: `{"id":"sau","name":"Sâu","kind":"board","x":${deepConditionText(5_000)}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect([agencies.status, agencies.body.code]).toEqual([400, 'too-deep']);
  });

  it('answers unknown API routes with a 404 problem, and bad list parameters with a 400', async () => {
    const res = await app.request('DELETE', '/api/rule-sets/son-la', { lang: 'en' });
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('There is no API route DELETE /api/rule-sets/son-la.');
    expect((await app.request('GET', '/api/agencies?sort=["password","ASC"]')).status).toBe(400);
    expect((await app.request('GET', '/api/agencies?range=[5,1]')).status).toBe(400);
    expect((await app.request('GET', '/api/agencies?filter=[1]')).status).toBe(400);
  });
});
