// Appraisal through the API: only the evaluator, only with a reason, the agency's value kept beside
// the appraised one, history append-only, the effective facts following the latest appraisal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { demoFacts, filterQuery, openPeriod, publishSonLa, submitDemo } from '../support/assessment';

describe.each(backends)('appraisals API on $name', (backend) => {
  let app: TestApp;
  let submission: any;
  let other: any;
  let versionId: string;

  beforeAll(async () => {
    app = await startTestApp(backend);
    versionId = (await publishSonLa(app, '2021')).id;
    const period = await openPeriod(app, versionId);
    submission = await submitDemo(app, period.id, OWN_AGENCY, 'agency');
    other = await submitDemo(app, period.id, OTHER_AGENCY);
  });
  afterAll(async () => {
    await app?.close();
  });

  const appraise = (body: unknown, as: 'evaluator' | 'admin' | 'auditor' | 'agency' = 'evaluator', id = submission.id) =>
    app.request('POST', `/api/submissions/${id}/appraisals`, { as, body });

  it('records the evaluator value beside the agency value; the agency value is never overwritten', async () => {
    const agencyValue = demoFacts(OWN_AGENCY).reported.staff_with_computer as number;
    const res = await appraise({ fact: 'staff_with_computer', value: agencyValue - 5, reason: 'Biên bản kiểm tra: 5 máy hỏng' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      submissionId: submission.id,
      fact: 'staff_with_computer',
      agencyValue,
      appraisedValue: agencyValue - 5,
      previousValue: null,
      reason: 'Biên bản kiểm tra: 5 máy hỏng',
      author: 'evaluator',
    });
    expect(Date.parse(res.body.at)).not.toBeNaN();

    const after = (await app.request('GET', `/api/submissions/${submission.id}`, { as: 'agency' })).body;
    expect(after.status).toBe('appraised');
    expect(after.facts.staff_with_computer).toBe(agencyValue);
    expect(after.appraisedFacts).toEqual({ staff_with_computer: agencyValue - 5 });
    expect(after.effectiveFacts.staff_with_computer).toBe(agencyValue - 5);
    expect(after.revision).toBe(submission.revision + 1);

    const second = await appraise({ fact: 'staff_with_computer', value: agencyValue - 2, reason: 'Đã sửa 3 máy' });
    expect(second.body).toMatchObject({ agencyValue, appraisedValue: agencyValue - 2, previousValue: agencyValue - 5 });

    const history = await app.request(
      'GET',
      `/api/appraisals?${filterQuery({ submissionId: submission.id, fact: 'staff_with_computer' })}&sort=${encodeURIComponent('["at","ASC"]')}`,
      { as: 'auditor' },
    );
    expect(history.headers.get('content-range')).toMatch(/\/2$/);
    expect(history.body.map((a: { appraisedValue: number }) => a.appraisedValue).sort()).toEqual([agencyValue - 5, agencyValue - 2].sort());

    const audit = await app.request(
      'GET',
      `/api/audit?${filterQuery({ resource: 'submissions', resourceId: submission.id, action: 'appraise' })}`,
      { as: 'auditor' },
    );
    expect(audit.body).toHaveLength(2);
    expect(audit.body.map((e: any) => e.after.appraisal.reason).sort()).toEqual(['Biên bản kiểm tra: 5 máy hỏng', 'Đã sửa 3 máy']);
  });

  it('enters evaluator-only facts (manual scores) through appraisal', async () => {
    const { evaluator } = demoFacts(OWN_AGENCY);
    for (const [fact, value] of Object.entries(evaluator)) {
      const res = await appraise({ fact, value, reason: 'Sở TT&TT chấm' });
      expect(res.status, res.text).toBe(201);
      expect(res.body.agencyValue).toBeNull();
    }
    const after = (await app.request('GET', `/api/submissions/${submission.id}`)).body;
    for (const [fact, value] of Object.entries(evaluator)) expect(after.effectiveFacts[fact]).toBe(value);
  });

  it('requires a reason, a known fact and a valid value — and changes nothing otherwise', async () => {
    const before = (await app.request('GET', `/api/submissions/${submission.id}`)).body;
    const noReason = await appraise({ fact: 'staff_total', value: 10 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { path: string }) => e.path)).toContain('/reason');
    const blank = await appraise({ fact: 'staff_total', value: 10, reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].path).toBe('/reason');

    const unknown = await appraise({ fact: 'no_such_fact', value: 1, reason: 'x' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ path: '/fact', code: 'unknown-fact' });

    const wrongType = await appraise({ fact: 'staff_total', value: 'mười', reason: 'x' });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors[0].path).toBe('/value');
    expect(wrongType.body.errors[0].message).toContain('Tổng số cán bộ');
    const outOfRange = await appraise({ fact: 'leadership_score', value: 7, reason: 'x' });
    expect(outOfRange.status).toBe(422);

    const after = (await app.request('GET', `/api/submissions/${submission.id}`)).body;
    expect(after.revision).toBe(before.revision);
    expect(after.appraisedFacts).toEqual(before.appraisedFacts);
  });

  it('is for the evaluator only', async () => {
    for (const as of ['admin', 'auditor', 'agency'] as const) {
      const res = await appraise({ fact: 'staff_total', value: 10, reason: 'không được' }, as);
      expect(res.status).toBe(403);
    }
  });

  it('refuses to appraise a draft', async () => {
    const period = await openPeriod(app, versionId);
    const draft = await app.request('POST', '/api/submissions', { as: 'agency', body: { periodId: period.id, facts: {} } });
    const res = await appraise({ fact: 'staff_total', value: 10, reason: 'chưa nộp' }, 'evaluator', draft.body.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('submission-status');
  });

  it('keeps appraisals append-only in the database', async () => {
    await expect(app.ctx.db.query(`UPDATE appraisals SET reason = 'sửa lén' WHERE submission_id = $1`, [submission.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(app.ctx.db.query(`DELETE FROM appraisals WHERE submission_id = $1`, [submission.id])).rejects.toThrow(/append-only/);
    await expect(
      app.ctx.db.query(`INSERT INTO appraisals (submission_id, fact, reason, author) VALUES ($1, 'staff_total', '  ', 'x')`, [
        submission.id,
      ]),
    ).rejects.toThrow();
  });

  it('lets an agency user read the appraisals of its own submissions only', async () => {
    await appraise({ fact: 'staff_total', value: 12, reason: 'Đối chiếu danh sách' }, 'evaluator', other.id);
    const mine = await app.request('GET', '/api/appraisals', { as: 'agency' });
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((a: { agencyId: string }) => a.agencyId === OWN_AGENCY)).toBe(true);
    expect((await app.request('GET', `/api/appraisals?${filterQuery({ agencyId: OTHER_AGENCY })}`, { as: 'agency' })).status).toBe(403);
    const theirs = (await app.request('GET', `/api/appraisals?${filterQuery({ agencyId: OTHER_AGENCY })}`, { as: 'auditor' })).body[0];
    expect((await app.request('GET', `/api/appraisals/${theirs.id}`, { as: 'agency' })).status).toBe(403);
    expect((await app.request('GET', `/api/appraisals/${theirs.id}`, { as: 'auditor' })).body.reason).toBe('Đối chiếu danh sách');
  });
});
