// The results annex that goes with the decision publishing them, in the form Decree 30/2020/NĐ-CP
// gives an annex: the issuing body and national header, "Phụ lục", the title, the "Kèm theo Quyết
// định" line, one table per cohort sized to an A4 landscape page, and the signature block.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNumber, type Node, type RuleSetVersion } from '../engine';
import type { ExportInput } from './exportXlsx';
import { fitColumns, type Column } from './pdfColumns';
import { attachedTo, authorityOf, nationalHeader, signatureBlock } from './pdfOfficial';
import { afterId, bandStyle, GREY, MM, renderKeepingTails, splitTable, tailId, tailRow, th, withId, type PdfOptions } from './pdfParts';
import { buildResultTable, formatVi, mainIndices, type CohortTable, type ResultTable } from './resultTable';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
// Decree 30's margins (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm), on A4 landscape.
const MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const WIDTH = 841.89 - MARGINS[0] - MARGINS[2];

type Headings = 'full' | 'short';
/**
 * Full index titles while they fit beside names on one line, then the codes with a legend, then
 * names on two lines, in ever smaller type down to a size that still reads on paper.
 */
const LAYOUTS: { fontSize: number; headings: Headings; nameLines: 1 | 2 }[] = [
  ...[12, 11, 10].map((fontSize) => ({ fontSize, headings: 'full' as const, nameLines: 1 as const })),
  ...[12, 11, 10].map((fontSize) => ({ fontSize, headings: 'short' as const, nameLines: 1 as const })),
  ...[10, 9, 8, 7, 6].map((fontSize) => ({ fontSize, headings: 'short' as const, nameLines: 2 as const })),
];

interface AnnexColumn extends Column {
  alignment: 'left' | 'center' | 'right';
  /** One of the main indices, under the common heading "Điểm các chỉ số chính". */
  index?: boolean;
  band?: boolean;
}

/** Main indices with an item that is a sample, not read from the regulation: their points are provisional. */
function provisionalIndices(version: RuleSetVersion): Set<string> {
  const provisional = (node: Node): boolean => Boolean(node.provisional) || (node.children ?? []).some(provisional);
  return new Set(
    mainIndices(version)
      .filter(provisional)
      .map((node) => node.code),
  );
}

function annexColumns(table: ResultTable, cohort: CohortTable, headings: Headings, marked: Set<string>): AnnexColumn[] {
  const { rows } = cohort;
  const places = table.places;
  // The percentage says something the total does not only when the bands are set on it.
  const percentage = cohort.bands.basis === 'percentage' && cohort.max !== 100;
  return [
    {
      header: cohort.ranked ? 'Xếp hạng' : 'STT',
      cells: rows.map((r, i) => String(cohort.ranked ? (r.rank ?? '') : i + 1)),
      alignment: 'center',
    },
    { header: 'Cơ quan, đơn vị', cells: rows.map((r) => r.agencyName), alignment: 'left', flexible: true },
    ...cohort.indices.map((c, k): AnnexColumn => {
      const code = `${c.code}${marked.has(c.code) ? '*' : ''}`;
      const max = formatNumber(c.max, 'vi');
      return {
        header: headings === 'full' ? `${code}. ${c.title.vi} (${max})` : `${code}\n(${max})`,
        cells: rows.map((r) => (r.points[k] === null ? '—' : formatVi(r.points[k], places))),
        alignment: 'right',
        index: true,
      };
    }),
    {
      header: `Tổng điểm (${formatNumber(cohort.max, 'vi')})`,
      cells: rows.map((r) => formatVi(r.total, places)),
      bold: true,
      alignment: 'right',
    },
    ...(percentage ? [{ header: 'Tỷ lệ (%)', cells: rows.map((r) => formatVi(r.percentage, places)), alignment: 'right' as const }] : []),
    ...table.resultFields.map((f): AnnexColumn => ({
      header: f.label.vi,
      cells: rows.map((r) => (r.results[f.id] === undefined ? '—' : formatNumber(r.results[f.id], 'vi', f.places))),
      alignment: 'right',
    })),
    { header: 'Xếp loại', cells: rows.map((r) => r.band?.label.vi ?? ''), alignment: 'center', band: true },
  ];
}

interface Layout {
  fontSize: number;
  headings: Headings;
  /** Per cohort, its columns and their widths. */
  tables: { columns: AnnexColumn[]; widths: number[] }[];
}

/** The first layout in which every cohort's table fits the page; the smallest when none does. */
function chooseLayout(table: ResultTable, marked: Set<string>): Layout {
  let layout: Layout | undefined;
  for (const { fontSize, headings, nameLines } of LAYOUTS) {
    const fitted = table.cohorts.map((cohort) => {
      const columns = annexColumns(table, cohort, headings, marked);
      return { columns, ...fitColumns(columns, WIDTH, fontSize, nameLines) };
    });
    layout = { fontSize, headings, tables: fitted };
    if (fitted.every((t) => t.fits)) break;
  }
  return layout!;
}

/**
 * The cohort's table. Its heading is the first header row, so that it comes back on every page the
 * table runs onto and never stays at the foot of a page without a row under it.
 */
function cohortTable(table: ResultTable, i: number, layout: Layout, split: boolean): Content[] {
  const cohort = table.cohorts[i];
  const { columns, widths } = layout.tables[i];
  const n = cohort.indices.length;
  const first = columns.findIndex((c) => c.index);
  const none = { text: '', border: [false, false, false, false] as [boolean, boolean, boolean, boolean] };
  const heading = {
    ...none,
    text: `${ROMAN[i] ?? String(i + 1)}. ${cohort.name.vi.toLocaleUpperCase('vi')}`,
    colSpan: columns.length,
    bold: true,
    fontSize: 12,
    margin: [-4, i === 0 ? 4 : 12, 0, 2] as [number, number, number, number],
  };
  const header = (): TableCell[][] => [
    [{ ...heading }, ...columns.slice(1).map(() => ({ ...none }))],
    ...(n > 0
      ? [
          columns.map((c, k) =>
            c.index ? (k === first ? th('Điểm các chỉ số chính', { colSpan: n }) : {}) : th(c.header, { rowSpan: 2 }),
          ),
          columns.map((c) => (c.index ? th(c.header) : {})),
        ]
      : [columns.map((c) => th(c.header))]),
  ];
  const tail = tailRow(cohort.rows.length);
  const body = cohort.rows.map((row, r): TableCell[] =>
    columns.map((c, k) => ({
      text: c.cells[r],
      alignment: c.alignment,
      ...(c.bold ? { bold: true } : {}),
      ...(c.band ? bandStyle(row.band?.color) : {}),
      ...(k === 0 && r === tail ? { id: tailId(i) } : {}),
    })),
  );
  return splitTable(
    header,
    body,
    split,
    { keepWithHeaderRows: 1, dontBreakRows: true, widths: [...widths] },
    {
      fontSize: layout.fontSize,
      // pdfmake gives a spanned cell default borders whatever is set on it: the rule above the heading goes here.
      layout: { hLineWidth: (line: number) => (line === 0 ? 0 : 1) },
    },
  );
}

/** The notes under a cohort's table: the legend of short headings, provisional marks, the average. */
function cohortNotes(table: ResultTable, i: number, layout: Layout, marked: Set<string>): Content[] {
  const cohort = table.cohorts[i];
  return [
    layout.headings === 'short' && cohort.indices.length
      ? `Các chỉ số chính: ${cohort.indices.map((c) => `${c.code}. ${c.title.vi}`).join('; ')}.`
      : '',
    cohort.indices.some((c) => marked.has(c.code))
      ? '(*) Chỉ số có tiêu chí tạm tính (mẫu, chưa đối chiếu với văn bản quy định); điểm của chỉ số này là tạm tính.'
      : '',
    `Điểm trung bình của khối: ${formatVi(cohort.average, table.places)}.${cohort.ranked ? '' : ' Khối này được đánh giá, xếp loại nhưng không xếp hạng.'}`,
  ]
    .filter(Boolean)
    .map((text): Content => ({ text, italics: true, fontSize: Math.min(layout.fontSize, 11), margin: [0, 3, 0, 0] }));
}

/** The last table's notes, the overall average, the signature and, beside it, the verification hashes. */
function closing(input: ExportInput, table: ResultTable, notes: Content[]): Content[] {
  const verification = [
    `Mã kiểm tra (SHA-256) — bảng xếp hạng: ${table.rankingHash}; phiên bản bộ chỉ số: ${table.versionHash}.`,
    // Printed on paper, outside the database: a log cut or rewritten later no longer reaches this entry.
    ...(input.auditAnchor ? [`Nhật ký kiểm tra khi công bố: mục #${input.auditAnchor.id}, mã băm ${input.auditAnchor.hash}.`] : []),
  ];
  return [
    ...notes,
    // With one cohort its average, printed under its table, is the overall one.
    table.cohorts.length > 1
      ? { text: `Điểm trung bình chung: ${formatVi(table.average, table.places)}.`, italics: true, margin: [0, 8, 0, 0] }
      : '',
    {
      columns: [
        {
          width: '*',
          stack: verification.map((text): Content => ({ text, fontSize: 7.5, color: GREY, margin: [0, 0, 0, 2] })),
          margin: [0, 90, 12, 0],
        },
        { width: 300, ...signatureBlock(authorityOf(input.version, input.decision?.issuer), input.decision?.signer) },
      ],
      margin: [0, 10, 0, 0],
    },
  ];
}

export async function annexPdf(input: ExportInput, options: PdfOptions = {}): Promise<Buffer> {
  const table = buildResultTable(input.version, input.ranking, input.evaluations, input.periodTitle);
  const authority = authorityOf(input.version, input.decision?.issuer);
  const marked = provisionalIndices(input.version);
  const layout = chooseLayout(table, marked);
  const centred = (text: string, style: object): Content => ({ text, alignment: 'center', ...style });
  const build = (split: ReadonlySet<number>): TDocumentDefinitions => ({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    info: {
      title: `Kết quả đánh giá, xếp hạng — ${table.title.vi}`,
      author: 'Chỉ Số',
      subject: table.legalBasis.vi,
      ...(options.generatedAt ? { creationDate: options.generatedAt } : {}),
    },
    content: [
      nationalHeader(authority, WIDTH),
      centred('Phụ lục', { bold: true, fontSize: 14 }),
      centred('KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG', { bold: true, fontSize: 14 }),
      centred(table.title.vi, { bold: true, fontSize: 13 }),
      ...(table.periodTitle ? [centred(table.periodTitle, { bold: true, fontSize: 13 })] : []),
      centred(attachedTo(authority, input.decision), { italics: true, fontSize: 13, margin: [0, 2, 0, 0] }),
      { canvas: [{ type: 'line', x1: WIDTH / 2 - 40, y1: 0, x2: WIDTH / 2 + 40, y2: 0, lineWidth: 0.6 }], margin: [0, 5, 0, 8] },
      centred(`${table.legalBasis.vi}; bộ chỉ số «${table.ruleSet}», phiên bản ${table.version}.`, { italics: true, fontSize: 11 }),
      ...table.cohorts.flatMap((_, i) => {
        const notes = cohortNotes(table, i, layout, marked);
        const after = i < table.cohorts.length - 1 ? notes : closing(input, table, notes);
        return [...cohortTable(table, i, layout, split.has(i)), withId({ stack: after }, afterId(i))];
      }),
    ],
    // Decree 30 numbers pages from the second, centred at the top.
    header: (page) => (page > 1 ? { text: String(page), alignment: 'center', fontSize: 13, margin: [0, 10 * MM, 0, 0] } : null),
    footer: () => ({
      text: `Mã kiểm tra (SHA-256): ${table.rankingHash.slice(0, 16)}…`,
      fontSize: 7,
      color: GREY,
      margin: [MARGINS[0], 8 * MM, MARGINS[2], 0],
    }),
  });
  return renderKeepingTails(build);
}
