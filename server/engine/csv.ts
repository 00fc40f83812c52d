// CSV as spreadsheet programs open it, one writer for the server's ranking export and the tables
// the console exports from the browser. UTF-8 with a BOM, because without it Excel reads the bytes
// as Windows-1252 and "Sở" becomes "Sá»Ÿ"; RFC 4180 quoting; CRLF between records.
//
// Spreadsheet programs take text starting with = + - @ (or a tab or carriage return) for a formula:
// an agency named =HYPERLINK("http://x","y") would become a live link. Such text gets a leading
// apostrophe, which shows it as text. Text that already starts with apostrophes before one of
// those characters gets one more, so that restoreText is the exact inverse of neutralizeText.
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
const NEUTRALIZED = /^'+[=+\-@\t\r]/;

/** Text safe to put in a CSV or XLSX text cell (never a number: -2 stays a number). */
export const neutralizeText = (text: string): string => (FORMULA_LIKE.test(text) ? `'${text}` : text);

/** Text as it was before neutralizeText, for what the importer reads back from our own files. */
export const restoreText = (text: string): string => (NEUTRALIZED.test(text) ? text.slice(1) : text);

const BOM = '\uFEFF';

const quote = (value: string, delimiter: string): string =>
  /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * The file's text, BOM first. Cells are written as given: text cells must already be neutralized
 * and numbers formatted (formatNumber without grouping), so that a negative number stays a number.
 */
export function csvDocument(records: readonly (readonly string[])[], delimiter: ',' | ';'): string {
  return BOM + records.map((cells) => cells.map((c) => quote(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
