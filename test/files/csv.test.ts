// The ranking CSV as Excel opens it: both flavours (semicolons and decimal commas for Vietnamese
// Excel, commas and decimal points otherwise) start with a UTF-8 BOM so that the diacritics
// survive, no text cell can run as a formula, and the console's export menu offers both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileVersion, evaluateSubmissions, explainEvaluation, rankEvaluations } from '../../server/engine/index';
import type { Agency, SubmissionInput } from '../../server/engine/schemaTypes';
import type { ExportInput } from '../../server/files/exportXlsx';
import { exportRankingCsv } from '../../server/files/exportCsv';
import { neutralizeText, restoreText } from '../../server/engine/index';
import { RANKING_EXPORTS } from '../../console/src/periods/exportFormats';
import { vi } from '../../console/src/i18n/vi';
import { en } from '../../console/src/i18n/en';
import { backends } from '../support/db';
import { OWN_AGENCY, startTestApp, type TestApp } from '../support/app';
import { openPeriod, publishSonLa, submitDemo } from '../support/assessment';
import { fixture } from './helpers';
import { parseCsv } from '../support/csv';

const INJECTION = '=HYPERLINK("http://x","y")';

/** Decodes as Excel does when it sees the BOM: UTF-8, BOM removed. */
function decode(bytes: Buffer): string {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
}

describe('neutralizeText', () => {
  it('puts an apostrophe before text that starts like a formula, and nothing before other text', () => {
    for (const text of [INJECTION, '+84 912', '-Sở', '@SUM(A1)', '\tx', '\rx', "'=x", "''-1"])
      expect(neutralizeText(text)).toBe(`'${text}`);
    for (const text of ['Sở Nội vụ', 'a=b', '—', '− 2', ' =x', "'", "'abc", '', '94,54']) expect(neutralizeText(text)).toBe(text);
  });

  it('is undone exactly by restoreText, whatever the text', () => {
    const pieces = ["'", '=', '+', '-', '@', '\t', '\r', 'a', ' ', 'Sở'];
    const texts = [''];
    for (let length = 1; length <= 4; length++)
      for (const prefix of texts.filter((t) => [...t].length === length - 1)) for (const p of pieces) texts.push(prefix + p);
    for (const text of texts) expect(restoreText(neutralizeText(text)), JSON.stringify(text)).toBe(text);
    // Text nobody neutralized is left alone, unless it looks exactly like what neutralizeText makes.
    expect(restoreText("'abc")).toBe("'abc");
    expect(restoreText('Sở')).toBe('Sở');
  });
});

describe('ranking CSV', () => {
  let input: ExportInput;
  beforeAll(() => {
    const { version, agencies } = fixture();
    const compiled = compileVersion(version);
    const agency = (id: string): Agency => agencies.find((a) => a.id === id)!;
    const submissions: SubmissionInput[] = [
      {
        agency: { ...agency('so-tttt'), name: INJECTION },
        facts: { has_portal: true, online_rate: 82.5, plan_status: 'approved', staff_trained: 4, ext_connected: true },
      },
      {
        agency: { ...agency('so-noi-vu'), name: '-Sở Nội vụ' },
        facts: { has_portal: true, online_rate: 60, plan_status: 'approved', staff_trained: 5, ext_connected: true },
      },
      {
        agency: agency('moc-chau'),
        facts: { has_portal: true, online_rate: 60, plan_status: 'draft', staff_trained: 2, commune_rate: 95, late_reports: 2 },
      },
    ];
    const evaluations = evaluateSubmissions(compiled, submissions).map((e) => explainEvaluation(compiled, e));
    // The engine keeps main indices at zero or more; a version that let one fall below zero would
    // export a negative number, which must stay a number. Mộc Châu's second index (32) is set to −5,5.
    const index = evaluations.find((e) => e.agencyId === 'moc-chau')!.nodes.find((n) => n.code === '2')!;
    index.points = -5.5;
    input = { version, ranking: rankEvaluations(compiled, evaluations), evaluations };
  });

  it('writes a formula-like agency name as text in both flavours', () => {
    for (const delimiter of [',', ';'] as const) {
      const rows = parseCsv(decode(exportRankingCsv(input, { delimiter })), delimiter);
      const names = rows.slice(1).map((r) => r[3]);
      expect(names).toEqual([`'${INJECTION}`, "'-Sở Nội vụ", 'Mộc Châu']);
      // Every cell that starts like a formula is a number: the negative index points.
      const risky = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
      expect(risky).toEqual([delimiter === ';' ? '-5,50' : '-5.50']);
    }
  });

  it('starts both flavours with a BOM: semicolons with decimal commas, or commas with decimal points', () => {
    const semicolon = parseCsv(decode(exportRankingCsv(input, { delimiter: ';' })), ';');
    const comma = parseCsv(decode(exportRankingCsv(input, { delimiter: ',' })), ',');
    for (const rows of [semicolon, comma]) {
      expect(rows[0].slice(0, 4)).toEqual(['Khối', 'Xếp hạng', 'Mã cơ quan', 'Cơ quan']);
      expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
    }
    expect(rows(semicolon, 'moc-chau').slice(4)).toEqual(['25,00', '-5,50', '57,00', '100,00', '57,00', 'Trung bình']);
    expect(rows(comma, 'moc-chau').slice(4)).toEqual(['25.00', '-5.50', '57.00', '100.00', '57.00', 'Trung bình']);
    expect(rows(semicolon, 'moc-chau')[0]).toBe('Khối UBND huyện, thành phố');
  });
});

const rows = (records: string[][], agencyId: string) => records.find((r) => r[2] === agencyId)!;

describe('the console’s export menu', () => {
  it('offers both CSV flavours with Vietnamese labels first and English ones', () => {
    const csv = RANKING_EXPORTS.filter((e) => e.extension === 'csv');
    expect(csv.map((e) => e.query)).toEqual(['format=csv&delimiter=semicolon', 'format=csv']);
    expect(new Set(RANKING_EXPORTS.map((e) => e.testId)).size).toBe(RANKING_EXPORTS.length);
    for (const e of RANKING_EXPORTS) {
      expect(vi.chiso.periodFiles[e.id], e.id).toBeTruthy();
      expect(en.chiso.periodFiles[e.id], e.id).toBeTruthy();
    }
    expect(vi.chiso.periodFiles.csvSemicolon).toBe('Bảng xếp hạng CSV (Excel tiếng Việt: dấu chấm phẩy, dấu phẩy thập phân)');
    expect(vi.chiso.periodFiles.csvComma).toBe('Bảng xếp hạng CSV (dấu phẩy, dấu chấm thập phân)');
    expect(en.chiso.periodFiles.csvSemicolon).toMatch(/semicolon/i);
    expect(en.chiso.periodFiles.csvComma).toMatch(/comma/i);
  });

  describe.each(backends)('through the export route on $name', (backend) => {
    let app: TestApp;
    let periodId: string;
    beforeAll(async () => {
      app = await startTestApp(backend);
      const version = await publishSonLa(app, 'csv-2021');
      periodId = (await openPeriod(app, version.id)).id;
      await submitDemo(app, periodId, OWN_AGENCY);
      const evaluated = await app.request('POST', `/api/periods/${periodId}/evaluate`, { as: 'evaluator', body: {} });
      expect(evaluated.status, evaluated.text).toBeLessThan(300);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('gives each menu entry its file: the semicolon CSV for Vietnamese Excel, the comma CSV otherwise', async () => {
      const got = new Map<string, { type: string; bytes: Buffer }>();
      for (const e of RANKING_EXPORTS) {
        const res = await fetch(`${app.url}/api/periods/${periodId}/export?${e.query}`, {
          headers: { cookie: app.users.evaluator.cookie, 'accept-language': 'vi' },
        });
        expect(res.status, e.id).toBe(200);
        got.set(e.id, { type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) });
      }
      const semicolon = got.get('csvSemicolon')!;
      const comma = got.get('csvComma')!;
      for (const file of [semicolon, comma]) expect(file.type).toBe('text/csv; charset=utf-8');
      const parsed = (file: { bytes: Buffer }, delimiter: string) => parseCsv(decode(file.bytes), delimiter);
      const [a, b] = [parsed(semicolon, ';'), parsed(comma, ',')];
      const column = a[0].indexOf('Tổng điểm');
      expect(b[0].indexOf('Tổng điểm')).toBe(column);
      const [ownA, ownB] = [rows(a, OWN_AGENCY), rows(b, OWN_AGENCY)];
      expect(ownA[3]).toBe('Sở Thông tin và Truyền thông');
      expect(ownB[3]).toBe('Sở Thông tin và Truyền thông');
      // The same total, written the Vietnamese way and the English way.
      expect(ownA[column]).toMatch(/^\d+,\d{2}$/);
      expect(ownB[column]).toBe(ownA[column].replace(',', '.'));
      expect(got.get('xlsx')!.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(got.get('pdf')!.type).toBe('application/pdf');
    });
  });
});
