// The decision approving a published ranking: required and checked before anything is written,
// stored with the ranking for good, printed on its annex and named in its spreadsheets; and the
// correction that supersedes a ranking in force under a decision of its own, both replaying as verified.
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { approvingDecision, filterQuery, openPeriod, publishPeriod, publishSonLa, submitDemo } from '../support/assessment';

describe.each(backends)('the approving decision on $name', (backend) => {
  let app: TestApp;
  let period: { id: string; year: number };
  let first: any;
  let correction: any;

  beforeAll(async () => {
    app = await startTestApp(backend);
    const version = await publishSonLa(app, '2021');
    period = await openPeriod(app, version.id);
    for (const agency of [OWN_AGENCY, OTHER_AGENCY]) await submitDemo(app, period.id, agency);
    for (const to of ['appraisal', 'closed']) {
      expect((await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'evaluator', body: { to } })).status).toBe(200);
    }
  });
  afterAll(() => app?.close());

  const exported = async (format: string) => {
    const res = await fetch(`${app.url}/api/periods/${period.id}/export?format=${format}`, {
      headers: { cookie: app.users.evaluator.cookie },
    });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  const annexText = async () => (await new PDFParse({ data: new Uint8Array(await exported('pdf')) }).getText()).text.replace(/\s+/g, ' ');
  const auditOf = async (id: string) =>
    (await app.request('GET', `/api/audit?${filterQuery({ resource: 'published-rankings', resourceId: id })}`, { as: 'auditor' })).body;

  it('refuses to publish without a decision, or with one that is not a decision, and writes nothing', async () => {
    const audited = (await app.request('GET', '/api/audit?range=[0,0]', { as: 'auditor' })).headers.get('content-range');
    const none = await app.request('POST', `/api/periods/${period.id}/ranking/publish`, { as: 'evaluator', body: {} });
    expect(none.status).toBe(400);
    expect(none.body.errors.map((e: any) => e.path)).toEqual(['/decision']);

    const decision = approvingDecision(period.year);
    const blank = await publishPeriod(app, period, { ...decision, signerName: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors.map((e: any) => e.path)).toEqual(['/decision/signerName']);

    const wrong = await publishPeriod(app, period, { ...decision, number: '2923', date: `${period.year}-02-31` });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('invalid-decision');
    expect(wrong.body.errors.map((e: any) => [e.path, e.message])).toEqual([
      ['/decision/number', 'Số quyết định "2923" phải có dạng số/ký hiệu, ví dụ 2923/QĐ-UBND.'],
      ['/decision/date', `Ngày ký quyết định "${period.year}-02-31" không phải là một ngày có thật.`],
    ]);
    const english = await app.request('POST', `/api/periods/${period.id}/ranking/publish`, {
      as: 'evaluator',
      lang: 'en',
      body: { decision: { ...decision, number: '2923' } },
    });
    expect(english.body.errors[0].message).toBe('Decision number "2923" must read number/symbol, e.g. 2923/QĐ-UBND.');

    const early = await publishPeriod(app, period, { ...decision, date: `${period.year - 1}-12-31` });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({
      path: '/decision/date',
      message: expect.stringContaining(`trước năm ${period.year}`),
    });
    const future = await publishPeriod(app, period, { ...decision, date: '2999-01-01' });
    expect(future.body.errors[0]).toMatchObject({
      path: '/decision/date',
      message: 'Ngày ký quyết định không được sau ngày hôm nay.',
    });

    const transition = await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'evaluator', body: { to: 'published' } });
    expect(transition.status).toBe(422);
    expect(transition.body).toMatchObject({ code: 'decision-required', errors: [{ path: '/decision' }] });

    expect((await app.request('GET', `/api/periods/${period.id}`)).body.status).toBe('closed');
    expect((await app.request('GET', `/api/published-rankings?${filterQuery({ periodId: period.id })}`, { as: 'auditor' })).body).toEqual(
      [],
    );
    expect((await app.request('GET', '/api/audit?range=[0,0]', { as: 'auditor' })).headers.get('content-range')).toBe(audited);
  });

  it('stores the decision with the published ranking, in the audit log, for good', async () => {
    const decision = approvingDecision(period.year);
    const res = await publishPeriod(app, period, { ...decision, number: ' 2923 / QĐ-UBND ', signerName: ' Đặng  Ngọc Hậu ' });
    expect(res.status, res.text).toBe(201);
    first = res.body;
    expect(first).toMatchObject({ decision, supersedes: null, supersededBy: null, correctionReason: null });
    const read = await app.request('GET', `/api/published-rankings/${first.id}`, { as: 'agency' });
    expect(read.body).toMatchObject({ decision, intact: true });
    expect((await auditOf(first.id))[0]).toMatchObject({ action: 'publish', after: { decision, hash: first.hash } });
    await expect(
      app.ctx.db.query(`UPDATE published_rankings SET decision = jsonb_set(decision, '{number}', '"1/QĐ-UBND"') WHERE id = $1`, [first.id]),
    ).rejects.toThrow(/append-only/);
    // Every ranking published from now on has its decision, whoever writes the row.
    await expect(
      app.ctx.db.query(
        `INSERT INTO published_rankings (period_id, version_id, batch_id, evaluation_ids, ranking, hash, published_by, supersedes, correction_reason)
         SELECT period_id, version_id, batch_id, evaluation_ids, ranking, hash, 'x', id, 'x' FROM published_rankings WHERE id = $1`,
        [first.id],
      ),
    ).rejects.toThrow(/decision-required/);
  });

  it('prints the decision on the annex and names it in the workbook and the CSV', async () => {
    const text = await annexText();
    expect(text).toContain(
      `(Kèm theo Quyết định số 2923/QĐ-UBND ngày 31 tháng 12 năm ${period.year} của Chủ tịch Ủy ban nhân dân tỉnh Sơn La)`,
    );
    expect(text).toMatch(/KT\. CHỦ TỊCH PHÓ CHỦ TỊCH .*Đặng Ngọc Hậu/);
    const csv = (await exported('csv')).toString('utf8').replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe(
      `Kết quả được phê duyệt tại Quyết định số 2923/QĐ-UBND ngày 31/12/${period.year} của Ủy ban nhân dân tỉnh Sơn La`,
    );
    expect(csv.split('\r\n')[1]).toMatch(/^Khối,Xếp hạng/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getCell(5, 1).value).toBe(
      `Kết quả được phê duyệt tại Quyết định số 2923/QĐ-UBND ngày 31/12/${period.year} của Ủy ban nhân dân tỉnh Sơn La`,
    );
  });

  it('corrects a published ranking only by a correction citing its own decision and reason', async () => {
    const again = await publishPeriod(app, period);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-published');
    const path = `/api/published-rankings/${first.id}/corrections`;
    const decision = { ...approvingDecision(period.year, '3001/QĐ-UBND'), signerTitle: 'Chủ tịch', signerName: 'Nguyễn Thành Công' };
    const reason = 'Đính chính chức danh người ký tại Quyết định số 2923/QĐ-UBND.';
    expect((await app.request('POST', path, { as: 'admin', body: { decision, reason } })).status).toBe(403);
    const noReason = await app.request('POST', path, { as: 'evaluator', body: { decision } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: any) => e.path)).toEqual(['/reason']);
    const sameNumber = await app.request('POST', path, {
      as: 'evaluator',
      body: { decision: { ...decision, number: '2923/QĐ-UBND' }, reason },
    });
    expect(sameNumber.status).toBe(422);
    expect(sameNumber.body.errors.map((e: any) => e.path)).toEqual(['/decision/number']);

    const res = await app.request('POST', path, { as: 'evaluator', body: { decision, reason } });
    expect(res.status, res.text).toBe(201);
    correction = res.body;
    expect(correction).toMatchObject({
      periodId: period.id,
      decision,
      correctionReason: reason,
      supersedes: { id: first.id, decision: first.decision },
      supersededBy: null,
      evaluationIds: first.evaluationIds,
      hash: first.hash,
    });
    const old = await app.request('GET', `/api/published-rankings/${first.id}`, { as: 'agency' });
    expect(old.body).toMatchObject({ decision: first.decision, supersededBy: { id: correction.id, decision } });
    expect((await auditOf(correction.id))[0]).toMatchObject({
      action: 'correct',
      actor: 'evaluator',
      before: { id: first.id, decision: first.decision },
      after: { supersedes: first.id, decision, reason },
    });

    const inForce = await app.request('GET', `/api/published-rankings?${filterQuery({ periodId: period.id, inForce: true })}`);
    expect(inForce.body.map((r: any) => r.id)).toEqual([correction.id]);
    const all = await app.request('GET', `/api/published-rankings?${filterQuery({ periodId: period.id })}`);
    expect(all.body.map((r: any) => r.id).sort()).toEqual([first.id, correction.id].sort());

    // The superseded ranking is no longer the one to correct.
    const twice = await app.request('POST', path, { as: 'evaluator', body: { decision: { ...decision, number: '3002/QĐ-UBND' }, reason } });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('Quyết định số 3001/QĐ-UBND');

    for (const id of [first.id, correction.id]) {
      const replay = await app.request('POST', `/api/published-rankings/${id}/replay`, { as: 'auditor' });
      expect(replay.body, id).toMatchObject({ verified: true, storedIntact: true, differences: [] });
    }
    const text = await annexText();
    expect(text).toContain(
      `(Kèm theo Quyết định số 3001/QĐ-UBND ngày 31 tháng 12 năm ${period.year} của Chủ tịch Ủy ban nhân dân tỉnh Sơn La)`,
    );
    expect(text).toMatch(/CHỦ TỊCH .*Nguyễn Thành Công/);
    expect((await app.request('GET', '/api/audit/verify', { as: 'auditor' })).body).toMatchObject({ valid: true, anchors: 2 });
  });
});
