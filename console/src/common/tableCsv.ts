// A table shown in the console as a CSV file, for the screens computed in the browser (what-if, a
// version diff, a replay's findings) and the audit list: semicolons and decimal commas, as Excel on
// Vietnamese Windows reads them, written by the same csvDocument as the server's ranking CSV.
import { csvDocument, formatNumber, neutralizeText } from '../../../server/engine';
import { saveBlob } from './download';

/** A number is written with a decimal comma and no grouping; text is neutralized; empty stays empty. */
export type Cell = string | number | null | undefined;

export interface CsvTable {
  header: string[];
  rows: Cell[][];
}

const cell = (value: Cell): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'number'
      ? Number.isFinite(value)
        ? formatNumber(value, 'vi', undefined, false)
        : ''
      : neutralizeText(value);

/** The file's text: BOM, header row, one record per row. */
export const tableCsv = (table: CsvTable): string => csvDocument([table.header.map(cell), ...table.rows.map((row) => row.map(cell))], ';');

export function saveCsv(name: string, table: CsvTable): void {
  saveBlob(new Blob([tableCsv(table)], { type: 'text/csv;charset=utf-8' }), name);
}

/**
 * "01/12/2026 19:14" in the browser's time zone, as the screen shows it: the order Excel on
 * Vietnamese Windows reads as a date and time (the screen's vi-VN form puts the time first).
 */
export const csvDateTime = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** "Đánh giá năm 2021 — Sơn La" → "danh-gia-nam-2021-son-la": file names in ASCII, so every browser keeps them. */
export const fileSlug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'bang';
