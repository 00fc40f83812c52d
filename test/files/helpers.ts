// Shared by the spreadsheet and PDF tests: the rule sets they run on, and filling a generated
// template the way a person would in Excel (typing into cells, then saving).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { compileVersion, type CompiledVersion } from '../../server/engine/index';
import type { Agency, RuleSetVersion, SubmissionInput } from '../../server/engine/schemaTypes';

const ROOT = path.resolve(__dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

export interface RuleSetFixture {
  version: RuleSetVersion;
  hash: string;
  compiled: CompiledVersion;
  agencies: Agency[];
}

const withHash = (version: RuleSetVersion, agencies: Agency[]): RuleSetFixture => {
  const compiled = compileVersion(version);
  return { version, hash: compiled.hash, compiled, agencies };
};

/** A small version of our own: two cohorts, every fact type, a cohort-only fact, an evaluator fact. */
export const fixture = (): RuleSetFixture => withHash(json('test/fixtures/files/version.json'), json('test/fixtures/files/agencies.json'));

/** Son La 2021 as shipped, its 32 agencies and the demo submissions. */
export const sonLa = (): RuleSetFixture & { demo: SubmissionInput[] } => ({
  ...withHash(json('rules/son-la/2021.json'), json('rules/agencies/son-la.json').agencies),
  demo: json('rules/demo/son-la-2021.submissions.json'),
});

export async function loadXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

export const saveXlsx = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

/** Row number of an agency in a sheet whose column `column` (A by default) holds agency ids. */
export function rowOf(sheet: ExcelJS.Worksheet, agencyId: string, column = 1): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, column).value === agencyId) return r;
  throw new Error(`agency ${agencyId} not in sheet ${sheet.name}`);
}

/** Column number of a header text in row `headerRow`. */
export function columnOf(sheet: ExcelJS.Worksheet, header: string, headerRow = 1): number {
  const row = sheet.getRow(headerRow);
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return c;
  throw new Error(`no column "${header}" in ${sheet.name}`);
}

export async function pdfText(buffer: Buffer): Promise<{ text: string; pages: { width: number; height: number }[] }> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo({ parsePageInfo: true });
    const pages = (info.pages ?? []).map((p: { width: number; height: number }) => ({ width: p.width, height: p.height }));
    return { text: text.text, pages };
  } finally {
    await parser.destroy();
  }
}
