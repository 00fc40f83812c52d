// The hand-off to the Department of Home Affairs (Sở Nội vụ), which weighs the published index in
// heads' accountability, the administrative-reform (CCHC) index and emulation and commendation: one
// row per agency and year of the published rankings in force, with its khối, points, xếp loại, rank
// in the khối and the decision approving the result. One model, two files: a workbook (a title, a
// header, numbers as numbers) and a CSV with its header first, for a program to read.
import ExcelJS from 'exceljs';
import { csvDocument, formatNumber, neutralizeText, viDay } from '../engine';
import { columnLetter } from './problem';
import { numFmt } from './resultTable';
import { setupPrint, THIN, workbookBuffer, writeHeaderRow } from './sheetStyle';

export interface HandOffRow {
  year: number;
  agencyId: string;
  agencyName: string;
  /** The khối's name, in Vietnamese. */
  cohort: string;
  total: number;
  max: number;
  percentage: number;
  /** The xếp loại's label ("Tốt"); empty when the result has none. */
  band: string;
  /** Null in a khối that is banded but not ranked. */
  rank: number | null;
  /** How many agencies the khối ranks. */
  cohortSize: number;
  /** Decimal places of points, from the year's version. */
  places: number;
  /** Null for rankings published before decisions were recorded. */
  decision: { number: string; date: string; issuer: string } | null;
}

export interface HandOffInput {
  ruleSet: string;
  ruleSetTitle: string;
  /** Sorted: by year, khối, rank. */
  rows: HandOffRow[];
}

const HAND_OFF_TITLE = 'Kết quả Chỉ số chuyển đổi số — bàn giao Sở Nội vụ';

const HEADERS = [
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

/** "3 / 20"; empty in a khối that is not ranked. */
const rankInCohort = (row: HandOffRow): string => (row.rank === null ? '' : `${row.rank} / ${row.cohortSize}`);

const years = (rows: HandOffRow[]) => {
  const first = rows[0]?.year;
  const last = rows[rows.length - 1]?.year;
  return first === last ? `năm ${first}` : `các năm ${first}–${last}`;
};

export async function exportHomeAffairsXlsx(input: HandOffInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chỉ Số';
  workbook.title = HAND_OFF_TITLE;
  const sheet = workbook.addWorksheet('Bàn giao Sở Nội vụ');
  const width = HEADERS.length;
  const titles = [HAND_OFF_TITLE, `${input.ruleSetTitle} (bộ chỉ số «${input.ruleSet}»), ${years(input.rows)}`];
  titles.forEach((text, i) => {
    sheet.mergeCells(i + 1, 1, i + 1, width);
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.font = { bold: i === 0, size: i === 0 ? 14 : 12 };
  });
  const headerRow = titles.length + 2;
  writeHeaderRow(sheet, headerRow, HEADERS, { wrap: true }).height = 32;
  input.rows.forEach((r, i) => {
    const row = sheet.getRow(headerRow + 1 + i);
    const values: (string | number | Date)[] = [
      r.year,
      r.agencyId,
      r.agencyName,
      r.cohort,
      r.total,
      r.max,
      r.percentage,
      r.band,
      rankInCohort(r),
      r.decision?.number ?? '',
      // A date a spreadsheet sorts and filters as one, shown as officials write it.
      r.decision ? new Date(`${r.decision.date}T00:00:00Z`) : '',
      r.decision?.issuer ?? '',
    ];
    values.forEach((value, j) => {
      const cell = row.getCell(j + 1);
      cell.value = value;
      cell.border = THIN;
      if (j >= 4 && j <= 6) cell.numFmt = numFmt(r.places);
      if (j === 10) cell.numFmt = 'dd/mm/yyyy';
      if (j === 0 || j === 8 || j === 10) cell.alignment = { horizontal: 'center' };
    });
  });
  [8, 16, 40, 28, 11, 11, 11, 12, 12, 18, 13, 34].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
  sheet.autoFilter = `A${headerRow}:${columnLetter(width)}${headerRow}`;
  setupPrint(sheet, { title: `${HAND_OFF_TITLE} — ${input.ruleSetTitle}`, repeatRows: [headerRow, headerRow] });
  return workbookBuffer(workbook);
}

/** ',' writes decimal points; ';' decimal commas, as Excel expects on Vietnamese Windows (as the ranking's CSV). */
export function exportHomeAffairsCsv(input: HandOffInput, options: { delimiter?: ',' | ';' } = {}): Buffer {
  const delimiter = options.delimiter ?? ',';
  const lang = delimiter === ';' ? 'vi' : 'en';
  const text = neutralizeText;
  const lines = [HEADERS];
  for (const r of input.rows) {
    lines.push([
      String(r.year),
      text(r.agencyId),
      text(r.agencyName),
      text(r.cohort),
      formatNumber(r.total, lang, r.places, false),
      formatNumber(r.max, lang, r.places, false),
      formatNumber(r.percentage, lang, r.places, false),
      text(r.band),
      rankInCohort(r),
      text(r.decision?.number ?? ''),
      r.decision ? viDay(r.decision.date) : '',
      text(r.decision?.issuer ?? ''),
    ]);
  }
  return Buffer.from(csvDocument(lines, delimiter), 'utf8');
}
