// The ranking as CSV: one row per agency, every cohort in one file. UTF-8 with a BOM, because
// without it Excel reads the bytes as Windows-1252 and "Sở" becomes "Sá»Ÿ".
import { Exact } from '../engine';
import type { ExportInput } from './exportXlsx';
import { buildResultTable, mainIndices } from './resultTable';

export interface CsvOptions {
  /** ',' (decimal point) by default; ';' writes decimal commas, as Excel expects on Vietnamese Windows. */
  delimiter?: ',' | ';';
}

const BOM = '\uFEFF';

const quote = (value: string, delimiter: string): string =>
  /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;

export function exportRankingCsv(input: ExportInput, options: CsvOptions = {}): Buffer {
  const delimiter = options.delimiter ?? ',';
  const table = buildResultTable(input.version, input.ranking, input.evaluations, input.periodTitle);
  const number = (value: number | null | undefined, places: number) => {
    if (value === null || value === undefined) return '';
    const text = Exact.of(value).toFixed(places);
    return delimiter === ';' ? text.replace('.', ',') : text;
  };
  // Cohorts may score different main indices; the file has one column per index of the version.
  const indices = mainIndices(input.version);
  const header = [
    'Nhóm',
    'Xếp hạng',
    'Mã cơ quan',
    'Cơ quan',
    ...indices.map((n) => `${n.code}. ${n.title.vi}`),
    'Tổng điểm',
    'Điểm tối đa',
    'Tỷ lệ (%)',
    'Xếp loại',
    ...table.resultFields.map((f) => f.label.vi),
  ];
  const lines = [header];
  for (const cohort of table.cohorts) {
    for (const row of cohort.rows) {
      lines.push([
        cohort.name.vi,
        row.rank === null ? '' : String(row.rank),
        row.agencyId,
        row.agencyName,
        ...indices.map((n) => {
          const i = cohort.indices.findIndex((c) => c.code === n.code);
          return i < 0 ? '' : number(row.points[i], table.places);
        }),
        number(row.total, table.places),
        number(row.max, table.places),
        number(row.percentage, table.places),
        row.band?.label.vi ?? '',
        ...table.resultFields.map((f) => number(row.results[f.id], f.places)),
      ]);
    }
  }
  const text = lines.map((cells) => cells.map((c) => quote(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
  return Buffer.from(BOM + text, 'utf8');
}
