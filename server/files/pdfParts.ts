// What both printed reports share: header cells, band colours, and a second layout that keeps the
// lines after a table (notes, signature, hashes) with its last rows rather than alone on a page.
import type { Content, ContentStack, Table, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from './pdfRender';
import { contrastText } from './resultTable';

export interface PdfOptions {
  /** Stamped as the PDF's creation date; fixed in tests so the bytes are reproducible. */
  generatedAt?: Date;
}

export const MM = 72 / 25.4;
export const GREY = '#555555';
const HEADER_FILL = '#DDEBF7';

export const th = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
  text,
  bold: true,
  fillColor: HEADER_FILL,
  alignment: 'center',
  ...extra,
});

/** pdfmake reads an id on any node; its types allow one only on some. */
export const withId = (node: ContentStack, id: string): ContentStack => Object.assign(node, { id });

export const bandStyle = (color: string | undefined) => (color ? { fillColor: color, color: contrastText(color) } : {});

/** Ids of a table's tail row and of the block after the table (its notes; the closing lines). */
export const tailId = (i: number) => `tail-${i}`;
export const afterId = (i: number) => `after-${i}`;
/** The last rows of a table go with the block after it: the first of them is its tail row. */
export const tailRow = (rows: number) => Math.max(0, rows - 3);

/**
 * A table, or, split, two: the second, from the tail row on, starting a new page (with the header
 * rows again) together with whatever follows it.
 */
export function splitTable(
  header: () => TableCell[][],
  body: TableCell[][],
  split: boolean,
  table: Omit<Table, 'body' | 'headerRows'>,
  style: object,
): Content[] {
  // pdfmake writes its measurements into the cells: each table gets header cells of its own.
  const part = (rows: TableCell[][], pageBreak: boolean): Content => ({
    table: { ...table, headerRows: header().length, body: [...header(), ...rows] },
    ...style,
    ...(pageBreak ? { pageBreak: 'before' as const } : {}),
  });
  if (!split) return [part(body, false)];
  const tail = tailRow(body.length);
  return [...(tail > 0 ? [part(body.slice(0, tail), false)] : []), part(body.slice(tail), true)];
}

/**
 * Renders `build`'s document; when the block after a table (its notes, or the averages, signature
 * and hashes at the end) starts on a page the table does not reach, renders it again with that
 * table split at its tail row, so that no page holds only those lines; one table at a time, since
 * moving rows shifts what follows. pdfmake cannot break the page before a row (a page break on a
 * cell moves that cell alone), hence two tables and a second layout.
 */
export async function renderKeepingTails(build: (split: ReadonlySet<number>) => TDocumentDefinitions): Promise<Buffer> {
  const split = new Set<number>();
  for (;;) {
    let alone: number | undefined;
    const doc = build(split);
    // pdfmake reports content it moved whole to the next page (a row under dontBreakRows) on the
    // page it tried first; the blocks after tables are breakable, so their pages are right.
    doc.pageBreakBefore = (node, queries) => {
      const tail = /^tail-(\d+)$/.exec(node.id ?? '');
      const i = Number(tail?.[1]);
      if (tail && alone === undefined && !split.has(i) && queries.getNodesOnNextPage()[0]?.id === afterId(i)) alone = i;
      return false;
    };
    const pdf = await renderPdf(doc);
    if (alone === undefined) return pdf;
    split.add(alone);
  }
}
