// The ranking as CSV: one row per agency, every cohort in one file, written by the engine's
// csvDocument (UTF-8 with a BOM in both flavours). Text that Excel would take for a formula (an
// agency named =HYPERLINK(…)) is neutralized; numbers are not.
import { csvDocument, formatNumber, neutralizeText } from '../engine';
import { approvedByLine, type ExportInput } from './exportXlsx';
import { buildResultTable, mainIndices } from './resultTable';

export interface CsvOptions {
  /** ',' (decimal point) by default; ';' writes decimal commas, as Excel expects on Vietnamese Windows. */
  delimiter?: ',' | ';';
}

export function exportRankingCsv(input: ExportInput, options: CsvOptions = {}): Buffer {
  const delimiter = options.delimiter ?? ',';
  const table = buildResultTable(input.version, input.ranking, input.evaluations, input.periodTitle);
  const lang = delimiter === ';' ? 'vi' : 'en';
  const number = (value: number | null | undefined, places: number) => {
    if (value === null || value === undefined) return '';
    return formatNumber(value, lang, places, false);
  };
  // Text cells are neutralized; numbers are formatted and never are (a negative number stays one).
  const text = neutralizeText;
  // Cohorts may score different main indices; the file has one column per index of the version.
  const indices = mainIndices(input.version);
  const header = [
    'Khối',
    'Xếp hạng',
    'Mã cơ quan',
    'Cơ quan',
    ...indices.map((n) => text(`${n.code}. ${n.title.vi}`)),
    'Tổng điểm',
    'Điểm tối đa',
    'Tỷ lệ (%)',
    'Xếp loại',
    ...table.resultFields.map((f) => text(f.label.vi)),
  ];
  // A published ranking's file says which decision approved it, in one cell above the header, as
  // the workbook does under its title.
  const lines = input.decision ? [[text(approvedByLine(input.decision))], header] : [header];
  for (const cohort of table.cohorts) {
    for (const row of cohort.rows) {
      lines.push([
        text(cohort.name.vi),
        row.rank === null ? '' : formatNumber(row.rank, lang, 0, false),
        text(row.agencyId),
        text(row.agencyName),
        ...indices.map((n) => {
          const i = cohort.indices.findIndex((c) => c.code === n.code);
          return i < 0 ? '' : number(row.points[i], table.places);
        }),
        number(row.total, table.places),
        number(row.max, table.places),
        number(row.percentage, table.places),
        text(row.band?.label.vi ?? ''),
        ...table.resultFields.map((f) => number(row.results[f.id], f.places)),
      ]);
    }
  }
  return Buffer.from(csvDocument(lines, delimiter), 'utf8');
}
