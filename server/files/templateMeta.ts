// The template's hidden sheet: which rule-set version (label and hash) the file was made for and
// which fact each column holds. The importer reads it to refuse a file made for another version.
import type ExcelJS from 'exceljs';

export const META_SHEET = '_chiso';
export const DATA_SHEET = 'Số liệu';
export const INSTRUCTIONS_SHEET = 'Hướng dẫn';
export const TEMPLATE_FORMAT = 'chiso-template/1';

export interface TemplateMeta {
  format: string;
  ruleSet: string;
  version: string;
  versionHash: string;
  periodId?: string;
  dataSheet: string;
  headerRow: number;
  /** Column letter → fact id, as generated. */
  columns: Record<string, string>;
}

/** Key/value pairs in columns A:B, the column map in D:E. */
export function writeMeta(sheet: ExcelJS.Worksheet, meta: TemplateMeta): void {
  sheet.getCell('A1').value = 'key';
  sheet.getCell('B1').value = 'value';
  const pairs: [string, string | number][] = [
    ['format', meta.format],
    ['ruleSet', meta.ruleSet],
    ['version', meta.version],
    ['versionHash', meta.versionHash],
    ['periodId', meta.periodId ?? ''],
    ['dataSheet', meta.dataSheet],
    ['headerRow', meta.headerRow],
  ];
  pairs.forEach(([key, value], i) => {
    sheet.getCell(i + 2, 1).value = key;
    sheet.getCell(i + 2, 2).value = value;
  });
  sheet.getCell('D1').value = 'column';
  sheet.getCell('E1').value = 'fact';
  Object.entries(meta.columns).forEach(([column, fact], i) => {
    sheet.getCell(i + 2, 4).value = column;
    sheet.getCell(i + 2, 5).value = fact;
  });
}

const text = (cell: ExcelJS.Cell): string => (cell.value === null || cell.value === undefined ? '' : String(cell.value));

/** The meta of a workbook made by buildTemplate, or null for any other workbook. */
export function readMeta(workbook: ExcelJS.Workbook): TemplateMeta | null {
  const sheet = workbook.getWorksheet(META_SHEET);
  if (!sheet) return null;
  const values: Record<string, string> = {};
  for (let r = 2; r <= Math.min(sheet.rowCount, 50); r++) {
    const key = text(sheet.getCell(r, 1));
    if (key) values[key] = text(sheet.getCell(r, 2));
  }
  if (values.format !== TEMPLATE_FORMAT) return null;
  const columns: Record<string, string> = {};
  for (let r = 2; r <= Math.min(sheet.rowCount, 5000); r++) {
    const column = text(sheet.getCell(r, 4));
    if (column) columns[column] = text(sheet.getCell(r, 5));
  }
  return {
    format: values.format,
    ruleSet: values.ruleSet ?? '',
    version: values.version ?? '',
    versionHash: values.versionHash ?? '',
    ...(values.periodId ? { periodId: values.periodId } : {}),
    dataSheet: values.dataSheet || DATA_SHEET,
    headerRow: Number(values.headerRow) || 1,
    columns,
  };
}
