// A problem found in an uploaded file, placed where a person can find it in Excel: the sheet, the
// row number and the column letter. File-level problems (not a spreadsheet, too large) have nulls.
import type { LocalizedText } from '../engine';

export interface FileProblem {
  sheet: string | null;
  row: number | null;
  /** Column letter as Excel shows it ("A", "AB"). */
  column: string | null;
  message: Required<LocalizedText>;
}

export const problem = (sheet: string | null, row: number | null, column: string | null, vi: string, en: string): FileProblem => ({
  sheet,
  row,
  column,
  message: { vi, en },
});

export const fileProblem = (vi: string, en: string): FileProblem => problem(null, null, null, vi, en);

/** Spreadsheet order: sheet as listed, then row, then column (A < B < … < Z < AA). */
export function sortProblems(problems: FileProblem[], sheetOrder: string[]): FileProblem[] {
  const sheetIndex = (s: string | null) => (s === null ? -1 : sheetOrder.indexOf(s));
  const columnIndex = (c: string | null) => (c === null ? 0 : columnNumber(c));
  return [...problems].sort(
    (a, b) => sheetIndex(a.sheet) - sheetIndex(b.sheet) || (a.row ?? 0) - (b.row ?? 0) || columnIndex(a.column) - columnIndex(b.column),
  );
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** "A" → 1, "AA" → 27. */
function columnNumber(letter: string): number {
  return [...letter.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** Human-readable location, for the CLI: "Số liệu!D5". */
export function where(p: FileProblem): string {
  if (p.sheet === null) return '';
  const cell = `${p.column ?? ''}${p.row ?? ''}`;
  return cell ? `${p.sheet}!${cell}` : p.sheet;
}
