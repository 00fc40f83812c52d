// The audit log through the API: read-only, filterable, and /audit/verify detects a row changed
// behind the server's back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay, vietnamDayBounds } from '../../server/engine';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';

describe.each(backends)('audit API on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend);
    await app.request('POST', '/api/agencies', { body: { id: 'audit-a', name: 'A', kind: 'board' } });
    await app.request('PUT', '/api/agencies/audit-a', { body: { name: 'A2' }, readFirst: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists entries newest first with actor, time, action, before and after', async () => {
    const res = await app.request('GET', '/api/audit?range=[0,1]', { as: 'auditor' });
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ actor: 'admin', action: 'update', resource: 'agencies', resourceId: 'audit-a' });
    expect(res.body[0].before.name).toBe('A');
    expect(res.body[0].after.name).toBe('A2');
    expect(res.body[0].id).toBeGreaterThan(res.body[1].id);
    expect(res.body[0].prevHash).toBe(res.body[1].hash);
    expect(new Date(res.body[0].at).toISOString()).toBe(res.body[0].at);
    expect(res.headers.get('content-range')).toMatch(/^audit 0-1\/\d+$/);
    const one = await app.request('GET', `/api/audit/${res.body[0].id}`, { as: 'auditor' });
    expect(one.body).toEqual(res.body[0]);
  });

  it('filters by actor, action, resource and time', async () => {
    const today = vietnamDay();
    const q = encodeURIComponent(JSON.stringify({ actor: 'admin', action: 'create', resource: 'agencies', from: today, to: today }));
    const res = await app.request('GET', `/api/audit?filter=${q}`);
    expect(res.body.map((e: { resourceId: string }) => e.resourceId)).toEqual(['audit-a']);
    const none = await app.request('GET', `/api/audit?filter=${encodeURIComponent(JSON.stringify({ to: '2000-01-01' }))}`);
    expect(none.body).toEqual([]);
    // A day is Việt Nam's, as the console shows each moment: 02/12 runs from 17:00 UTC on 01/12.
    const entry = res.body[0];
    const day = vietnamDay(new Date(entry.at));
    const on = async (filter: object) =>
      (await app.request('GET', `/api/audit?filter=${encodeURIComponent(JSON.stringify(filter))}`)).body.map((e: { id: number }) => e.id);
    expect(await on({ from: day, to: day })).toContain(entry.id);
    const { first, last } = vietnamDayBounds(day);
    expect([first, last]).toEqual([
      new Date(Date.parse(`${day}T00:00:00Z`) - 7 * 3600_000).toISOString(),
      new Date(Date.parse(`${day}T00:00:00Z`) + 17 * 3600_000 - 1).toISOString(),
    ]);
    expect(await on({ from: day, to: last })).toContain(entry.id);
    // a day that is none, or text that is no moment, is refused at its filter, never read as another day
    for (const [filter, path] of [
      [{ from: '2024-13-01' }, '/query/filter/from'],
      [{ to: '2024-02-31' }, '/query/filter/to'],
      [{ to: 'hôm qua' }, '/query/filter/to'],
    ] as const) {
      const refused = await app.request('GET', `/api/audit?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(refused.status, JSON.stringify(filter)).toBe(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    // a moment in another offset is the same moment
    expect(await on({ from: new Date(Date.parse(entry.at) - 1000).toISOString().replace('Z', '+00:00') })).toContain(entry.id);
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await on({ to: dayBefore, resource: 'agencies', actor: 'admin', action: 'create' })).not.toContain(entry.id);
  });

  it('has no route that writes to the log', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await app.request(method, method === 'POST' ? '/api/audit' : '/api/audit/1', { body: {} });
      expect(res.status).toBe(404);
    }
  });

  it('verifies the chain, and names the first row changed behind its back (trigger disabled)', async () => {
    const ok = await app.request('GET', '/api/audit/verify', { as: 'auditor' });
    expect(ok.body.valid).toBe(true);
    expect(ok.body.checked).toBeGreaterThan(5);
    const target = (await app.request('GET', '/api/audit?filter={"resourceId":"audit-a","action":"create"}')).body[0];
    const { db } = app.ctx;
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change');
    try {
      await db.query(`UPDATE audit_log SET actor = 'someone-else' WHERE id = $1`, [target.id]);
    } finally {
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change');
    }
    const broken = await app.request('GET', '/api/audit/verify', { as: 'auditor' });
    expect(broken.body).toMatchObject({ valid: false, firstBrokenId: target.id, keyed: true });
    expect(broken.body.findings[0]).toMatchObject({ kind: 'rewritten', id: target.id });
    expect(broken.body.findings[0].message.vi).toContain(`Mục #${target.id}`);
  });
});
