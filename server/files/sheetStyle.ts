// The look our workbooks share, so that the ranking export and the import template read as one
// family: header cells bold on light blue, thin borders around every filled cell.
import type ExcelJS from 'exceljs';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Writes `texts` as a header from column 1 of row `row`; `wrap` also centres them and wraps long ones. */
export function writeHeaderRow(sheet: ExcelJS.Worksheet, row: number, texts: string[], options: { wrap?: boolean } = {}): ExcelJS.Row {
  const header = sheet.getRow(row);
  texts.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    if (options.wrap) cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  return header;
}
