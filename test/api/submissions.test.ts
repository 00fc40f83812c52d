// Submissions through the API: validated against the pinned version's facts, every save a revision
// under If-Match (stale → 412, nothing changed), submitting, agency scoping, and evidence (uploads
// limited by size and type — extension and content —, links, withdrawal, download).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { demoFacts, fileMissingEvidence, filterQuery, openPeriod, publishSonLa, submitDemo } from '../support/assessment';
import type { Role } from '../../server/store/users';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe.each(backends)('submissions API on $name', (backend) => {
  let app: TestApp;
  let periodId: string;

  beforeAll(async () => {
    app = await startTestApp(backend);
    const version = await publishSonLa(app, '2021');
    periodId = (await openPeriod(app, version.id)).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const upload = async (
    submissionId: string,
    file: { name: string; bytes: Uint8Array; type?: string },
    fields: Record<string, string>,
    as: Role = 'agency',
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const res = await app.request('POST', `/api/submissions/${submissionId}/evidence`, { as, form });
    return { status: res.status, body: res.text ? res.body : null, headers: res.headers };
  };

  const evidenceRows = async () => Number((await app.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence')).rows[0].n);

  let draft: any;

  it('lets the agency start its own draft with part of its facts; the ETag and revision 1 come back', async () => {
    const { reported } = demoFacts(OWN_AGENCY);
    const partial = Object.fromEntries(Object.entries(reported).slice(0, 5));
    const res = await app.request('POST', '/api/submissions', { as: 'agency', body: { periodId, facts: partial } });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ periodId, agencyId: OWN_AGENCY, status: 'draft', revision: 1, facts: partial, appraisedFacts: {} });
    expect(res.body.effectiveFacts).toEqual(partial);
    expect(res.headers.get('etag')).toBe(`"${res.body.etag}"`);
    draft = res.body;

    const twice = await app.request('POST', '/api/submissions', { as: 'agency', body: { periodId, facts: {} } });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('submission-exists');
  });

  it('refuses to create for another agency, and for roles that do not fill in submissions', async () => {
    const other = await app.request('POST', '/api/submissions', { as: 'agency', body: { periodId, agencyId: OTHER_AGENCY, facts: {} } });
    expect(other.status).toBe(403);
    for (const as of ['admin', 'auditor'] as const) {
      expect((await app.request('POST', '/api/submissions', { as, body: { periodId, agencyId: OTHER_AGENCY, facts: {} } })).status).toBe(
        403,
      );
    }
    expect((await app.request('GET', `/api/submissions?${filterQuery({ agencyId: OTHER_AGENCY })}`)).body).toEqual([]);
  });

  it('checks facts against the pinned version: per-field paths and the Vietnamese label; nothing stored', async () => {
    const res = await app.request('PUT', `/api/submissions/${draft.id}`, {
      as: 'agency',
      headers: { 'if-match': `"${draft.etag}"` },
      body: { facts: { staff_total: 'nhiều', made_up_fact: 1, leadership_score: 3 } },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid-submission');
    const byPath = Object.fromEntries(res.body.errors.map((e: { path: string; message: string; code: string }) => [e.path, e]));
    expect(byPath['/facts/staff_total'].message).toContain('Tổng số cán bộ, công chức, viên chức của cơ quan');
    expect(byPath['/facts/made_up_fact'].code).toBe('unknown-fact');
    expect(byPath['/facts/leadership_score'].code).toBe('evaluator-fact');

    const en = await app.request('PUT', `/api/submissions/${draft.id}`, {
      as: 'agency',
      lang: 'en',
      headers: { 'if-match': draft.etag },
      body: { facts: { staff_total: -3 } },
    });
    expect(en.status).toBe(422);
    expect(en.body.errors[0]).toMatchObject({ path: '/facts/staff_total' });
    expect(en.body.errors[0].message).toContain('Total staff of the agency');

    const now = await app.request('GET', `/api/submissions/${draft.id}`, { as: 'agency' });
    expect(now.body.revision).toBe(1);
    expect(now.body.etag).toBe(draft.etag);
  });

  it('saves each change as a new revision under If-Match; a stale ETag gets 412 and changes nothing', async () => {
    const { reported } = demoFacts(OWN_AGENCY);
    const first = await app.request('PUT', `/api/submissions/${draft.id}`, {
      as: 'agency',
      headers: { 'if-match': `"${draft.etag}"` },
      body: { facts: { ...draft.facts, staff_total: 50 } },
    });
    expect(first.status, first.text).toBe(200);
    expect(first.body.revision).toBe(2);
    expect(first.body.etag).not.toBe(draft.etag);

    // A second tab still holding the first ETag.
    const stale = await app.request('PUT', `/api/submissions/${draft.id}`, {
      as: 'agency',
      headers: { 'if-match': `"${draft.etag}"` },
      body: { facts: { staff_total: 1 } },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('stale-etag');
    const missing = await app.request('PUT', `/api/submissions/${draft.id}`, { as: 'agency', body: { facts: {} } });
    expect(missing.status).toBe(428);

    // react-admin sends the record back with its etag in the body.
    const full = await app.request('PUT', `/api/submissions/${draft.id}`, { as: 'agency', body: { ...first.body, facts: reported } });
    expect(full.status, full.text).toBe(200);
    expect(full.body.revision).toBe(3);
    expect(full.body.facts).toEqual(reported);
    draft = full.body;

    const revisions = await app.request('GET', `/api/submissions/${draft.id}/revisions?sort=${encodeURIComponent('["revision","ASC"]')}`, {
      as: 'agency',
    });
    expect(revisions.status).toBe(200);
    expect(revisions.headers.get('content-range')).toBe('revisions 0-2/3');
    expect(revisions.body.map((r: { revision: number; action: string }) => [r.revision, r.action])).toEqual([
      [1, 'create'],
      [2, 'update'],
      [3, 'update'],
    ]);
    expect(revisions.body[1].facts.staff_total).toBe(50);
    expect(revisions.body[0].facts.staff_total).toBe(reported.staff_total);
    expect(revisions.body.every((r: { author: string }) => r.author === OWN_AGENCY)).toBe(true);

    const audit = await app.request('GET', `/api/audit?${filterQuery({ resource: 'submissions', resourceId: draft.id })}`, {
      as: 'auditor',
    });
    expect(audit.body.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update', 'update']);
  });

  it('keeps revisions append-only in the database', async () => {
    await expect(
      app.ctx.db.query('UPDATE submission_revisions SET facts = $1::jsonb WHERE submission_id = $2', ['{}', draft.id]),
    ).rejects.toThrow(/append-only/);
    await expect(app.ctx.db.query('DELETE FROM submission_revisions WHERE submission_id = $1', [draft.id])).rejects.toThrow(/append-only/);
  });

  it('scopes agency users to their own agency; others read everything; anonymous gets 401', async () => {
    const other = await submitDemo(app, periodId, OTHER_AGENCY);
    const mine = await app.request('GET', `/api/submissions?${filterQuery({ periodId })}`, { as: 'agency' });
    expect(mine.body.map((s: { agencyId: string }) => s.agencyId)).toEqual([OWN_AGENCY]);
    expect((await app.request('GET', `/api/submissions?${filterQuery({ agencyId: OTHER_AGENCY })}`, { as: 'agency' })).status).toBe(403);
    expect((await app.request('GET', `/api/submissions/${other.id}`, { as: 'agency' })).status).toBe(403);
    expect((await app.request('GET', `/api/submissions/${other.id}/revisions`, { as: 'agency' })).status).toBe(403);
    expect(
      (await app.request('PUT', `/api/submissions/${other.id}`, { as: 'agency', headers: { 'if-match': other.etag }, body: { facts: {} } }))
        .status,
    ).toBe(403);
    for (const as of ['admin', 'evaluator', 'auditor'] as const) {
      const all = await app.request('GET', `/api/submissions?${filterQuery({ periodId })}`, { as });
      expect(all.status).toBe(200);
      expect(all.body).toHaveLength(2);
    }
    expect(
      (
        await app.request('PUT', `/api/submissions/${other.id}`, {
          as: 'auditor',
          headers: { 'if-match': other.etag },
          body: { facts: {} },
        })
      ).status,
    ).toBe(403);
    expect((await app.request('GET', `/api/submissions`, { as: null })).status).toBe(401);

    const schema = await app.request('GET', `/api/submissions/${draft.id}/schema`, { as: 'agency' });
    expect(schema.status).toBe(200);
    expect(schema.body.cohort).toBe('so-nganh');
    expect(schema.body.schema.properties.facts.properties.staff_total.title).toContain('Tổng số cán bộ');
  });

  it('stores an uploaded file with its SHA-256 as a new revision, and serves the same bytes back', async () => {
    const before = (await app.request('GET', `/api/submissions/${draft.id}`, { as: 'agency' })).body;
    const res = await upload(draft.id, { name: 'Kế hoạch CĐS 2021.pdf', bytes: PDF }, { key: 'plan_issued', note: 'Kế hoạch số 12/KH' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      key: 'plan_issued',
      kind: 'file',
      fileName: 'Kế hoạch CĐS 2021.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      note: 'Kế hoạch số 12/KH',
      revision: before.revision + 1,
    });
    const after = (await app.request('GET', `/api/submissions/${draft.id}`, { as: 'agency' })).body;
    expect(after.evidence.map((e: { id: string }) => e.id)).toEqual([res.body.id]);

    const download = await app.request('GET', `/api/evidence/${res.body.id}`, { as: 'agency' });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Kế hoạch CĐS 2021.pdf')}`);
    expect(download.bytes.equals(PDF)).toBe(true);

    const png = await upload(draft.id, { name: 'phong-may.PNG', bytes: PNG }, { key: 'server_room' });
    expect(png.status).toBe(201);
    expect(png.body.mimeType).toBe('image/png');
  });

  it('refuses files that are too large, of a type not allowed, or not what their name says — storing nothing', async () => {
    const before = (await app.request('GET', `/api/submissions/${draft.id}`, { as: 'agency' })).body;
    const rows = await evidenceRows();

    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const tooBig = await upload(draft.id, { name: 'scan.pdf', bytes: big }, { key: 'plan_issued' });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('file-too-large');
    expect(tooBig.body.detail).toContain('10 MB');

    const exe = await upload(draft.id, { name: 'setup.exe', bytes: Buffer.from('MZ\x90\x00') }, { key: 'plan_issued' });
    expect(exe.status).toBe(422);
    expect(exe.body.code).toBe('file-type-not-allowed');
    expect(exe.body.errors[0].path).toBe('/file');

    const disguised = await upload(
      draft.id,
      { name: 'bao-cao.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') },
      { key: 'plan_issued' },
    );
    expect(disguised.status).toBe(422);
    expect(disguised.body.code).toBe('file-content-mismatch');

    const zipAsDocx = await upload(
      draft.id,
      { name: 'quyet-dinh.docx', bytes: Buffer.from('PK\x03\x04not really a document') },
      { key: 'plan_issued' },
    );
    expect(zipAsDocx.status).toBe(422);

    const badKey = await upload(draft.id, { name: 'ok.pdf', bytes: PDF }, { key: 'khong_co_chi_tieu_nay' });
    expect(badKey.status).toBe(422);
    expect(badKey.body.code).toBe('unknown-evidence-key');
    const noKey = await upload(draft.id, { name: 'ok.pdf', bytes: PDF }, {});
    expect(noKey.status).toBe(422);
    expect(noKey.body.errors[0].path).toBe('/key');

    const otherAgency = (await app.request('GET', `/api/submissions?${filterQuery({ agencyId: OTHER_AGENCY })}`, { as: 'evaluator' }))
      .body[0];
    expect((await upload(otherAgency.id, { name: 'ok.pdf', bytes: PDF }, { key: 'plan_issued' })).status).toBe(403);
    expect((await upload(draft.id, { name: 'ok.pdf', bytes: PDF }, { key: 'plan_issued' }, 'auditor')).status).toBe(403);

    const after = (await app.request('GET', `/api/submissions/${draft.id}`, { as: 'agency' })).body;
    expect(after.revision).toBe(before.revision);
    expect(after.evidence).toEqual(before.evidence);
    expect(await evidenceRows()).toBe(rows);
  });

  it('adds links and explanations as JSON, withdraws an item (kept, but out of the list), and guards downloads', async () => {
    const link = await app.request('POST', `/api/submissions/${draft.id}/evidence`, {
      as: 'agency',
      body: { key: 'portal_qa', kind: 'link', url: 'https://sotttt.sonla.gov.vn/hoi-dap', note: 'Chuyên mục hỏi đáp' },
    });
    expect(link.status, link.text).toBe(201);
    expect(link.body).toMatchObject({ kind: 'link', url: 'https://sotttt.sonla.gov.vn/hoi-dap', fileName: null, sha256: null });
    const badUrl = await app.request('POST', `/api/submissions/${draft.id}/evidence`, {
      as: 'agency',
      body: { key: 'portal_qa', kind: 'link', url: 'javascript:alert(1)' },
    });
    expect(badUrl.status).toBe(400);
    const explanation = await app.request('POST', `/api/submissions/${draft.id}/evidence`, {
      as: 'agency',
      body: { key: 'has_lan', kind: 'explanation', note: 'Sơ đồ mạng lưu tại văn phòng' },
    });
    expect(explanation.status).toBe(201);

    const meta = await app.request('GET', `/api/evidence/${link.body.id}`, { as: 'auditor' });
    expect(meta.body).toMatchObject({ kind: 'link', url: 'https://sotttt.sonla.gov.vn/hoi-dap' });

    const withdrawn = await app.request('DELETE', `/api/evidence/${link.body.id}`, { as: 'agency' });
    expect(withdrawn.status).toBe(200);
    const now = (await app.request('GET', `/api/submissions/${draft.id}`, { as: 'agency' })).body;
    expect(now.evidence.map((e: { id: string }) => e.id)).not.toContain(link.body.id);
    expect(now.evidence.map((e: { id: string }) => e.id)).toContain(explanation.body.id);
    const again = await app.request('DELETE', `/api/evidence/${link.body.id}`, { as: 'agency' });
    expect(again.status).toBe(409);
    const revisions = (await app.request('GET', `/api/submissions/${draft.id}/revisions`, { as: 'agency' })).body;
    expect(revisions.some((r: { evidence: { id: string }[] }) => r.evidence.some((e) => e.id === link.body.id))).toBe(true);

    // The other agency cannot read this agency's files.
    const otherUser = await app.request('POST', '/api/users', {
      body: { username: 'so-y-te', role: 'agency', agencyId: OTHER_AGENCY, password: 'một mật khẩu dài' },
    });
    expect(otherUser.status).toBe(201);
    const login = await app.login('so-y-te', 'một mật khẩu dài');
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const file = now.evidence.find((e: { kind: string }) => e.kind === 'file');
    const denied = await fetch(`${app.url}/api/evidence/${file.id}`, { headers: { cookie } });
    expect(denied.status).toBe(403);
  });

  it('refuses to submit an incomplete draft (every missing fact, then every missing evidence named), then submits and freezes it', async () => {
    const period = await app.request('POST', '/api/periods', {
      as: 'evaluator',
      body: { year: 2050, versionId: (await app.request('GET', `/api/periods/${periodId}`)).body.versionId, title: 'Kỳ nộp' },
    });
    const created = await app.request('POST', '/api/submissions', {
      as: 'agency',
      body: { periodId: period.body.id, facts: { staff_total: 30 } },
    });
    const incomplete = await app.request('POST', `/api/submissions/${created.body.id}/submit`, { as: 'agency' });
    expect(incomplete.status).toBe(422);
    const missing = incomplete.body.errors.filter((e: { code: string }) => e.code === 'missing-fact');
    expect(missing.length).toBeGreaterThan(10);
    expect(missing.map((e: { path: string }) => e.path)).toContain('/facts/staff_with_computer');
    expect(missing[0].message).toMatch(/^Thiếu giá trị của chỉ tiêu "/);

    const full = await app.request('PUT', `/api/submissions/${created.body.id}`, {
      as: 'agency',
      headers: { 'if-match': created.body.etag },
      body: { facts: demoFacts(OWN_AGENCY).reported },
    });
    // The facts are complete; what the version requires to be shown is not.
    const noEvidence = await app.request('POST', `/api/submissions/${created.body.id}/submit`, {
      as: 'agency',
      headers: { 'if-match': full.body.etag },
    });
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.body.code).toBe('evidence-missing');
    expect(noEvidence.body.detail).toMatch(/còn thiếu tài liệu kiểm chứng cho \d+ nội dung/);
    const planIssued = noEvidence.body.errors.find((e: { path: string }) => e.path === '/evidence/plan_issued');
    expect(planIssued.message).toMatch(/^Thiếu tài liệu kiểm chứng cho "Đã ban hành kế hoạch/);
    expect((await app.request('GET', `/api/submissions/${created.body.id}`, { as: 'agency' })).body.status).toBe('draft');

    // A written explanation takes a document's place (the evaluator accepts or rejects it later).
    const explained = await app.request('POST', `/api/submissions/${created.body.id}/evidence`, {
      as: 'agency',
      body: { key: 'plan_issued', kind: 'explanation', note: 'Kế hoạch số 12/KH-STTTT lưu bản giấy tại văn thư.' },
    });
    expect(explained.status, explained.text).toBe(201);
    const fewer = await app.request('POST', `/api/submissions/${created.body.id}/submit`, { as: 'agency' });
    expect(fewer.status).toBe(422);
    expect(fewer.body.errors).toHaveLength(noEvidence.body.errors.length - 1);
    expect(fewer.body.errors.map((e: { path: string }) => e.path)).not.toContain('/evidence/plan_issued');
    await fileMissingEvidence(app, created.body.id, fewer, 'agency');
    const submitted = await app.request('POST', `/api/submissions/${created.body.id}/submit`, { as: 'agency' });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedBy: OWN_AGENCY });

    const edit = await app.request('PUT', `/api/submissions/${created.body.id}`, {
      as: 'agency',
      headers: { 'if-match': submitted.body.etag },
      body: { facts: {} },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('submission-status');
    const resubmit = await app.request('POST', `/api/submissions/${created.body.id}/submit`, { as: 'agency' });
    expect(resubmit.status).toBe(409);
    const file = await upload(created.body.id, { name: 'late.pdf', bytes: PDF }, { key: 'plan_issued' });
    expect(file.status).toBe(409);
  });
});
