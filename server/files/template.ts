// The import template for a period: one row per agency, one column per fact the agencies fill in,
// with Excel's own data validation so most mistakes are caught while typing, an instructions sheet
// in Vietnamese, and a very hidden sheet that ties the file to the version it was made for. Each
// cell is under at most one validation, and every sheet prints on A4 at the page's width.
import ExcelJS from 'exceljs';
import { type Agency, assignCohort, type CompiledVersion, type Fact, type RuleSetVersion } from '../engine';
import { AGENCY_ID, AGENCY_NAME, BOOLEAN_OPTIONS, COHORT, agencyFacts, allowedValues, factHeader } from './factColumns';
import { columnLetter } from './problem';
import { DATA_SHEET, INSTRUCTIONS_SHEET, META_SHEET, TEMPLATE_FORMAT, writeMeta } from './templateMeta';
import { legalBasisLine } from './resultTable';
import { setupPrint, THIN, workbookBuffer, writeHeaderRow } from './sheetStyle';

export interface TemplatePeriod {
  id?: string;
  title?: string;
}

const FIRST_FACT_COLUMN = 4;
const AGENCY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const NOT_ASKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } };

// Excel refuses titles over 32 characters and messages over 255.
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The template for a compiled version: its document, and the hash the filled file is checked against. */
export async function buildTemplate(compiled: CompiledVersion, agencies: Agency[], period?: TemplatePeriod): Promise<Buffer> {
  const { version, hash: versionHash } = compiled;
  const cohortOrder = version.cohorts.map((c) => c.id);
  const rows = agencies.map((agency, index) => ({ agency, index, cohort: assignCohort(compiled, agency).cohort }));
  const rank = (cohort: string | null) => (cohort === null ? cohortOrder.length : cohortOrder.indexOf(cohort));
  rows.sort((a, b) => rank(a.cohort) - rank(b.cohort) || a.index - b.index);

  const facts = agencyFacts(version);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chỉ Số';
  workbook.title = `${version.title.vi} — ${version.version}`;
  const data = workbook.addWorksheet(DATA_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, activeCell: `${columnLetter(FIRST_FACT_COLUMN)}2` }],
  });
  const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });

  // Header row.
  const headers = [AGENCY_ID.vi, AGENCY_NAME.vi, COHORT.vi, ...facts.map((f) => factHeader(f))];
  const header = writeHeaderRow(data, 1, headers, { wrap: true });
  header.height = 60;
  facts.forEach((fact, i) => {
    header.getCell(FIRST_FACT_COLUMN + i).note = headerNote(fact);
  });
  data.getColumn(1).width = 18;
  data.getColumn(2).width = 40;
  data.getColumn(3).width = 26;
  facts.forEach((fact, i) => {
    const column = data.getColumn(FIRST_FACT_COLUMN + i);
    column.width = Math.max(14, Math.min(36, Math.ceil(factHeader(fact).length * 0.6)));
    if (fact.type === 'date') column.numFmt = 'dd/mm/yyyy';
    if (fact.type === 'integer') column.numFmt = '0';
    if (fact.type === 'text') column.alignment = { wrapText: true, vertical: 'top' };
  });
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };

  // Lists for enumerations live on the hidden sheet, so labels may contain commas.
  const listRefs = new Map<string, string>();
  facts
    .filter((f) => f.type === 'enum')
    .forEach((fact, i) => {
      const col = 7 + i;
      meta.getCell(1, col).value = fact.id;
      fact.options!.forEach((option, j) => (meta.getCell(j + 2, col).value = option.label.vi));
      const letter = columnLetter(col);
      listRefs.set(fact.id, `'${META_SHEET}'!$${letter}$2:$${letter}$${fact.options!.length + 1}`);
    });

  // One row per agency.
  const cohortName = (id: string | null) =>
    id === null ? 'Không thuộc khối nào' : (version.cohorts.find((c) => c.id === id)?.name.vi ?? id);
  // validations[j][i]: the validation of fact j in agency row i, given to Excel by ranges below.
  const validations: ExcelJS.DataValidation[][] = facts.map(() => []);
  rows.forEach(({ agency, cohort }, i) => {
    const r = i + 2;
    const row = data.getRow(r);
    row.getCell(1).value = agency.id;
    row.getCell(2).value = agency.name;
    row.getCell(3).value = cohortName(cohort);
    for (let c = 1; c <= 3; c++) {
      row.getCell(c).fill = AGENCY_FILL;
      row.getCell(c).border = THIN;
    }
    facts.forEach((fact, j) => {
      const cell = row.getCell(FIRST_FACT_COLUMN + j);
      cell.border = THIN;
      const asked = !fact.cohorts || (cohort !== null && fact.cohorts.includes(cohort));
      if (asked) {
        validations[j][i] = validationFor(fact, listRefs.get(fact.id));
      } else {
        cell.fill = NOT_ASKED_FILL;
        validations[j][i] = {
          type: 'textLength',
          operator: 'equal',
          formulae: [0],
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: 'Không áp dụng',
          error: clip(`«${fact.label.vi}» không áp dụng cho khối «${cohortName(cohort)}»; để trống ô này.`, 255),
        };
      }
    });
  });
  addValidations(data, 2, FIRST_FACT_COLUMN, validations);

  const title = `${version.title.vi} — phiên bản ${version.version}${period?.title ? ` — ${period.title}` : ''}`;
  setupPrint(data, { title: `Số liệu tự đánh giá: ${title}`, repeatRows: [1, 1] });
  const instructionsHeader = writeInstructions(instructions, version, versionHash, facts, period);
  setupPrint(instructions, { title: `Hướng dẫn nhập số liệu: ${title}`, repeatRows: [instructionsHeader, instructionsHeader] });
  writeMeta(meta, {
    format: TEMPLATE_FORMAT,
    ruleSet: version.ruleSet,
    version: version.version,
    versionHash,
    ...(period?.id ? { periodId: period.id } : {}),
    dataSheet: DATA_SHEET,
    headerRow: 1,
    columns: Object.fromEntries(facts.map((f, i) => [columnLetter(FIRST_FACT_COLUMN + i), f.id])),
  });
  setupPrint(meta, { title });
  workbook.views = [{ activeTab: 0, x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' }];
  return workbookBuffer(workbook);
}

/** exceljs keeps a sheet's validations by address, and a range as one address. */
type WithValidations = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

/**
 * Gives Excel the validations of a block of cells (columns[j][i] for the cell in column
 * firstColumn + j, row firstRow + i) as ranges that never overlap: each run of equal validations
 * down a column, joined with the same rows of the next columns when those hold the same validation.
 * (exceljs, given validations cell by cell, merges them itself into ranges that overlap, AA2:AA21
 * and AA10:AA21, putting hundreds of cells under two rules. It writes a range key as given; a
 * single-cell key it would still try to merge with equal neighbours, and after the joining here a
 * single cell has none.)
 */
function addValidations(sheet: ExcelJS.Worksheet, firstRow: number, firstColumn: number, columns: ExcelJS.DataValidation[][]): void {
  type Block = { left: number; right: number; top: number; bottom: number; key: string; validation: ExcelJS.DataValidation };
  const open = new Map<string, Block>();
  const blocks: Block[] = [];
  columns.forEach((cells, j) => {
    const column = firstColumn + j;
    const runs: Block[] = [];
    cells.forEach((validation, i) => {
      const key = JSON.stringify(validation);
      const last = runs[runs.length - 1];
      if (last && last.key === key && last.bottom === firstRow + i - 1) last.bottom++;
      else runs.push({ left: column, right: column, top: firstRow + i, bottom: firstRow + i, key, validation });
    });
    for (const run of runs) {
      const id = `${run.top}:${run.bottom}:${run.key}`;
      const previous = open.get(id);
      if (previous && previous.right === column - 1) previous.right = column;
      else {
        open.set(id, run);
        blocks.push(run);
      }
    }
  });
  const model = (sheet as unknown as WithValidations).dataValidations;
  for (const b of blocks) {
    const from = `${columnLetter(b.left)}${b.top}`;
    const to = `${columnLetter(b.right)}${b.bottom}`;
    model.add(from === to ? from : `${from}:${to}`, b.validation);
  }
}

function validationFor(fact: Fact, listRef: string | undefined): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    showInputMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    error: clip(`${fact.label.vi}: ${allowedValues(fact).vi}.`, 255),
    promptTitle: clip(fact.label.vi, 32),
    prompt: clip(allowedValues(fact).vi, 255),
  };
  const bounded = (type: 'decimal' | 'whole'): ExcelJS.DataValidation => {
    const { minimum: lo, maximum: hi } = fact;
    if (lo !== undefined && hi !== undefined) return { ...common, type, operator: 'between', formulae: [lo, hi] };
    if (lo !== undefined) return { ...common, type, operator: 'greaterThanOrEqual', formulae: [lo] };
    if (hi !== undefined) return { ...common, type, operator: 'lessThanOrEqual', formulae: [hi] };
    return { ...common, type, operator: 'between', formulae: [-1e15, 1e15] };
  };
  switch (fact.type) {
    case 'number':
      return bounded('decimal');
    case 'integer':
      return bounded('whole');
    case 'boolean':
      return { ...common, type: 'list', formulae: [`"${BOOLEAN_OPTIONS.yes},${BOOLEAN_OPTIONS.no}"`] };
    case 'enum':
      return { ...common, type: 'list', formulae: [listRef!] };
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
      };
    case 'text':
      return { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [2000] };
  }
}

function headerNote(fact: Fact): string {
  const lines = [fact.label.vi, allowedValues(fact).vi];
  lines.push(fact.required === false ? 'Không bắt buộc.' : 'Bắt buộc.');
  if (fact.evidence === 'required') lines.push('Phải đính kèm tài liệu kiểm chứng.');
  if (fact.help) lines.push(fact.help.vi);
  if (fact.source) lines.push(`Nguồn số liệu: ${fact.source.vi}`);
  lines.push(`Mã chỉ tiêu: ${fact.id}`);
  return lines.join('\n');
}

const EVIDENCE = { required: 'Bắt buộc', optional: 'Không bắt buộc', none: 'Không cần' } as const;

function writeInstructions(
  sheet: ExcelJS.Worksheet,
  version: RuleSetVersion,
  versionHash: string,
  facts: Fact[],
  period: TemplatePeriod | undefined,
): number {
  const lines: string[] = [
    'HƯỚNG DẪN NHẬP SỐ LIỆU',
    `Bộ chỉ số: ${version.title.vi}`,
    `Phiên bản: ${version.version}. ${legalBasisLine(version).vi}`,
    ...(period?.title ? [`Kỳ đánh giá: ${period.title}`] : []),
    `Mã kiểm tra phiên bản (SHA-256): ${versionHash}`,
    '',
    `1. Mỗi dòng của trang «${DATA_SHEET}» là một cơ quan. Không sửa cột «${AGENCY_ID.vi}».`,
    '2. Nhập số liệu vào các ô trắng. Ô màu xám là chỉ tiêu không áp dụng cho khối của cơ quan: để trống.',
    '3. Số thập phân dùng dấu phẩy hoặc dấu chấm (82,5 hoặc 82.5); tỷ lệ phần trăm nhập 82,5 hoặc 82,5%.',
    '4. Ô Có/Không: chọn trong danh sách (cũng chấp nhận x, 1, 0). Ô có danh sách: chọn một giá trị.',
    '5. Không đổi tên, xóa hay thêm cột chỉ tiêu; có thể thêm cột «Ghi chú». Ô có công thức được lấy theo giá trị đã tính.',
    '6. Một tệp có thể chứa số liệu của một hay nhiều cơ quan; dòng chưa nhập số liệu được bỏ qua.',
    '7. Tệp chỉ dùng cho đúng phiên bản bộ chỉ số ghi ở trên; khi phiên bản thay đổi, hãy tải mẫu mới.',
    '8. Khi nhập, hệ thống kiểm tra toàn bộ tệp; nếu có lỗi thì không dữ liệu nào được ghi và danh sách lỗi chỉ rõ trang, dòng, cột.',
    '',
  ];
  lines.forEach((text, i) => (sheet.getCell(i + 1, 1).value = text));
  sheet.getCell(1, 1).font = { bold: true, size: 14 };

  const start = lines.length + 1;
  const head = [
    'Cột',
    'Mã chỉ tiêu',
    'Chỉ tiêu',
    'Đơn vị',
    'Giá trị hợp lệ',
    'Bắt buộc',
    'Tài liệu kiểm chứng',
    'Áp dụng cho',
    'Hướng dẫn',
  ];
  writeHeaderRow(sheet, start, head);
  const cohortNames = (ids: string[] | undefined) =>
    ids ? ids.map((id) => version.cohorts.find((c) => c.id === id)?.name.vi ?? id).join('; ') : 'Tất cả các khối';
  facts.forEach((fact, i) => {
    const values = [
      columnLetter(FIRST_FACT_COLUMN + i),
      fact.id,
      fact.label.vi,
      fact.unit?.vi ?? '',
      allowedValues(fact).vi,
      fact.required === false ? 'Không' : 'Có',
      EVIDENCE[fact.evidence ?? 'optional'],
      cohortNames(fact.cohorts),
      [fact.help?.vi, fact.source && `Nguồn số liệu: ${fact.source.vi}`].filter(Boolean).join('\n'),
    ];
    values.forEach((value, j) => {
      const cell = sheet.getCell(start + 1 + i, j + 1);
      cell.value = value;
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  [8, 18, 40, 10, 36, 10, 18, 24, 50].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return start;
}
