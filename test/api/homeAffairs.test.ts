// The hand-off to the Department of Home Affairs (Sở Nội vụ): one row per agency and year of the
// published rankings in force (a correction in place of the ranking it superseded), with khối,
// points, xếp loại, rank in the khối and the approving decision; the same rows in the CSV and the
// workbook; bad parameters refused at their path; staff only; and nothing written to the audit log.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { STAFF, itEnforcesRoleMatrix } from '../support/roleMatrix';
import { approvingDecision, openPeriod, publishPeriod, publishSonLa, submitDemo } from '../support/assessment';
import { parseCsv } from '../support/csv';

const BOM = '\uFEFF';
const HEADER = [
  'Năm',
  'Mã cơ quan',
  'Cơ quan, đơn vị',
  'Khối',
  'Tổng điểm',
  'Điểm tối đa',
  'Tỷ lệ (%)',
  'Xếp loại',
  'Xếp hạng trong khối',
  'Số quyết định',
  'Ngày quyết định',
  'Cơ quan ban hành',
];

const viDate = (iso: string) => iso.split('-').reverse().join('/');

describe.each(backends)('the hand-off to the Department of Home Affairs on $name', (backend) => {
  let app: TestApp;
  let first: { period: { id: string; year: number }; ranking: any };
  let second: { period: { id: string; year: number }; ranking: any };
  let correction: any;

  const url = (query: Record<string, string>) => `/api/exports/home-affairs?${new URLSearchParams(query)}`;
  const get = (query: Record<string, string>, as: 'evaluator' | 'admin' | 'auditor' | 'agency' = 'evaluator') =>
    app.request('GET', url(query), { as });
  const csv = async (query: Record<string, string> = {}, delimiter = ',') => {
    const res = await get({ ruleSet: 'son-la', format: 'csv', ...query });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.text.startsWith(BOM)).toBe(true);
    return parseCsv(res.text.slice(1), delimiter);
  };

  const publishYear = async (versionId: string, agencies: string[], number: string) => {
    const period = await openPeriod(app, versionId);
    for (const agency of agencies) await submitDemo(app, period.id, agency);
    for (const to of ['appraisal', 'closed']) {
      const moved = await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'evaluator', body: { to } });
      expect(moved.status, moved.text).toBe(200);
    }
    const res = await publishPeriod(app, period, approvingDecision(period.year, number));
    expect(res.status, res.text).toBe(201);
    return { period, ranking: res.body };
  };

  /** The rows the hand-off must hold for a published ranking, read from the public results. */
  const expectedRows = async (rankingId: string, decision: { number: string; date: string; issuer: string }) => {
    const ranking = (await app.request('GET', `/api/public/rankings/${rankingId}`, { as: null })).body;
    return ranking.cohorts.flatMap((c: any) =>
      c.entries.map((e: any) => [
        String(ranking.year),
        e.agencyId,
        e.agencyName,
        c.name.vi,
        e.total,
        e.max,
        e.percentage,
        e.band?.label.vi ?? '',
        e.rank === null ? '' : `${e.rank} / ${c.entries.length}`,
        decision.number,
        viDate(decision.date),
        decision.issuer,
      ]),
    );
  };
  /** A CSV row with its numbers read as numbers. */
  const typed = (row: string[]) => row.map((cell, i) => (i >= 4 && i <= 6 ? Number(cell) : cell));

  beforeAll(async () => {
    app = await startTestApp(backend);
    const versionId = (await publishSonLa(app, '2021')).id;
    first = await publishYear(versionId, ['so-tttt', 'so-y-te', 'moc-chau'], '2923/QĐ-UBND');
    second = await publishYear(versionId, ['so-tttt', 'so-y-te'], '2950/QĐ-UBND');
    const decision = { ...approvingDecision(second.period.year, '3001/QĐ-UBND'), signerTitle: 'Chủ tịch' };
    const corrected = await app.request('POST', `/api/published-rankings/${second.ranking.id}/corrections`, {
      as: 'evaluator',
      body: { decision, reason: 'Đính chính chức danh người ký.' },
    });
    expect(corrected.status, corrected.text).toBe(201);
    correction = corrected.body;
  });
  afterAll(() => app?.close());

  it('hands off one row per agency and year, by year, khối and rank, with its points, xếp loại, rank and decision', async () => {
    const audited = (await app.request('GET', '/api/audit?range=[0,0]', { as: 'auditor' })).headers.get('content-range');
    const [header, ...rows] = await csv();
    expect(header).toEqual(HEADER);
    const expected = [
      ...(await expectedRows(first.ranking.id, first.ranking.decision)),
      ...(await expectedRows(correction.id, correction.decision)),
    ];
    expect(rows.map(typed)).toEqual(expected);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r[0])).toEqual([...Array(3).fill(String(first.period.year)), ...Array(2).fill(String(second.period.year))]);

    const soTttt = rows.find((r) => r[0] === String(first.period.year) && r[1] === 'so-tttt')!;
    expect(soTttt[2]).toBe('Sở Thông tin và Truyền thông');
    expect(soTttt[3]).not.toBe('');
    expect(soTttt[7]).toMatch(/^(Tốt|Khá|Trung bình|Yếu)$/);
    expect(soTttt[8]).toMatch(/^[12] \/ 2$/);
    expect(soTttt.slice(9)).toEqual(['2923/QĐ-UBND', `31/12/${first.period.year}`, 'Ủy ban nhân dân tỉnh Sơn La']);
    // Mộc Châu is alone in its khối (UBND huyện, thành phố).
    expect(rows.find((r) => r[1] === 'moc-chau')![8]).toBe('1 / 1');
    // The data file reads without grouping and with decimal points; semicolons give decimal commas.
    expect(soTttt[4]).toMatch(/^\d+(\.\d+)?$/);
    const [, ...semicolon] = await csv({ delimiter: 'semicolon' }, ';');
    expect(semicolon.map((r) => r[4])).toEqual(rows.map((r) => r[4].replace('.', ',')));
    // A read, as the other exports: nothing is written to the audit log.
    expect((await app.request('GET', '/api/audit?range=[0,0]', { as: 'auditor' })).headers.get('content-range')).toBe(audited);
  });

  it('hands off the correction in force, never the ranking it superseded', async () => {
    const [, ...rows] = await csv({ fromYear: String(second.period.year) });
    expect(rows.map((r) => [r[0], r[1], r[9]])).toEqual([
      [String(second.period.year), expect.any(String), '3001/QĐ-UBND'],
      [String(second.period.year), expect.any(String), '3001/QĐ-UBND'],
    ]);
    expect(rows.map((r) => r[1]).sort()).toEqual(['so-tttt', 'so-y-te']);
    const all = await csv();
    expect(all.flat()).not.toContain('2950/QĐ-UBND');
    const [, ...only] = await csv({ fromYear: String(first.period.year), toYear: String(first.period.year) });
    expect(only.map((r) => r[9])).toEqual(['2923/QĐ-UBND', '2923/QĐ-UBND', '2923/QĐ-UBND']);
  });

  it('writes the same rows in a workbook under its title and the rule set’s', async () => {
    const res = await get({ ruleSet: 'son-la' });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ban-giao-so-noi-vu-son-la-${first.period.year}-${second.period.year}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Bàn giao Sở Nội vụ');
    expect(sheet.getCell(1, 1).value).toBe('Kết quả Chỉ số chuyển đổi số — bàn giao Sở Nội vụ');
    expect(String(sheet.getCell(2, 1).value)).toContain('«son-la»');
    const values = (r: number) => Array.from({ length: HEADER.length }, (_, i) => sheet.getCell(r, i + 1).value);
    expect(values(4)).toEqual(HEADER);
    const [, ...rows] = await csv();
    const body = rows.map((_, i) => values(5 + i));
    // the decision's day is a date cell, shown dd/mm/yyyy
    const day = (text: string) => new Date(`${text.split('/').reverse().join('-')}T00:00:00Z`);
    expect(body).toEqual(rows.map((r) => typed(r).map((cell, i) => (i === 0 ? Number(cell) : i === 10 ? day(String(cell)) : cell))));
    expect(sheet.getCell(5, 11).numFmt).toBe('dd/mm/yyyy');
    expect(typeof sheet.getCell(5, 5).value).toBe('number');
    expect(sheet.getCell(5, 5).numFmt).toMatch(/^0(\.0+)?$/);
    expect(sheet.getCell(4 + rows.length, 1).value).toBe(second.period.year);
    expect(sheet.getCell(5 + rows.length, 1).value).toBeNull();
  });

  it('refuses bad parameters at their path, and answers 404 where nothing is published', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, '/query/ruleSet'],
      [{ ruleSet: 'khong-co' }, '/query/ruleSet'],
      [{ ruleSet: 'son-la', fromYear: '21' }, '/query/fromYear'],
      [{ ruleSet: 'son-la', toYear: 'năm' }, '/query/toYear'],
      [{ ruleSet: 'son-la', fromYear: '2022', toYear: '2021' }, '/query/toYear'],
      [{ ruleSet: 'son-la', format: 'pdf' }, '/query/format'],
      [{ ruleSet: 'son-la', format: 'csv', delimiter: 'tab' }, '/query/delimiter'],
    ];
    for (const [query, path] of cases) {
      const res = await get(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('invalid-query');
      expect(res.body.errors.map((e: any) => e.path)).toEqual([path]);
    }
    const english = await app.request('GET', url({ ruleSet: 'son-la', fromYear: 'x' }), { as: 'evaluator', lang: 'en' });
    expect(english.body.errors[0].message).toBe('"fromYear" must be a 4-digit year.');

    const none = await get({ ruleSet: 'son-la', fromYear: '2099' });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('not-found');
    expect(none.body.detail).toMatch(/^Chưa có kết quả công bố của bộ chỉ số «.+» từ năm 2099\.$/);
  });

  it('is for staff: an agency user gets 403', async () => {
    const res = await get({ ruleSet: 'son-la' }, 'agency');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  itEnforcesRoleMatrix(
    [
      {
        method: 'GET',
        route: '/exports/home-affairs',
        allowed: STAFF,
        prepare: async () => ({ path: url({ ruleSet: 'son-la', format: 'csv' }) }),
      },
    ],
    () => app,
  );
});
