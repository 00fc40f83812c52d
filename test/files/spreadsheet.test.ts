// The workbooks we write as Excel prints and validates them: every sheet on A4 at the page's width
// with its header row repeated, no cell under two data validations, and no text cell that Excel
// could take for a formula — while the importer still reads back what the template holds.
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileVersion, evaluateSubmissions, explainEvaluation, rankEvaluations } from '../../server/engine/index';
import type { Agency, SubmissionInput } from '../../server/engine/schemaTypes';
import { exportRankingXlsx, type ExportInput } from '../../server/files/exportXlsx';
import { buildTemplate } from '../../server/files/template';
import { parseImport } from '../../server/files/import';
import { fixture, loadXlsx, rowOf, saveXlsx, sonLa } from './helpers';

const INJECTION = '=HYPERLINK("http://x","y")';

/** A cell range as numbers, from "B3" or "B3:D9". */
interface Rect {
  ref: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function rect(ref: string): Rect {
  const [from, to = from] = ref.split(':');
  const [, l, t] = /^([A-Z]+)(\d+)$/.exec(from)!;
  const [, r, b] = /^([A-Z]+)(\d+)$/.exec(to)!;
  return { ref, left: columnNumber(l), top: Number(t), right: columnNumber(r), bottom: Number(b) };
}

const overlap = (a: Rect, b: Rect) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** Every data validation range of each sheet, as Excel reads them from xl/worksheets/sheetN.xml. */
async function validationRanges(buffer: Buffer): Promise<Map<string, Rect[]>> {
  const zip = await JSZip.loadAsync(buffer);
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, Rect[]>();
  for (const [, name, rid] of book.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = await zip.file(`xl/${target.get(rid)!.replace(/^\/?xl\//, '')}`)!.async('string');
    const refs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/));
    out.set(name, refs.map(rect));
  }
  return out;
}

function pairsOverlapping(rects: Rect[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) if (overlap(rects[i], rects[j])) found.push(`${rects[i].ref} ∩ ${rects[j].ref}`);
  return found;
}

const allCells = (sheet: ExcelJS.Worksheet): ExcelJS.Cell[] => {
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  return cells;
};

/** The fixture's ranking, with one agency renamed to a formula and one scoring below zero. */
function rankingInput(): ExportInput {
  const { version, agencies } = fixture();
  const compiled = compileVersion(version);
  const agency = (id: string): Agency => agencies.find((a) => a.id === id)!;
  const submissions: SubmissionInput[] = [
    {
      agency: { ...agency('so-tttt'), name: INJECTION },
      facts: { has_portal: true, online_rate: 82.5, plan_status: 'approved', staff_trained: 4, ext_connected: true, manual_quality: 7 },
    },
    {
      agency: agency('so-noi-vu'),
      facts: { has_portal: true, online_rate: 60, plan_status: 'approved', staff_trained: 5, ext_connected: true },
    },
    // 0 + 0 − 5 late reports: −5 points, a negative number in the export.
    {
      agency: agency('moc-chau'),
      facts: { has_portal: false, online_rate: 0, plan_status: 'none', staff_trained: 0, commune_rate: 0, late_reports: 5 },
    },
    {
      agency: agency('tp-son-la'),
      facts: { has_portal: true, online_rate: 60, plan_status: 'draft', staff_trained: 10, commune_rate: 95, late_reports: 2 },
    },
  ];
  const evaluations = evaluateSubmissions(compiled, submissions).map((e) => explainEvaluation(compiled, e));
  return { version, ranking: rankEvaluations(compiled, evaluations), evaluations, periodTitle: 'Kỳ đánh giá năm 2021' };
}

describe('print setup', () => {
  let ranking: ExcelJS.Workbook;
  let template: ExcelJS.Workbook;
  let sonLaRanking: ExcelJS.Workbook;
  beforeAll(async () => {
    const { compiled, agencies } = fixture();
    ranking = await loadXlsx(await exportRankingXlsx(rankingInput()));
    template = await loadXlsx(await buildTemplate(compiled, agencies, { id: 'p-2021', title: 'Năm 2021' }));
    const s = sonLa();
    const c = s.compiled;
    const evaluations = evaluateSubmissions(
      c,
      s.demo.map((d) => ({ agency: d.agency, facts: d.facts })),
    ).map((e) => explainEvaluation(c, e));
    sonLaRanking = await loadXlsx(await exportRankingXlsx({ version: s.version, ranking: rankEvaluations(c, evaluations), evaluations }));
  });

  it('prints every sheet of every workbook on A4, one page wide, with a title header and page numbers', () => {
    for (const wb of [ranking, template, sonLaRanking]) {
      for (const sheet of wb.worksheets) {
        const where = `${wb.title} / ${sheet.name}`;
        expect(sheet.pageSetup, where).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
        expect(sheet.pageSetup.margins, where).toMatchObject({ left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 });
        expect(sheet.headerFooter.oddFooter, where).toContain('Trang &P/&N');
        expect(sheet.headerFooter.oddHeader, where).toMatch(/^&C&B\S/);
      }
    }
    expect(ranking.getWorksheet('Khối cơ quan cấp tỉnh')!.headerFooter.oddHeader).toBe(
      '&C&BKết quả đánh giá, xếp hạng — Bộ chỉ số đánh giá Chính quyền số (bản thử) — Kỳ đánh giá năm 2021 — Khối cơ quan cấp tỉnh',
    );
    expect(template.getWorksheet('Số liệu')!.headerFooter.oddHeader).toBe(
      '&C&BSố liệu tự đánh giá: Bộ chỉ số đánh giá Chính quyền số (bản thử) — phiên bản 2021.1 — Năm 2021',
    );
  });

  it('repeats each table’s header row on every page', () => {
    const repeated = (wb: ExcelJS.Workbook) => Object.fromEntries(wb.worksheets.map((s) => [s.name, s.pageSetup.printTitlesRow]));
    expect(repeated(ranking)).toEqual({
      'Khối cơ quan cấp tỉnh': '6:6',
      'Khối UBND huyện, thành phố': '6:6',
      'Chi tiết theo tiêu chí': '1:1',
    });
    const help = template.getWorksheet('Hướng dẫn')!;
    const helpHeader = Number(repeated(template)['Hướng dẫn']!.split(':')[0]);
    expect(help.getCell(helpHeader, 1).value).toBe('Cột');
    expect(help.getCell(helpHeader, 3).value).toBe('Chỉ tiêu');
    expect(repeated(template)['Số liệu']).toBe('1:1');
    const detail = sonLaRanking.getWorksheet('Chi tiết theo tiêu chí')!;
    expect(detail.getCell(1, 1).value).toBe('Mã cơ quan');
    expect(detail.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('turns wide sheets landscape and leaves narrow ones portrait', () => {
    const orientation = (wb: ExcelJS.Workbook) => Object.fromEntries(wb.worksheets.map((s) => [s.name, s.pageSetup.orientation]));
    expect(orientation(sonLaRanking)).toEqual({
      'Các sở, ban, ngành tỉnh': 'landscape',
      'UBND các huyện, thành phố': 'landscape',
      'Chi tiết theo tiêu chí': 'landscape',
    });
    // The very hidden version stamp has a few default-width columns.
    expect(orientation(template)).toEqual({ 'Số liệu': 'landscape', 'Hướng dẫn': 'landscape', _chiso: 'portrait' });
  });
});

describe('template data validation', () => {
  for (const [name, load] of [
    ['the fixture', fixture],
    ['Son La 2021', sonLa],
  ] as const) {
    it(`puts every fact cell of ${name} under exactly one validation`, async () => {
      const { compiled, agencies } = load();
      const buffer = await buildTemplate(compiled, agencies);
      const ranges = await validationRanges(buffer);
      const data = ranges.get('Số liệu')!;
      expect(data.length).toBeGreaterThan(0);
      expect(pairsOverlapping(data)).toEqual([]);
      const facts = (await loadXlsx(buffer)).getWorksheet('Số liệu')!.getRow(1).cellCount - 3;
      const uncovered: string[] = [];
      for (let r = 2; r <= agencies.length + 1; r++)
        for (let c = 4; c < 4 + facts; c++)
          if (data.filter((d) => d.left <= c && c <= d.right && d.top <= r && r <= d.bottom).length !== 1) uncovered.push(`${c},${r}`);
      expect(uncovered).toEqual([]);
      // Nothing outside the fact cells: agency columns and the header row stay free.
      expect(data.every((d) => d.left >= 4 && d.top >= 2 && d.bottom <= agencies.length + 1 && d.right < 4 + facts)).toBe(true);
      for (const [sheet, rects] of ranges) if (sheet !== 'Số liệu') expect(rects, sheet).toEqual([]);
    });
  }

  it('keeps each cell’s own rule: the asked and the not-asked cells of one column differ', async () => {
    const { compiled, agencies } = sonLa();
    const data = (await loadXlsx(await buildTemplate(compiled, agencies))).getWorksheet('Số liệu')!;
    // Son La asks some facts of one cohort only: in such a column, both kinds appear, row by row.
    const types = new Set<string>();
    for (let c = 4; c <= data.getRow(1).cellCount; c++) {
      const kinds = new Set<string | undefined>(
        Array.from({ length: agencies.length }, (_, i) => data.getCell(i + 2, c).dataValidation?.type),
      );
      expect(kinds.has(undefined), `column ${c}`).toBe(false);
      if (kinds.size > 1) types.add([...kinds].sort().join('+'));
    }
    expect(types.size).toBeGreaterThan(0);
    for (const combo of types) expect(combo).toContain('textLength');
  });
});

describe('formula injection in XLSX', () => {
  it('writes a formula-like agency name as text with an apostrophe, and numbers below zero as numbers', async () => {
    const buffer = await exportRankingXlsx(rankingInput());
    const wb = await loadXlsx(buffer);
    const provincial = wb.getWorksheet('Khối cơ quan cấp tỉnh')!;
    expect(provincial.getCell(rowOf(provincial, 'so-tttt', 2), 3).value).toBe(`'${INJECTION}`);
    const detail = wb.getWorksheet('Chi tiết theo tiêu chí')!;
    const names = allCells(detail).filter((c) => c.fullAddress.col === 2 && String(c.value).includes('HYPERLINK'));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((c) => c.value === `'${INJECTION}`)).toBe(true);

    // No cell of any sheet is a formula or text that starts like one.
    for (const sheet of wb.worksheets)
      for (const cell of allCells(sheet)) {
        expect(typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value, cell.address).toBe(false);
        if (typeof cell.value === 'string') expect(cell.value, `${sheet.name}!${cell.address}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    const zip = await JSZip.loadAsync(buffer);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)))
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);

    // Mộc Châu's late reports: −5 points, a number Excel can add up.
    const late = allCells(detail).find(
      (c) => c.fullAddress.col === 4 && c.value === '2.6' && detail.getCell(c.row, 1).value === 'moc-chau',
    )!;
    expect(detail.getCell(late.row, 7).value).toBe(-5);
    expect(detail.getCell(late.row, 7).numFmt).toBe('0.00');
  });

  it('neutralizes the template’s agency names and fact headers, and the import reads them back as they were', async () => {
    const { version, agencies } = fixture();
    const renamed = agencies.map((a) =>
      a.id === 'so-noi-vu' ? { ...a, name: INJECTION } : a.id === 'moc-chau' ? { ...a, name: '-Mộc Châu' } : a,
    );
    // A fact label that starts with "+", as a bulleted label might.
    const doc = structuredClone(version);
    doc.facts.find((f) => f.id === 'staff_trained')!.label.vi = '+ Số cán bộ được đào tạo';
    const compiled = compileVersion(doc);
    const wb = await loadXlsx(await buildTemplate(compiled, renamed));
    const data = wb.getWorksheet('Số liệu')!;
    const noiVu = rowOf(data, 'so-noi-vu');
    const mocChau = rowOf(data, 'moc-chau');
    expect(data.getCell(noiVu, 2).value).toBe(`'${INJECTION}`);
    expect(data.getCell(mocChau, 2).value).toBe(`'-Mộc Châu`);
    expect(data.getCell(1, 7).value).toBe(`'+ Số cán bộ được đào tạo (người)`);

    // Filled in; the ids are removed so that the agencies are found by their (neutralized) names.
    data.getCell(noiVu, 1).value = null;
    data.getCell(mocChau, 1).value = null;
    ['Có', 50, 'Đã ban hành', 12].forEach((value, i) => (data.getCell(noiVu, 4 + i).value = value));
    data.getCell(noiVu, 9).value = 'Có';
    ['Không', 10, 'Chưa có', 3].forEach((value, i) => (data.getCell(mocChau, 4 + i).value = value));
    data.getCell(mocChau, 10).value = 40;
    const result = await parseImport(await saveXlsx(wb), 'mau.xlsx', compiled, renamed);
    if (!('submissions' in result)) throw new Error(JSON.stringify(result.problems));
    expect(result.submissions.map((s) => [s.agency.id, s.agency.name, s.facts.staff_trained])).toEqual([
      ['so-noi-vu', INJECTION, 12],
      ['moc-chau', '-Mộc Châu', 3],
    ]);
  });
});
