// The ranking as a workbook: one sheet per cohort (rank, agency, points per main index, total,
// percentage, band coloured as the version says) and a detail sheet with every criterion's points
// and explanation per agency, for whoever has to answer "why". Every sheet prints on A4 at the
// page's width with its header row on every page.
import ExcelJS from 'exceljs';
import { formatNumber, viDay, type EvaluationView, type NodeResult, type Ranking, type RuleSetVersion } from '../engine';
import { buildResultTable, contrastText, formatVi, indexHeader, numFmt, type CohortTable, type ResultTable } from './resultTable';
import { viNumber } from './factColumns';
import { columnLetter } from './problem';
import { setupPrint, THIN, workbookBuffer, writeHeaderRow } from './sheetStyle';

export interface ExportInput {
  version: RuleSetVersion;
  ranking: Ranking;
  evaluations: EvaluationView[];
  periodTitle?: string;
  /** The audit log's head when the ranking was published (absent before publication). */
  auditAnchor?: { id: number; hash: string } | null;
  /**
   * The decision that approved the published result (number, ISO day, signer), named by the PDF
   * annex and in the heading of the workbook and CSV. `issuer` and the signer's `title` as recorded
   * take the place of those read from the version's issuer.
   */
  decision?: { number: string; date: string; issuer?: string; signer?: { name: string; deputy?: boolean; title?: string } };
}

/** "Kết quả được phê duyệt tại Quyết định số 2923/QĐ-UBND ngày 31/12/2023 của Ủy ban nhân dân tỉnh Sơn La". */
export function approvedByLine(decision: NonNullable<ExportInput['decision']>): string {
  return `Kết quả được phê duyệt tại Quyết định số ${decision.number} ngày ${viDay(decision.date)}${decision.issuer ? ` của ${decision.issuer}` : ''}`;
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** Paints a cell in a band's colour, with black or white text, whichever reads. */
function paintBand(cell: ExcelJS.Cell, color: string | undefined, bold = false): void {
  if (!color) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } };
  cell.font = { ...cell.font, bold, color: { argb: argb(contrastText(color)) } };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique. */
function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

export const KIND_LABEL: Record<NodeResult['kind'], string> = {
  group: 'Nhóm chỉ số',
  index: 'Chỉ số chính',
  component: 'Chỉ số thành phần',
  criterion: 'Tiêu chí',
};

/** `criteria: false` leaves out the sheet of criteria (its explanations quote reported figures). */
export async function exportRankingXlsx(input: ExportInput, options: { criteria?: boolean } = {}): Promise<Buffer> {
  const table = buildResultTable(input.version, input.ranking, input.evaluations, input.periodTitle);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chỉ Số';
  workbook.title = `Kết quả ${table.title.vi}`;
  const used = new Set<string>();
  const printed = `Kết quả đánh giá, xếp hạng — ${table.periodTitle ? `${table.title.vi} — ${table.periodTitle}` : table.title.vi}`;
  for (const cohort of table.cohorts) {
    const sheet = workbook.addWorksheet(sheetName(cohort.name.vi, used));
    const headerRow = writeCohortSheet(sheet, table, cohort, input.decision);
    setupPrint(sheet, { title: `${printed} — ${cohort.name.vi}`, repeatRows: [headerRow, headerRow] });
  }
  if (options.criteria !== false) {
    const detail = workbook.addWorksheet(sheetName('Chi tiết theo tiêu chí', used));
    writeDetailSheet(detail, input, table);
    setupPrint(detail, { title: `${printed} — chi tiết theo tiêu chí`, repeatRows: [1, 1] });
  }
  return workbookBuffer(workbook);
}

/** Writes a cohort's sheet; returns its header row. */
function writeCohortSheet(sheet: ExcelJS.Worksheet, table: ResultTable, cohort: CohortTable, decision: ExportInput['decision']): number {
  const fields = table.resultFields;
  const headers = [
    'Xếp hạng',
    'Mã cơ quan',
    'Cơ quan',
    ...cohort.indices.map((c) => indexHeader(c)),
    `Tổng điểm (tối đa ${formatNumber(cohort.max, 'vi')})`,
    'Tỷ lệ (%)',
    'Xếp loại',
    ...fields.map((f) => f.label.vi),
  ];
  const width = headers.length;
  const titles = [
    'KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG',
    table.periodTitle ? `${table.title.vi} — ${table.periodTitle}` : table.title.vi,
    `${cohort.name.vi} (thang điểm ${formatNumber(cohort.max, 'vi')})`,
    `${table.legalBasis.vi}; bộ chỉ số «${table.ruleSet}», phiên bản ${table.version}`,
    ...(decision ? [approvedByLine(decision)] : []),
  ];
  titles.forEach((text, i) => {
    const row = i + 1;
    sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.font = { bold: i < 3, size: i === 0 ? 14 : 12, italic: i >= 3 };
  });
  const headerRow = titles.length + 2;
  writeHeaderRow(sheet, headerRow, headers, { wrap: true }).height = 48;

  const points = numFmt(table.places);
  const first = headerRow + 1;
  cohort.rows.forEach((r, i) => {
    const row = sheet.getRow(first + i);
    const values: (string | number | null)[] = [
      r.rank,
      r.agencyId,
      r.agencyName,
      ...r.points,
      r.total,
      r.percentage,
      r.band?.label.vi ?? '',
      ...fields.map((f) => r.results[f.id] ?? null),
    ];
    values.forEach((value, j) => {
      const cell = row.getCell(j + 1);
      cell.value = value === null ? (j === 0 ? '' : '—') : value;
      cell.border = THIN;
      if (j >= 3 && typeof value === 'number') cell.numFmt = points;
      if (j === 0) cell.alignment = { horizontal: 'center' };
    });
    fields.forEach((f, k) => (row.getCell(width - fields.length + k + 1).numFmt = numFmt(f.places)));
    const bandCell = row.getCell(width - fields.length);
    paintBand(bandCell, r.band?.color);
    bandCell.alignment = { horizontal: 'center' };
  });

  let r = first + cohort.rows.length + 1;
  const note = (text: string) => {
    sheet.mergeCells(r, 1, r, width);
    sheet.getCell(r, 1).value = text;
    sheet.getCell(r, 1).font = { italic: true };
    r++;
  };
  note(`Điểm trung bình của khối: ${formatVi(cohort.average, table.places)}`);
  if (!cohort.ranked) note('Khối này được đánh giá và xếp loại nhưng không xếp hạng.');
  note(
    'Xếp loại: ' +
      [...cohort.bands.levels]
        .sort((a, b) => b.min - a.min)
        .map((b, i, all) =>
          i === 0 ? `${b.label.vi} từ ${viNumber(b.min)}` : `${b.label.vi} từ ${viNumber(b.min)} đến dưới ${viNumber(all[i - 1].min)}`,
        )
        .join('; ') +
      (cohort.bands.basis === 'percentage' ? ' (% điểm tối đa).' : ' điểm.'),
  );
  note(`Mã kiểm tra kết quả (SHA-256): ${table.rankingHash}; phiên bản: ${table.versionHash}`);

  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 16;
  sheet.getColumn(3).width = 42;
  cohort.indices.forEach((_, i) => (sheet.getColumn(4 + i).width = 18));
  for (let c = 4 + cohort.indices.length; c <= width; c++) sheet.getColumn(c).width = 14;
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: headerRow }];
  sheet.autoFilter = `A${headerRow}:${columnLetter(width)}${headerRow}`;
  return headerRow;
}

function writeDetailSheet(sheet: ExcelJS.Worksheet, input: ExportInput, table: ResultTable): void {
  const headers = ['Mã cơ quan', 'Cơ quan', 'Khối', 'Mã', 'Nội dung', 'Cấp', 'Điểm', 'Tối đa', 'Giải thích'];
  writeHeaderRow(sheet, 1, headers);
  const cohortName = new Map(table.cohorts.map((c) => [c.id, c.name.vi]));
  const points = numFmt(table.places);
  let r = 2;
  const write = (e: EvaluationView, node: NodeResult, depth: number) => {
    const na = node.status === 'notApplicable';
    const values = [
      e.agencyId,
      e.agencyName,
      e.cohort ? (cohortName.get(e.cohort) ?? e.cohort) : '',
      node.code,
      node.title.vi,
      KIND_LABEL[node.kind],
      na ? 'Không áp dụng' : node.points,
      node.max,
      node.explanation?.vi ?? '',
    ];
    values.forEach((value, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = value;
      if (typeof value === 'number') cell.numFmt = points;
    });
    sheet.getCell(r, 5).alignment = { indent: depth, wrapText: true, vertical: 'top' };
    if (node.kind !== 'criterion') sheet.getRow(r).font = { bold: true };
    r++;
    for (const child of node.children ?? []) write(e, child, depth + 1);
  };
  for (const e of input.evaluations) {
    for (const node of e.nodes) write(e, node, 0);
    const total = [e.agencyId, e.agencyName, '', '', 'Tổng điểm', '', e.total, e.max, e.band ? `Xếp loại: ${e.band.label.vi}` : ''];
    total.forEach((value, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = value;
      cell.font = { bold: true };
      if (typeof value === 'number') cell.numFmt = points;
    });
    paintBand(sheet.getCell(r, 9), e.band?.color, true);
    r++;
  }
  [16, 36, 24, 8, 50, 18, 10, 10, 70].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(9).alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  sheet.autoFilter = 'A1:I1';
}
