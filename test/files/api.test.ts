// Files through the API: the period's template, the all-or-nothing import (a refused file changes
// no submission), the exports and the report card — with the roles that may use each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { backends } from '../support/db';
import { OTHER_AGENCY, OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { demoFacts, openPeriod, publishSonLa } from '../support/assessment';
import { sonLa2021 } from '../support/fixtures';
import type { Role } from '../../server/store/users';
import { factHeader } from '../../server/files/factColumns';
import type { Fact, FactValue } from '../../server/engine/schemaTypes';
import { columnOf, loadXlsx, pdfText, rowOf, saveXlsx } from './helpers';

const DISTRICT = 'moc-chau';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Download {
  status: number;
  type: string;
  disposition: string;
  bytes: Buffer;
  json: any;
}

describe.each(backends)('files API on $name', (backend) => {
  let app: TestApp;
  let version: { id: string; hash: string };
  let periodId: string;
  const facts = new Map(sonLa2021().facts.map((f) => [f.id, f]));

  beforeAll(async () => {
    app = await startTestApp(backend);
    // Evidence is not what these tests are about: none is required, so imported rows are submitted.
    version = await publishSonLa(app, 'files-2021', (doc) => doc.facts.forEach((f) => delete f.evidence));
    periodId = (await openPeriod(app, version.id)).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const download = async (path: string, as: Role): Promise<Download> => {
    const res = await app.request('GET', path, { as });
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      type,
      disposition: res.headers.get('content-disposition') ?? '',
      bytes: res.bytes,
      json: /json/.test(type) ? res.body : null,
    };
  };

  const upload = async (period: string, bytes: Buffer, name: string, as: Role = 'evaluator', lang: 'vi' | 'en' = 'vi') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await app.request('POST', `/api/periods/${period}/import`, { as, form, lang });
    return { status: res.status, body: res.text ? res.body : null };
  };

  const counts = async () => {
    const q = async (sql: string) => Number((await app.ctx.db.query<{ n: number }>(sql)).rows[0].n);
    return {
      submissions: await q('SELECT count(*)::int AS n FROM submissions'),
      revisions: await q('SELECT count(*)::int AS n FROM submission_revisions'),
      audit: await q('SELECT count(*)::int AS n FROM audit_log'),
    };
  };

  const typed = (fact: Fact, value: FactValue) =>
    typeof value === 'boolean'
      ? value
        ? 'Có'
        : 'Không'
      : fact.type === 'enum'
        ? fact.options!.find((o) => o.value === value)!.label.vi
        : value;

  /** The period's template with the demo figures of `agencyIds` typed in. */
  const filled = async (period: string, agencyIds: string[], edit?: (sheet: ExcelJS.Worksheet) => void) => {
    const template = await download(`/api/periods/${period}/template.xlsx`, 'evaluator');
    expect(template.status).toBe(200);
    const wb = await loadXlsx(template.bytes);
    const sheet = wb.getWorksheet('Số liệu')!;
    for (const id of agencyIds) {
      for (const [factId, value] of Object.entries(demoFacts(id).reported)) {
        if (value === null) continue;
        sheet.getCell(rowOf(sheet, id), columnOf(sheet, factHeader(facts.get(factId)!))).value = typed(facts.get(factId)!, value) as
          string | number;
      }
    }
    edit?.(sheet);
    return saveXlsx(wb);
  };

  it('hands out the template of the pinned version: every assessed agency, tied to the version hash', async () => {
    const res = await download(`/api/periods/${periodId}/template.xlsx`, 'evaluator');
    expect(res.status).toBe(200);
    expect(res.type).toBe(XLSX);
    expect(res.disposition).toMatch(/^attachment; filename="mau-nhap-son-la-\d{4}\.xlsx"$/);
    const wb = await loadXlsx(res.bytes);
    const sheet = wb.getWorksheet('Số liệu')!;
    expect([2, 3, 4].map((r) => sheet.getCell(r, 1).value).sort()).toEqual([DISTRICT, OTHER_AGENCY, OWN_AGENCY].sort());
    const meta = wb.getWorksheet('_chiso')!;
    expect(meta.state).toBe('veryHidden');
    expect(meta.getCell('B5').value).toBe(version.hash);

    const own = await loadXlsx((await download(`/api/periods/${periodId}/template.xlsx`, 'agency')).bytes);
    expect(own.getWorksheet('Số liệu')!.rowCount).toBe(2);
    expect(own.getWorksheet('Số liệu')!.getCell('A2').value).toBe(OWN_AGENCY);
  });

  it('lets only the evaluator and the administrator import', async () => {
    const bytes = await filled(periodId, [OWN_AGENCY]);
    const before = await counts();
    for (const as of ['agency', 'auditor'] as const) expect((await upload(periodId, bytes, 'mau.xlsx', as)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file with problems, listing each with sheet, row and column, and changes nothing', async () => {
    const bytes = await filled(periodId, [OWN_AGENCY, DISTRICT], (sheet) => {
      sheet.getCell(rowOf(sheet, OWN_AGENCY), columnOf(sheet, factHeader(facts.get('staff_total')!))).value = 'nhiều';
      sheet.getCell(rowOf(sheet, DISTRICT), columnOf(sheet, factHeader(facts.get('applications_total')!))).value = -5;
    });
    const before = await counts();
    const res = await upload(periodId, bytes, 'mau.xlsx');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'import-refused', status: 422 });
    expect(res.body.detail).toContain('Không có dữ liệu nào được ghi');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        sheet: 'Số liệu',
        row: rowOf((await loadXlsx(bytes)).getWorksheet('Số liệu')!, OWN_AGENCY),
        column: 'D',
        code: 'file',
      }),
      expect.objectContaining({ sheet: 'Số liệu', column: expect.any(String), message: expect.stringContaining('Tổng số hồ sơ TTHC') }),
    ]);
    expect(res.body.errors[0].path).toMatch(/^Số liệu!D\d$/);
    expect(res.body.errors[0].message).toContain('«nhiều» không hợp lệ');
    const english = await upload(periodId, bytes, 'mau.xlsx', 'evaluator', 'en');
    expect(english.body.errors[0].message).toContain('"nhiều" is not valid');
    expect(await counts()).toEqual(before);
  });

  it('refuses broken, oversized and wrong-version files, and changes nothing', async () => {
    const before = await counts();
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251));
    const broken = await upload(periodId, random, 'hong.xlsx');
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0]).toMatchObject({ sheet: null, row: null, column: null });
    expect(broken.body.errors[0].message).toContain('không phải là tệp XLSX hợp lệ');

    const full = await filled(periodId, [OWN_AGENCY]);
    const truncated = await upload(periodId, full.subarray(0, 3000), 'cat.xlsx');
    expect(truncated.status).toBe(422);
    expect(truncated.body.errors[0].message).toContain('bị hỏng hoặc không đầy đủ');

    const empty = await upload(periodId, Buffer.from('\uFEFF', 'utf8'), 'trong.csv');
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0].message).toContain('không có dữ liệu');

    const huge = await upload(periodId, Buffer.alloc(5 * 1024 * 1024 + 10, 0x41), 'lon.csv');
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0].message).toContain('Tệp quá lớn');

    const other = await publishSonLa(app, 'files-2022');
    const otherPeriod = (await openPeriod(app, other.id)).id;
    const wrong = await upload(periodId, await filled(otherPeriod, [OWN_AGENCY]), 'mau-2022.xlsx');
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toHaveLength(1);
    expect(wrong.body.errors[0].message).toContain('phiên bản files-2022');
    expect(wrong.body.errors[0].message).toContain('kỳ đánh giá dùng phiên bản files-2021');

    // The period on the other version still counts one more audit entry (it was created), nothing else.
    const after = await counts();
    expect({ submissions: after.submissions, revisions: after.revisions }).toEqual({
      submissions: before.submissions,
      revisions: before.revisions,
    });
  });

  let evaluationOfOwn: string;

  it('saves as drafts, and names, the rows of a file that lack the evidence the version requires', async () => {
    const strict = await publishSonLa(app, 'files-2021-evidence');
    const period = (await openPeriod(app, strict.id)).id;
    const res = await upload(period, await filled(period, [OWN_AGENCY, OTHER_AGENCY]), 'chua-co-tai-lieu.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ imported: 2, created: 2, updated: 0, submitted: 0 });
    expect(res.body.drafts.map((d: { agencyId: string }) => d.agencyId).sort()).toEqual([OWN_AGENCY, OTHER_AGENCY].sort());
    expect(res.body.drafts[0].missing).toContain('plan_issued');
    const list = await app.request('GET', `/api/submissions?filter=${encodeURIComponent(JSON.stringify({ periodId: period }))}`, {
      as: 'evaluator',
    });
    expect(list.body.map((s: { status: string }) => s.status)).toEqual(['draft', 'draft']);
  });

  it('imports a good file in one go: submitted submissions, revisions and one audit entry for the file', async () => {
    const before = await counts();
    const res = await upload(periodId, await filled(periodId, [OWN_AGENCY, OTHER_AGENCY, DISTRICT]), 'ca-tinh.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 3, created: 3, updated: 0, submitted: 3, drafts: [] });
    const list = await app.request('GET', `/api/submissions?filter=${encodeURIComponent(JSON.stringify({ periodId }))}`, {
      as: 'evaluator',
    });
    expect(list.body.map((s: { agencyId: string; status: string }) => [s.agencyId, s.status]).sort()).toEqual([
      [DISTRICT, 'submitted'],
      [OWN_AGENCY, 'submitted'],
      [OTHER_AGENCY, 'submitted'],
    ]);
    const own = list.body.find((s: { agencyId: string }) => s.agencyId === OWN_AGENCY);
    const reported = Object.fromEntries(Object.entries(demoFacts(OWN_AGENCY).reported).filter(([, v]) => v !== null));
    expect(own.facts).toEqual(reported);
    const after = await counts();
    expect(after.submissions - before.submissions).toBe(3);
    const audit = await app.ctx.db.query<{ action: string; after: { fileName: string; agencies: string[] } }>(
      `SELECT action, after FROM audit_log WHERE resource = 'periods' AND resource_id = $1 AND action = 'import'`,
      [periodId],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after.fileName).toBe('ca-tinh.xlsx');

    // Submitted data is not overwritten by a second file.
    const again = await upload(periodId, await filled(periodId, [OWN_AGENCY]), 'lai.xlsx');
    expect(again.status).toBe(422);
    expect(again.body.errors[0].message).toContain('đã nộp bản tự đánh giá');
    expect(await counts()).toEqual(after);

    const evaluated = await app.request('POST', `/api/periods/${periodId}/evaluate`, { as: 'evaluator', body: {} });
    expect(evaluated.status, evaluated.text).toBeLessThan(300);
    const evaluations = await app.request(
      'GET',
      `/api/evaluations?filter=${encodeURIComponent(JSON.stringify({ periodId, agencyId: OWN_AGENCY }))}`,
      { as: 'evaluator' },
    );
    evaluationOfOwn = evaluations.body[0].id;
  });

  it('writes nothing when the database refuses the last submission of a file', async () => {
    const period = (await openPeriod(app, version.id)).id;
    const bytes = await filled(period, [OWN_AGENCY, OTHER_AGENCY, DISTRICT]);
    // The district's row is written last (the template lists provincial agencies first).
    await app.ctx.db.exec(`
      CREATE FUNCTION refuse_district() RETURNS trigger AS $$
      BEGIN IF NEW.agency_id = '${DISTRICT}' THEN RAISE EXCEPTION 'test: refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_district BEFORE INSERT ON submissions FOR EACH ROW EXECUTE FUNCTION refuse_district();`);
    try {
      const before = await counts();
      const res = await upload(period, bytes, 'mau.xlsx');
      expect(res.status).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await app.ctx.db.exec('DROP TRIGGER refuse_district ON submissions; DROP FUNCTION refuse_district();');
    }
    const retried = await upload(period, bytes, 'mau.xlsx');
    expect(retried.body).toEqual({ imported: 3, created: 3, updated: 0, submitted: 3, drafts: [] });
  });

  it('completes a draft the agency started, in the same import', async () => {
    const period = (await openPeriod(app, version.id)).id;
    const partial = Object.fromEntries(Object.entries(demoFacts(OWN_AGENCY).reported).slice(0, 3));
    const draft = await app.request('POST', '/api/submissions', { as: 'agency', body: { periodId: period, facts: partial } });
    expect(draft.status, draft.text).toBe(201);
    const res = await upload(period, await filled(period, [OWN_AGENCY, DISTRICT]), 'mau.xlsx', 'admin');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 2, created: 1, updated: 1, submitted: 2, drafts: [] });
    const after = await app.request('GET', `/api/submissions/${draft.body.id}`, { as: 'agency' });
    expect(after.body).toMatchObject({ status: 'submitted', revision: 3 });
  });

  it('exports the ranking as XLSX, CSV and PDF with the evaluated totals', async () => {
    const ranking = await app.request('GET', `/api/periods/${periodId}/ranking`, { as: 'auditor' });
    expect(ranking.status).toBe(200);
    const provincial = ranking.body.cohorts.find((c: { cohort: string }) => c.cohort === 'so-nganh');

    const xlsx = await download(`/api/periods/${periodId}/export?format=xlsx`, 'auditor');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe(XLSX);
    const sheet = (await loadXlsx(xlsx.bytes)).getWorksheet('Các sở, ban, ngành tỉnh')!;
    const total = columnOf(sheet, 'Tổng điểm (tối đa 100)', 6);
    expect(provincial.entries.map((_: unknown, i: number) => [sheet.getCell(7 + i, 2).value, sheet.getCell(7 + i, total).value])).toEqual(
      provincial.entries.map((e: { agencyId: string; total: number }) => [e.agencyId, e.total]),
    );

    const csv = await download(`/api/periods/${periodId}/export?format=csv`, 'evaluator');
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const ownTotal = provincial.entries.find((e: { agencyId: string }) => e.agencyId === OWN_AGENCY).total as number;
    expect(csv.bytes.toString('utf8')).toContain(`,${OWN_AGENCY},Sở Thông tin và Truyền thông,`);
    expect(csv.bytes.toString('utf8')).toContain(`,${ownTotal.toFixed(2)},100.00,`);

    const pdf = await download(`/api/periods/${periodId}/export?format=pdf`, 'admin');
    expect(pdf.type).toBe('application/pdf');
    const { text } = await pdfText(pdf.bytes);
    expect(text).toContain('KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG');
    expect(text.replace(/\s+/g, ' ')).toContain(`Sở Thông tin và Truyền thông`);
    expect(text).toContain(ownTotal.toFixed(2).replace('.', ','));

    expect((await download(`/api/periods/${periodId}/export?format=pdf`, 'agency')).status).toBe(403);
    const bad = await download(`/api/periods/${periodId}/export?format=doc`, 'auditor');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('/query/format');
    // A separator it does not know is refused, never replaced by a comma unasked.
    const badDelimiter = await download(`/api/periods/${periodId}/export?format=csv&delimiter=tab`, 'auditor');
    expect(badDelimiter.status).toBe(400);
    expect(badDelimiter.json.errors[0].path).toBe('/query/delimiter');
  });

  it('prints an agency’s report card for the agency itself and for staff, not for another agency', async () => {
    const card = await download(`/api/evaluations/${evaluationOfOwn}/report.pdf`, 'agency');
    expect(card.status).toBe(200);
    expect(card.type).toBe('application/pdf');
    const flat = (await pdfText(card.bytes)).text.replace(/\s+/g, ' ');
    expect(flat).toContain('PHIẾU KẾT QUẢ ĐÁNH GIÁ Sở Thông tin và Truyền thông');
    expect(flat).toContain('Hạ tầng và nền tảng số');
    expect(flat).not.toContain('Xếp hạng'); // not published yet: no rank for the agency
    const staff = (await pdfText((await download(`/api/evaluations/${evaluationOfOwn}/report.pdf`, 'auditor')).bytes)).text;
    expect(staff.replace(/\s+/g, ' ')).toMatch(/Xếp hạng \d \/ 2 cơ quan trong khối/);

    const others = await app.request(
      'GET',
      `/api/evaluations?filter=${encodeURIComponent(JSON.stringify({ periodId, agencyId: OTHER_AGENCY }))}`,
      { as: 'evaluator' },
    );
    expect((await download(`/api/evaluations/${others.body[0].id}/report.pdf`, 'agency')).status).toBe(403);
  });
});
