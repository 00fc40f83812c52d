// Printable reports: the results annex that goes with the Chairman's decision (landscape, one table
// per cohort) and an agency's report card (every criterion's points and why).
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { EvaluationView, NodeResult, Ranking, RuleSetVersion } from '../engine';
import type { ExportInput } from './exportXlsx';
import { KIND_LABEL } from './exportXlsx';
import { buildResultTable, contrastText, formatVi, legalBasisLine, type CohortTable } from './resultTable';

const bandStyle = (color: string | undefined) => (color ? { fillColor: color, color: contrastText(color) } : {});
import { renderPdf } from './pdfRender';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const HEADER_FILL = '#DDEBF7';

export interface PdfOptions {
  /** Stamped as the PDF's creation date; fixed in tests so the bytes are reproducible. */
  generatedAt?: Date;
}

const th = (text: string): TableCell => ({ text, bold: true, fillColor: HEADER_FILL, alignment: 'center' });
const num = (value: number | null, places: number): { text: string; alignment: 'center' | 'right' } =>
  value === null ? { text: '—', alignment: 'center' } : { text: formatVi(value, places), alignment: 'right' };

const footer =
  (hash: string) =>
  (page: number, pages: number): Content => ({
    columns: [
      { text: `Mã kiểm tra (SHA-256): ${hash.slice(0, 16)}…`, fontSize: 7, color: '#666666' },
      { text: `Trang ${page}/${pages}`, alignment: 'right', fontSize: 8 },
    ],
    margin: [30, 10, 30, 0],
  });

export async function annexPdf(input: ExportInput, options: PdfOptions = {}): Promise<Buffer> {
  const table = buildResultTable(input.version, input.ranking, input.evaluations, input.periodTitle);
  const content: Content[] = [
    { text: 'PHỤ LỤC', style: 'title' },
    { text: 'KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG', style: 'title' },
    { text: table.title.vi, style: 'subtitle' },
    ...(table.periodTitle ? [{ text: table.periodTitle, style: 'subtitle' } as Content] : []),
    {
      text: `(${table.legalBasis.vi}; bộ chỉ số «${table.ruleSet}», phiên bản ${table.version})`,
      italics: true,
      alignment: 'center',
      margin: [0, 2, 0, 10],
    },
  ];
  table.cohorts.forEach((cohort, i) => content.push(...cohortSection(cohort, ROMAN[i] ?? String(i + 1), table.places, i > 0)));
  content.push({
    text: `Điểm trung bình chung: ${formatVi(table.average, table.places)}`,
    margin: [0, 8, 0, 0],
    italics: true,
  });
  if (input.auditAnchor) {
    // Printed on paper, outside the database: a log cut or rewritten later no longer reaches this entry.
    content.push({
      text: `Nhật ký kiểm tra khi công bố: mục #${input.auditAnchor.id}, mã băm ${input.auditAnchor.hash}.`,
      fontSize: 7,
      color: '#666666',
      margin: [0, 6, 0, 0],
    });
  }
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 30, 30, 40],
    info: {
      title: `Kết quả đánh giá, xếp hạng — ${table.title.vi}`,
      author: 'Chỉ Số',
      subject: table.legalBasis.vi,
      ...(options.generatedAt ? { creationDate: options.generatedAt } : {}),
    },
    content,
    footer: footer(table.rankingHash),
    styles: {
      title: { fontSize: 14, bold: true, alignment: 'center' },
      subtitle: { fontSize: 12, bold: true, alignment: 'center' },
      cohort: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
  };
  return renderPdf(doc);
}

function cohortSection(cohort: CohortTable, numeral: string, places: number, pageBreak: boolean): Content[] {
  const header: TableCell[] = [
    th(cohort.ranked ? 'Xếp hạng' : 'STT'),
    th('Cơ quan'),
    ...cohort.indices.map((c) => th(`${c.code}. ${c.title.vi} (${String(c.max).replace('.', ',')})`)),
    th(`Tổng điểm (${String(cohort.max).replace('.', ',')})`),
    th('Xếp loại'),
  ];
  const body: TableCell[][] = [
    header,
    ...cohort.rows.map((r, i): TableCell[] => [
      { text: String(cohort.ranked ? (r.rank ?? '') : i + 1), alignment: 'center' },
      { text: r.agencyName },
      ...r.points.map((p) => num(p, places)),
      { ...num(r.total, places), bold: true },
      { text: r.band?.label.vi ?? '', alignment: 'center', ...bandStyle(r.band?.color) },
    ]),
  ];
  return [
    {
      text: `${numeral}. ${cohort.name.vi.toUpperCase()}`,
      style: 'cohort',
      ...(pageBreak ? { pageBreak: 'before' as const } : {}),
    },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [42, '*', ...cohort.indices.map(() => 62), 55, 60],
        body,
      },
      fontSize: 9,
    },
    {
      text: [
        `Điểm trung bình của nhóm: ${formatVi(cohort.average, places)}.`,
        cohort.ranked ? '' : ' Nhóm này được đánh giá, xếp loại nhưng không xếp hạng.',
      ].join(''),
      italics: true,
      fontSize: 9,
      margin: [0, 4, 0, 0],
    },
  ];
}

export interface ReportCardInput {
  version: RuleSetVersion;
  evaluation: EvaluationView;
  /** When given, the agency's rank in its cohort is printed. */
  ranking?: Ranking;
  periodTitle?: string;
}

export async function reportCardPdf(input: ReportCardInput, options: PdfOptions = {}): Promise<Buffer> {
  const { version, evaluation: e } = input;
  const places = version.numeric.places;
  const cohort = version.cohorts.find((c) => c.id === e.cohort);
  const cohortRanking = input.ranking?.cohorts.find((c) => c.cohort === e.cohort);
  const entry = cohortRanking?.entries.find((x) => x.agencyId === e.agencyId);

  const summary: TableCell[][] = [
    [{ text: 'Nhóm đánh giá', bold: true }, cohort?.name.vi ?? 'Không thuộc nhóm nào'],
    [{ text: 'Tổng điểm', bold: true }, `${formatVi(e.total, places)} / ${formatVi(e.max, places)} điểm`],
    [{ text: 'Tỷ lệ', bold: true }, `${formatVi(e.percentage, places)}%`],
    [
      { text: 'Xếp loại', bold: true },
      { text: e.band?.label.vi ?? 'Chưa xếp loại', bold: true, ...bandStyle(e.band?.color) },
    ],
  ];
  if (entry && cohortRanking?.ranked && entry.rank !== null)
    summary.push([{ text: 'Xếp hạng', bold: true }, `${entry.rank} / ${cohortRanking.entries.length} cơ quan trong nhóm`]);

  const rows: TableCell[][] = [[th('Mã'), th('Nội dung'), th('Điểm'), th('Tối đa'), th('Giải thích')]];
  const visit = (node: NodeResult, depth: number) => {
    const parent = node.kind !== 'criterion';
    const fill = parent ? { fillColor: depth === 0 ? '#F2F2F2' : '#FAFAFA' } : {};
    const na = node.status === 'notApplicable';
    rows.push([
      { text: node.code, bold: parent, ...fill },
      { text: node.title.vi, bold: parent, margin: [depth * 8, 0, 0, 0], ...fill },
      na ? { text: 'Không áp dụng', alignment: 'center', fontSize: 8, ...fill } : { ...num(node.points, places), bold: parent, ...fill },
      { ...num(node.max, places), ...fill },
      {
        text: node.explanation?.vi ?? (parent ? KIND_LABEL[node.kind] : ''),
        fontSize: 8,
        italics: parent,
        ...fill,
      },
    ]);
    for (const child of node.children ?? []) visit(child, depth + 1);
  };
  e.nodes.forEach((n) => visit(n, 0));
  rows.push([
    { text: '', bold: true },
    { text: 'TỔNG ĐIỂM', bold: true },
    { ...num(e.total, places), bold: true },
    num(e.max, places),
    { text: e.band ? `Xếp loại: ${e.band.label.vi}` : '', bold: true, ...bandStyle(e.band?.color) },
  ]);

  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [30, 30, 30, 40],
    info: {
      title: `Phiếu kết quả — ${e.agencyName}`,
      author: 'Chỉ Số',
      subject: version.title.vi,
      ...(options.generatedAt ? { creationDate: options.generatedAt } : {}),
    },
    content: [
      { text: 'PHIẾU KẾT QUẢ ĐÁNH GIÁ', fontSize: 14, bold: true, alignment: 'center' },
      { text: e.agencyName, fontSize: 13, bold: true, alignment: 'center', margin: [0, 2, 0, 2] },
      { text: version.title.vi, alignment: 'center' },
      ...(input.periodTitle ? [{ text: input.periodTitle, alignment: 'center' } as Content] : []),
      {
        text: `(${legalBasisLine(version).vi}; phiên bản ${version.version})`,
        italics: true,
        alignment: 'center',
        margin: [0, 2, 0, 10],
      },
      { table: { widths: [110, '*'], body: summary }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 12] },
      { table: { headerRows: 1, dontBreakRows: true, widths: [34, 170, 40, 40, '*'], body: rows }, fontSize: 9 },
      {
        text: `Mã kiểm tra — dữ liệu: ${e.hashes.input}; phiên bản: ${e.hashes.version}; kết quả: ${e.hashes.result}; bộ máy tính điểm ${e.engineVersion}.`,
        fontSize: 7,
        color: '#666666',
        margin: [0, 10, 0, 0],
      },
    ],
    footer: footer(e.hashes.result),
  };
  return renderPdf(doc);
}
