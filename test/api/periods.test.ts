// Assessment periods through the API: pinned to a published version, forward-only transitions
// (also enforced by the database), role matrix, audit entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { approvingDecision, filterQuery, openPeriod, publishSonLa, submitDemo } from '../support/assessment';
import { sonLa2021 } from '../support/fixtures';

describe.each(backends)('periods API on $name', (backend) => {
  let app: TestApp;
  let versionId: string;

  beforeAll(async () => {
    app = await startTestApp(backend);
    versionId = (await publishSonLa(app, '2021')).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const audit = async (resourceId: string) =>
    (await app.request('GET', `/api/audit?${filterQuery({ resource: 'periods', resourceId })}`, { as: 'auditor' })).body as {
      action: string;
      actor: string;
      before: any;
      after: any;
    }[];

  it('lets the evaluator open a period pinned to a published version, and records it in the audit log', async () => {
    const res = await app.request('POST', '/api/periods', {
      as: 'evaluator',
      body: { year: 2021, versionId, title: 'Đánh giá năm 2021' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      ruleSet: 'son-la',
      year: 2021,
      versionId,
      versionLabel: '2021',
      title: 'Đánh giá năm 2021',
      status: 'open',
      submissionCount: 0,
      createdBy: 'evaluator',
    });
    const entries = await audit(res.body.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', actor: 'evaluator', after: { year: 2021, status: 'open' } });

    const again = await app.request('POST', '/api/periods', { as: 'admin', body: { year: 2021, versionId, title: 'Lần hai' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('period-exists');
  });

  it('lets the admin create periods too; the auditor and agency users cannot; anonymous callers get 401', async () => {
    const admin = await app.request('POST', '/api/periods', { as: 'admin', body: { year: 2040, versionId, title: 'Kỳ của quản trị' } });
    expect(admin.status).toBe(201);
    for (const as of ['auditor', 'agency'] as const) {
      const res = await app.request('POST', '/api/periods', { as, body: { year: 2041, versionId, title: 'Không được' } });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await app.request('GET', '/api/periods', { as: null })).status).toBe(401);
    const list = await app.request('GET', `/api/periods?${filterQuery({ year: 2041 })}`);
    expect(list.body).toEqual([]);
  });

  it('refuses a period pinned to a draft, with the field path, and stores nothing', async () => {
    const draft = await app.request('POST', '/api/versions', { body: { document: sonLa2021({ version: 'nhap-ky' }) } });
    const res = await app.request('POST', '/api/periods', {
      as: 'evaluator',
      body: { year: 2042, versionId: draft.body.id, title: 'Theo bản nháp' },
      lang: 'en',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('version-not-published');
    expect(res.body.errors[0].path).toBe('/versionId');
    expect(res.body.detail).toMatch(/published/);
    expect((await app.request('GET', `/api/periods?${filterQuery({ year: 2042 })}`)).body).toEqual([]);
  });

  it('rejects unknown fields and a malformed year', async () => {
    const res = await app.request('POST', '/api/periods', {
      as: 'evaluator',
      body: { year: 'năm nay', versionId, title: 'x', extra: 1 },
    });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/year', '/extra']));
  });

  it('lists with filters, sort and Content-Range, and every role reads', async () => {
    const period = await openPeriod(app, versionId);
    for (const as of ['admin', 'evaluator', 'auditor', 'agency'] as const) {
      const list = await app.request(
        'GET',
        `/api/periods?${filterQuery({ ruleSet: 'son-la' }, [0, 0])}&sort=${encodeURIComponent('["year","DESC"]')}`,
        { as },
      );
      expect(list.status).toBe(200);
      expect(list.headers.get('content-range')).toMatch(/^periods 0-0\/\d+$/);
      expect(list.headers.get('access-control-expose-headers')).toContain('Content-Range');
      const one = await app.request('GET', `/api/periods/${period.id}`, { as });
      expect(one.status).toBe(200);
      expect(one.body.id).toBe(period.id);
    }
    expect((await app.request('GET', '/api/periods/6d1c1b42-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await app.request('GET', '/api/periods?sort=["nope","ASC"]')).status).toBe(400);
  });

  it('saves only over what the editor read: 428 without If-Match, 412 when someone saved in between', async () => {
    const period = await openPeriod(app, versionId);
    const path = `/api/periods/${period.id}`;
    const missing = await app.request('PUT', path, { as: 'evaluator', body: { title: 'Không If-Match' } });
    expect([missing.status, missing.body.code]).toEqual([428, 'if-match-required']);
    const read = (await app.request('GET', path, { as: 'evaluator' })).headers.get('ETag')!;
    const first = await app.request('PUT', path, { as: 'evaluator', body: { title: 'Người thứ nhất' }, headers: { 'If-Match': read } });
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get('ETag')).not.toBe(read);
    const second = await app.request('PUT', path, { as: 'evaluator', body: { title: 'Người thứ hai' }, headers: { 'If-Match': read } });
    expect([second.status, second.body.code]).toEqual([412, 'stale-etag']);
    expect((await app.request('GET', path)).body.title).toBe('Người thứ nhất');
  });

  it('updates the title and the pinned version while open; the version is fixed once appraisal starts', async () => {
    const period = await openPeriod(app, versionId);
    const other = await publishSonLa(app, '2021-b');
    const res = await app.request('PUT', `/api/periods/${period.id}`, {
      as: 'evaluator',
      // react-admin sends the record back; read-only fields are ignored.
      body: { ...period, title: 'Tên mới', versionId: other.id },
      readFirst: true,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ title: 'Tên mới', versionId: other.id, versionLabel: '2021-b' });

    expect((await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'evaluator', body: { to: 'appraisal' } })).status).toBe(
      200,
    );
    const locked = await app.request('PUT', `/api/periods/${period.id}`, { as: 'evaluator', body: { versionId }, readFirst: true });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('period-locked');
    expect((await app.request('GET', `/api/periods/${period.id}`)).body.versionId).toBe(other.id);
    expect((await app.request('PUT', `/api/periods/${period.id}`, { as: 'auditor', body: { title: 'x' } })).status).toBe(403);
  });

  it('moves only one step forward; skipping or going back is refused (409) and audited only when done', async () => {
    const period = await openPeriod(app, versionId);
    const move = (to: string, as: 'evaluator' | 'admin' | 'auditor' = 'evaluator') =>
      app.request('POST', `/api/periods/${period.id}/transition`, { as, body: { to } });

    const skip = await move('closed');
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('invalid-transition');
    expect((await move('appraisal', 'auditor')).status).toBe(403);
    expect((await move('appraisal')).body.status).toBe('appraisal');
    expect((await move('open')).status).toBe(409);
    expect((await move('closed', 'admin')).body.status).toBe('closed');
    const bad = await move('archived');
    expect(bad.status).toBe(400);

    const entries = await audit(period.id);
    expect(
      entries
        .filter((e) => e.action === 'transition')
        .map((e) => e.after.status)
        .sort(),
    ).toEqual(['appraisal', 'closed']);
  });

  it('publishing through the transition is the evaluator publishing the ranking', async () => {
    const period = await openPeriod(app, versionId);
    await submitDemo(app, period.id, 'so-tttt');
    for (const to of ['appraisal', 'closed']) {
      expect((await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'admin', body: { to } })).status).toBe(200);
    }
    const byAdmin = await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'admin', body: { to: 'published' } });
    expect(byAdmin.status).toBe(403);
    const res = await app.request('POST', `/api/periods/${period.id}/transition`, {
      as: 'evaluator',
      body: { to: 'published', decision: approvingDecision(period.year) },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('published');
    const snapshots = await app.request('GET', `/api/published-rankings?${filterQuery({ periodId: period.id })}`, { as: 'auditor' });
    expect(snapshots.body).toHaveLength(1);
    expect(snapshots.body[0].ranking.cohorts[0].entries[0].agencyId).toBe('so-tttt');
    // A published period is final.
    const rename = await app.request('PUT', `/api/periods/${period.id}`, { as: 'evaluator', body: { title: 'Đổi tên' }, readFirst: true });
    expect(rename.status).toBe(409);
  });

  it('enforces forward-only transitions in the database too', async () => {
    const period = await openPeriod(app, versionId);
    await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'evaluator', body: { to: 'appraisal' } });
    await expect(app.ctx.db.query(`UPDATE periods SET status = 'open' WHERE id = $1`, [period.id])).rejects.toThrow(/invalid-transition/);
    await expect(app.ctx.db.query(`UPDATE periods SET status = 'published' WHERE id = $1`, [period.id])).rejects.toThrow(
      /invalid-transition/,
    );
    await expect(app.ctx.db.query(`DELETE FROM periods WHERE id = $1`, [period.id])).rejects.toThrow(/period-locked/);
  });

  it('deletes an open period without submissions only', async () => {
    const empty = await openPeriod(app, versionId);
    expect((await app.request('DELETE', `/api/periods/${empty.id}`, { as: 'agency' })).status).toBe(403);
    const del = await app.request('DELETE', `/api/periods/${empty.id}`, { as: 'evaluator' });
    expect(del.status).toBe(200);
    expect((await app.request('GET', `/api/periods/${empty.id}`)).status).toBe(404);
    expect((await audit(empty.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'delete']));

    const used = await openPeriod(app, versionId);
    await submitDemo(app, used.id, 'so-tttt');
    const refused = await app.request('DELETE', `/api/periods/${used.id}`, { as: 'evaluator' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('period-in-use');
  });
});
