// Plain-text tables for the terminal. Widths count characters as a reader sees them, so
// Vietnamese letters with stacked diacritics (NFC or not) line up.

const width = (s: string): number => [...s.normalize('NFC')].length;

const pad = (s: string, w: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};

/** Columns listed in `numeric` are right-aligned. */
export function table(head: string[], rows: string[][], numeric: number[] = []): string {
  const right = new Set(numeric);
  const widths = head.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => pad(cell ?? '', widths[c], right.has(c)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
