// The look our workbooks share, on screen and on paper, so that the ranking export and the import
// template read as one family: header cells bold on light blue, thin borders around every filled
// cell, every sheet printable on A4 at the page's width with its header row repeated, and no text
// cell that Excel could take for a formula.
import ExcelJS from 'exceljs';
import { neutralizeText } from '../engine';

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

/** Excel's paper size code for A4. */
const A4 = 9;

/**
 * How many characters of column width fit across an A4 portrait page inside PRINT_MARGINS (about
 * 7 pixels a character at 96 dpi on 7.27 inches). Wider sheets print landscape.
 */
const PORTRAIT_CHARACTERS = 100;

/** Excel's column width when none is set, in characters. */
const DEFAULT_COLUMN_WIDTH = 9;

/** Inches, as Excel's page setup takes them. */
const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** Excel's header and footer codes start with "&": a literal ampersand is written twice. */
const headerText = (text: string) => {
  const clipped = text.length <= 200 ? text : `${text.slice(0, 199)}…`;
  return clipped.replace(/&/g, '&&');
};

export interface PrintOptions {
  /** Printed at the top of every page. */
  title: string;
  /** Rows printed again at the top of every page, e.g. the header row: [first, last]. */
  repeatRows?: [number, number];
}

/**
 * Page setup for a sheet whose columns are written (the orientation follows their widths): A4,
 * fit to one page wide and as many pages tall as needed, the title in the page header, the sheet
 * name (&A) and "Trang n/N" in the footer.
 */
export function setupPrint(sheet: ExcelJS.Worksheet, { title, repeatRows }: PrintOptions): void {
  let width = 0;
  for (let c = 1; c <= Math.max(1, sheet.columnCount); c++) width += sheet.getColumn(c).width ?? DEFAULT_COLUMN_WIDTH;
  Object.assign(sheet.pageSetup, {
    paperSize: A4,
    orientation: width > PORTRAIT_CHARACTERS ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...PRINT_MARGINS },
    ...(repeatRows ? { printTitlesRow: `${repeatRows[0]}:${repeatRows[1]}` } : {}),
  } satisfies Partial<ExcelJS.PageSetup>);
  sheet.headerFooter = {
    oddHeader: `&C&B${headerText(title)}`,
    oddFooter: '&L&A&RTrang &P/&N',
  };
}

/**
 * The workbook's bytes, every text cell of its sheets neutralized against formula injection. The
 * very hidden sheet of machine-read values (the template's version stamp and option lists) is
 * written as is: nobody opens it and the importer reads it back verbatim.
 */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'veryHidden') continue;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // A merged cell's other cells show the first one's value: neutralize that once only.
        if (cell.type !== ExcelJS.ValueType.Merge && typeof cell.value === 'string') cell.value = neutralizeText(cell.value);
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
