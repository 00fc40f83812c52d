// Column widths of a printed table from what its cells say, measured in the font they print in, so
// that a table with any number of columns stays on the page: numbers, ranks and bands never wrap,
// headings wrap at spaces, and the agency name keeps to one line, or two when nothing else fits.
import { textWidth } from './pdfRender';

export interface Column {
  /** Header text, bold; wraps at spaces and at "\n". */
  header: string;
  /** Body texts, each on one line (unless `flexible`). */
  cells: string[];
  bold?: boolean;
  /** The agency name: takes whatever the other columns leave, on `nameLines` lines at most. */
  flexible?: boolean;
}

/** pdfmake's default table layout: 4 pt of padding either side of a cell and a 1 pt rule between cells. */
const CELL_OVERHEAD = 9;
/** A long heading may take this many lines before the column is too narrow for it. */
const HEADER_LINES = 3;

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const widest = (texts: string[], measure: (t: string) => number) => texts.reduce((w, t) => Math.max(w, measure(t)), 0);

/**
 * Content widths (without padding) of columns in `available` points at `fontSize`. When even the
 * narrowest widths do not fit, `fits` is false and they are scaled down to the page.
 */
export function fitColumns(columns: Column[], available: number, fontSize: number, nameLines: 1 | 2): { widths: number[]; fits: boolean } {
  const body = (bold: boolean) => (t: string) => textWidth(t, { fontSize, bold });
  const head = body(true);
  const lines = (c: Column) => c.header.split('\n');
  const headerMin = (c: Column) => Math.max(widest(words(c.header), head), (widest(lines(c), head) / HEADER_LINES) * 1.15);
  const natural = columns.map((c) => Math.max(widest(c.cells, body(c.bold ?? false)), c.flexible ? 0 : headerMin(c)));
  const min = columns.map((c, i) =>
    c.flexible
      ? Math.max(nameLines === 1 ? natural[i] : natural[i] / 2 + fontSize, widest(c.cells.flatMap(words), body(false)), headerMin(c))
      : natural[i],
  );
  // One spare point keeps pdfmake's own rounding from pushing the last rule past the margin.
  const room = available - 1 - CELL_OVERHEAD * columns.length;
  let spare = room - min.reduce((a, b) => a + b, 0);
  if (spare < 0) return { widths: min.map((w) => (w * room) / (room - spare)), fits: false };
  const widths = [...min];
  const flexible = columns.findIndex((c) => c.flexible);
  if (flexible >= 0) {
    const grow = Math.min(spare, natural[flexible] - min[flexible] + fontSize);
    widths[flexible] += grow;
    spare -= grow;
  }
  // Then the other columns, in equal shares up to their heading's width, so that headings wrap less.
  const cap = columns.map((c) => (c.flexible ? 0 : widest(lines(c), head)));
  for (let open = columns.filter((_, i) => cap[i] > widths[i]).length; open > 0 && spare > 0.5;) {
    const share = spare / open;
    open = 0;
    columns.forEach((_, i) => {
      const grow = Math.min(share, Math.max(0, cap[i] - widths[i]));
      widths[i] += grow;
      spare -= grow;
      if (cap[i] > widths[i]) open++;
    });
  }
  const used = widths.reduce((a, b) => a + b, 0) + CELL_OVERHEAD * columns.length + 1;
  if (flexible >= 0) widths[flexible] += available - used;
  return { widths, fits: true };
}
