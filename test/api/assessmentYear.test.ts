// The assessment year as it runs: a period's dates hold (the agency's deadline; moving on early only
// with a reason, kept in the audit log), the overdue list, explanations accepted or rejected, a
// criterion scored 0 for missing evidence (and the stored result still replays), and the right of
// reply — answered once, resolved once, and the period does not close before.
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { demoFacts, fileMissingEvidence, filterQuery, openPeriod, publishSonLa, submitDemo } from '../support/assessment';

const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
/** A year whose self-assessment is still open today. */
const running = () => ({ opensOn: day(-10), submissionDue: day(5), appraisalDue: day(10), replyDue: day(15), closesOn: day(20) });
/** The same year later on: appraisal over, the reply window open today. */
const replying = () => ({ opensOn: day(-30), submissionDue: day(-20), appraisalDue: day(-1), replyDue: day(3), closesOn: day(5) });

describe.each(backends)('the assessment year on $name', (backend) => {
  let app: TestApp;
  let versionId: string;
  let year = 2060;

  beforeAll(async () => {
    app = await startTestApp(backend);
    versionId = (await publishSonLa(app, '2021')).id;
  });
  afterAll(() => app?.close());

  const newPeriod = async (schedule: Record<string, string> | null) => {
    const res = await app.request('POST', '/api/periods', {
      as: 'evaluator',
      body: { year: year++, versionId, title: 'Kỳ có lịch', schedule },
    });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const transition = (id: string, to: string, override?: { reason: string }) =>
    app.request('POST', `/api/periods/${id}/transition`, { as: 'evaluator', body: { to, ...(override ? { override } : {}) } });
  const setSchedule = async (id: string, schedule: Record<string, string>) => {
    const current = await app.request('GET', `/api/periods/${id}`, { as: 'evaluator' });
    const res = await app.request('PUT', `/api/periods/${id}`, {
      as: 'evaluator',
      headers: { 'if-match': current.headers.get('etag')! },
      body: { schedule },
    });
    expect(res.status, res.text).toBe(200);
  };

  it('takes a schedule whose days are real and in order, and names each wrong day', async () => {
    const bad = await app.request('POST', '/api/periods', {
      as: 'evaluator',
      body: {
        year: 2059,
        versionId,
        title: 'Kỳ sai lịch',
        schedule: {
          opensOn: '01/03/2059',
          submissionDue: '31/02/2059',
          appraisalDue: '2059-11-30',
          replyDue: '2059-11-01',
          closesOn: '2059-12-20',
        },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalid-schedule');
    expect(bad.body.errors.map((e: any) => [e.path, e.message])).toEqual([
      ['/schedule/submissionDue', 'Cần nhập hạn tự đánh giá là một ngày có thật (dd/mm/yyyy).'],
      ['/schedule/replyDue', 'Hạn phản hồi (01/11/2059) không được trước hạn thẩm định (30/11/2059).'],
    ]);
    expect((await app.request('GET', `/api/periods?${filterQuery({ year: 2059 })}`, { as: 'evaluator' })).body).toEqual([]);

    const good = await newPeriod({ ...running(), opensOn: day(-10).split('-').reverse().join('/') });
    expect(good.schedule).toEqual(running());
  });

  it('holds the agency to its deadline, lists who is overdue, and moves on early only with a reason in the audit log', async () => {
    const period = await newPeriod(running());
    await submitDemo(app, period.id, OTHER_AGENCY);
    let overdue = (await app.request('GET', `/api/periods/${period.id}/overdue`, { as: 'evaluator' })).body;
    expect(overdue).toMatchObject({ submissionDue: day(5), overdue: false });
    expect(overdue.agencies.map((a: any) => a.agencyId)).toContain(OWN_AGENCY);
    expect(overdue.agencies.map((a: any) => a.agencyId)).not.toContain(OTHER_AGENCY);

    const early = await transition(period.id, 'appraisal');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'schedule-not-reached', overridable: true });
    expect(early.body.detail).toContain(`Hạn tự đánh giá là ngày ${day(5).split('-').reverse().join('/')}`);
    expect((await transition(period.id, 'appraisal', { reason: '  ' })).body.errors[0].path).toBe('/override/reason');

    // The deadline passes (the evaluator moves it): the agency can no longer start its own.
    await setSchedule(period.id, { ...running(), opensOn: day(-20), submissionDue: day(-1) });
    const late = await app.request('POST', '/api/submissions', {
      as: 'agency',
      body: { periodId: period.id, facts: demoFacts(OWN_AGENCY).reported },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('submission-overdue');
    overdue = (await app.request('GET', `/api/periods/${period.id}/overdue`, { as: 'evaluator' })).body;
    expect(overdue.overdue).toBe(true);
    expect((await app.request('GET', `/api/periods/${period.id}/overdue`, { as: 'agency' })).status).toBe(403);

    const moved = await transition(period.id, 'appraisal');
    expect(moved.status, moved.text).toBe(200);
    const early2 = await transition(period.id, 'closed');
    expect(early2.body.code).toBe('schedule-not-reached');
    const closed = await transition(period.id, 'closed', { reason: 'Các cơ quan đã thống nhất kết quả, kết thúc sớm.' });
    expect(closed.status, closed.text).toBe(200);
    const audit = (
      await app.request('GET', `/api/audit?${filterQuery({ resource: 'periods', resourceId: period.id, action: 'transition' })}`, {
        as: 'auditor',
      })
    ).body;
    const override = audit.find((e: any) => e.after.status === 'closed').after.override;
    expect(override.reason).toBe('Các cơ quan đã thống nhất kết quả, kết thúc sớm.');
    expect(audit.find((e: any) => e.after.status === 'appraisal').after.override).toBeUndefined();
  });

  it('scores a criterion 0 for missing evidence with a reason, restores it, and the stored result replays as verified', async () => {
    const period = await openPeriod(app, versionId);
    const submission = await submitDemo(app, period.id, OWN_AGENCY);
    const evaluate = async () => {
      const res = await app.request('POST', `/api/submissions/${submission.id}/evaluate`, { as: 'evaluator', body: {} });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const node = (e: any, code: string): any => {
      const find = (nodes: any[]): any => nodes.map((n) => (n.code === code ? n : n.children && find(n.children))).find(Boolean);
      return find(e.result.nodes);
    };
    const before = await evaluate();
    expect(Number(node(before, 'S5.1').points)).toBeGreaterThan(0);

    const notAsked = await app.request('POST', `/api/submissions/${submission.id}/appraisals`, {
      as: 'evaluator',
      body: { criterion: 'H5.1', zeroed: true, reason: 'Thiếu' },
    });
    expect(notAsked.status).toBe(422);
    expect(notAsked.body.errors[0]).toMatchObject({ path: '/criterion', code: 'unknown-criterion' });

    const zeroed = await app.request('POST', `/api/submissions/${submission.id}/appraisals`, {
      as: 'evaluator',
      body: { criterion: 'S5.1', zeroed: true, reason: 'Không có bản kế hoạch năm kèm theo.' },
    });
    expect(zeroed.status, zeroed.text).toBe(201);
    expect(zeroed.body).toMatchObject({ fact: null, criterion: 'S5.1', appraisedValue: true, reply: null });
    expect((await app.request('GET', `/api/submissions/${submission.id}`, { as: 'agency' })).body.zeroedCriteria).toEqual({
      'S5.1': 'Không có bản kế hoạch năm kèm theo.',
    });
    const after = await evaluate();
    expect(node(after, 'S5.1')).toMatchObject({ points: 0, zeroed: 'Không có bản kế hoạch năm kèm theo.' });
    expect(node(after, 'S5.1').explanation.vi).toContain('chấm 0 điểm do thiếu tài liệu kiểm chứng');
    expect(after.total).toBeCloseTo(before.total - Number(node(before, 'S5.1').points), 6);
    const replay = await app.request('POST', `/api/evaluations/${after.id}/replay`, { as: 'auditor' });
    expect(replay.status, replay.text).toBe(200);
    expect(replay.body.verified).toBe(true);

    await app.request('POST', `/api/submissions/${submission.id}/appraisals`, {
      as: 'evaluator',
      body: { criterion: 'S5.1', zeroed: false, reason: 'Đã nhận bản kế hoạch.' },
    });
    const restored = await evaluate();
    expect(restored.total).toBe(before.total);
    // With nothing zeroed the input is what it was before zeroing existed: the same hash.
    expect(restored.hashes.input).toBe(before.hashes.input);
  });

  it('has the evaluator accept or reject each explanation, and does not close before', async () => {
    const period = await openPeriod(app, versionId);
    const created = await app.request('POST', '/api/submissions', {
      as: 'agency',
      body: { periodId: period.id, facts: demoFacts(OWN_AGENCY).reported },
    });
    const explanation = await app.request('POST', `/api/submissions/${created.body.id}/evidence`, {
      as: 'agency',
      body: { key: 'plan_issued', kind: 'explanation', note: 'Kế hoạch lưu bản giấy tại văn thư.' },
    });
    const link = await app.request('POST', `/api/submissions/${created.body.id}/evidence`, {
      as: 'agency',
      body: { key: 'has_lan', kind: 'link', url: 'https://sonla.gov.vn/lan' },
    });
    const refusal = await app.request('POST', `/api/submissions/${created.body.id}/submit`, { as: 'agency' });
    await fileMissingEvidence(app, created.body.id, refusal, 'agency');
    expect((await app.request('POST', `/api/submissions/${created.body.id}/submit`, { as: 'agency' })).status).toBe(200);

    const review = (id: string, body: object, as: 'evaluator' | 'agency' = 'evaluator') =>
      app.request('POST', `/api/evidence/${id}/review`, { as, body });
    expect((await review(explanation.body.id, { accepted: true, reason: 'Đúng' }, 'agency')).status).toBe(403);
    expect((await review(link.body.id, { accepted: true, reason: 'Đúng' })).body.code).toBe('not-an-explanation');
    expect((await review(explanation.body.id, { accepted: false, reason: ' ' })).body.errors[0].path).toBe('/reason');

    expect((await transition(period.id, 'appraisal')).status).toBe(200);
    const blocked = await transition(period.id, 'closed', { reason: 'Kết thúc' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('explanations-unreviewed');
    // the evaluator is told whose explanations still wait
    expect(blocked.body.detail).toMatch(/^Còn 1 bản giải trình .* \(Sở Thông tin và Truyền thông: 1\)\.$/);

    const rejected = await review(explanation.body.id, { accepted: false, reason: 'Bản giấy không có số, ngày ban hành.' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.review).toMatchObject({ accepted: false, reason: 'Bản giấy không có số, ngày ban hành.', by: 'evaluator' });
    const seen = (await app.request('GET', `/api/submissions/${created.body.id}`, { as: 'agency' })).body;
    expect(seen.evidence.find((e: any) => e.id === explanation.body.id).review.accepted).toBe(false);
    expect((await transition(period.id, 'closed')).status).toBe(200);
  });

  it('lets the agency answer each appraisal once in the reply window, and the evaluator resolve each reply once', async () => {
    const period = await newPeriod(running());
    const submission = await submitDemo(app, period.id, OWN_AGENCY);
    await transition(period.id, 'appraisal', { reason: 'Tất cả cơ quan đã nộp.' });
    const appraise = async (fact: string, value: unknown, reason: string) => {
      const res = await app.request('POST', `/api/submissions/${submission.id}/appraisals`, {
        as: 'evaluator',
        body: { fact, value, reason },
      });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const staff = await appraise('staff_total', 25, 'Theo báo cáo tổ chức cán bộ, cơ quan có 25 người.');
    const lan = await appraise('has_lan', false, 'Biên bản kiểm tra: mạng LAN chưa kết nối phòng Hành chính.');
    const reply = (id: string, body: object) => app.request('POST', `/api/appraisals/${id}/reply`, { as: 'agency', body });

    // During the appraisal, the reply window has not opened.
    const tooEarly = await reply(staff.id, { response: 'accept' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('reply-window');

    await setSchedule(period.id, replying());
    expect((await app.request('POST', `/api/appraisals/${staff.id}/reply`, { as: 'evaluator', body: { response: 'accept' } })).status).toBe(
      403,
    );
    const accepted = await reply(staff.id, { response: 'accept' });
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.body.reply).toMatchObject({ response: 'accept', createdBy: OWN_AGENCY, outcome: null });
    expect((await reply(staff.id, { response: 'reply', text: 'Đổi ý' })).body.code).toBe('already-replied');
    expect((await reply(lan.id, { response: 'reply', text: ' ' })).body.errors[0].path).toBe('/text');

    // The agency backs its reply with evidence filed in the window.
    const minutes = await app.request('POST', `/api/submissions/${submission.id}/evidence`, {
      as: 'agency',
      body: { key: 'has_lan', kind: 'link', url: 'https://sonla.gov.vn/bien-ban-lan' },
    });
    expect(minutes.status, minutes.text).toBe(201);
    const replied = await reply(lan.id, {
      response: 'reply',
      text: 'Phòng Hành chính đã được kết nối ngày 15/11, có biên bản nghiệm thu.',
      evidenceIds: [minutes.body.id],
    });
    expect(replied.status, replied.text).toBe(201);
    const open = (await app.request('GET', `/api/appraisals?${filterQuery({ periodId: period.id, replyOpen: true })}`, { as: 'evaluator' }))
      .body;
    expect(open.map((a: any) => a.id)).toEqual([lan.id]);

    const closing = await transition(period.id, 'closed', { reason: 'Hết việc' });
    expect(closing.status).toBe(409);
    expect(closing.body.code).toBe('replies-open');
    expect(closing.body.detail).toContain('Còn 1 phản hồi của cơ quan chưa được giải quyết (Sở Thông tin và Truyền thông: 1)');

    const resolve = (id: string, body: object) => app.request('POST', `/api/appraisals/${id}/resolution`, { as: 'evaluator', body });
    expect((await resolve(staff.id, { outcome: 'keep', reason: 'Giữ' })).body.code).toBe('no-reply');
    expect((await resolve(lan.id, { outcome: 'revise', reason: 'Có biên bản' })).body.errors[0].path).toBe('/value');
    const resolved = await resolve(lan.id, { outcome: 'revise', value: true, reason: 'Biên bản nghiệm thu ngày 15/11 xác nhận.' });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body.reply).toMatchObject({
      outcome: 'revise',
      outcomeReason: 'Biên bản nghiệm thu ngày 15/11 xác nhận.',
      resolvedBy: 'evaluator',
    });
    const revision = (await app.request('GET', `/api/appraisals/${resolved.body.reply.revisionId}`, { as: 'agency' })).body;
    expect(revision).toMatchObject({ fact: 'has_lan', appraisedValue: true, previousValue: false });
    expect((await app.request('GET', `/api/submissions/${submission.id}`, { as: 'agency' })).body.appraisedFacts.has_lan).toBe(true);
    expect((await resolve(lan.id, { outcome: 'keep', reason: 'Lại' })).body.code).toBe('already-resolved');

    // Kept as written: the database refuses to change a reply.
    await expect(app.ctx.db.query(`UPDATE appraisal_replies SET text = 'khác' WHERE appraisal_id = $1`, [lan.id])).rejects.toThrow(
      /append-only/,
    );
    const audit = (
      await app.request('GET', `/api/audit?${filterQuery({ resource: 'submissions', resourceId: submission.id })}`, { as: 'auditor' })
    ).body;
    expect(audit.map((e: any) => e.action)).toEqual(expect.arrayContaining(['reply', 'resolve-reply']));

    expect((await transition(period.id, 'closed', { reason: 'Đã giải quyết xong phản hồi.' })).status).toBe(200);
    expect((await reply(revision.id, { response: 'accept' })).body.code).toBe('period-status');

    // The agency's report card prints each change, its reason, the reply and how it was resolved.
    const evaluated = await app.request('POST', `/api/submissions/${submission.id}/evaluate`, { as: 'evaluator', body: {} });
    expect(evaluated.status, evaluated.text).toBe(201);
    const pdf = await app.request('GET', `/api/evaluations/${evaluated.body.id}/report.pdf`, { as: 'agency' });
    expect(pdf.status).toBe(200);
    const text = (await new PDFParse({ data: new Uint8Array(pdf.bytes) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('KẾT QUẢ THẨM ĐỊNH VÀ PHẢN HỒI');
    expect(text).toContain('Biên bản kiểm tra: mạng LAN chưa kết nối phòng Hành chính.');
    expect(text).toContain('Cơ quan phản hồi: Phòng Hành chính đã được kết nối ngày 15/11');
    expect(text).toContain('Điều chỉnh: Biên bản nghiệm thu ngày 15/11 xác nhận.');
    expect(text).toContain('Cơ quan đồng ý');
  });
});
