// An agency's report card: its totals, band, rank and result fields, then every criterion's points
// and why, with the hashes that tie the page to the stored evaluation.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNumber, type EvaluationView, type NodeResult, type Ranking, type RuleSetVersion } from '../engine';
import { KIND_LABEL } from './exportXlsx';
import { afterId, bandStyle, GREY, MM, renderKeepingTails, splitTable, tailId, tailRow, th, withId, type PdfOptions } from './pdfParts';
import { textWidth } from './pdfRender';
import { formatVi, legalBasisLine } from './resultTable';

export interface ReportCardInput {
  version: RuleSetVersion;
  evaluation: EvaluationView;
  /** When given, the agency's rank in its cohort is printed. */
  ranking?: Ranking;
  periodTitle?: string;
  /** The appraisal of the agency's submission, change by change, with its reply and resolution, in order. */
  appraisals?: AppraisalLine[];
}

/** One appraised change as the report card prints it, already in words. */
export interface AppraisalLine {
  subject: string;
  from: string;
  to: string;
  reason: string;
  /** The agency's answer and, once resolved, the evaluator's resolution. */
  reply: string;
}

const MARGINS: [number, number, number, number] = [20 * MM, 15 * MM, 15 * MM, 18 * MM];
const TABLE_SIZE = 10;

const num = (value: number | null, places: number): { text: string; alignment: 'center' | 'right' } =>
  value === null ? { text: '—', alignment: 'center' } : { text: formatVi(value, places), alignment: 'right' };

function flatten(nodes: readonly NodeResult[], depth = 0): { node: NodeResult; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children ?? [], depth + 1)]);
}

function summaryRows(input: ReportCardInput): TableCell[][] {
  const { version, evaluation: e } = input;
  const places = version.numeric.places;
  const cohort = version.cohorts.find((c) => c.id === e.cohort);
  const cohortRanking = input.ranking?.cohorts.find((c) => c.cohort === e.cohort);
  const entry = cohortRanking?.entries.find((x) => x.agencyId === e.agencyId);
  const label = (text: string): TableCell => ({ text, bold: true });
  const rows: TableCell[][] = [
    [label('Khối'), cohort?.name.vi ?? 'Không thuộc khối nào'],
    [label('Tổng điểm'), `${formatVi(e.total, places)} / ${formatVi(e.max, places)} điểm`],
    [label('Tỷ lệ'), `${formatVi(e.percentage, places)}%`],
    [label('Xếp loại'), { text: e.band?.label.vi ?? 'Chưa xếp loại', bold: true, ...bandStyle(e.band?.color) }],
  ];
  for (const field of version.resultFields ?? []) {
    const value = e.results[field.id];
    if (value !== undefined) rows.push([label(field.label.vi), { text: formatNumber(value, 'vi', field.places), bold: true }]);
  }
  if (entry && cohortRanking?.ranked && entry.rank !== null)
    rows.push([label('Xếp hạng'), `${entry.rank} / ${cohortRanking.entries.length} cơ quan trong khối`]);
  return rows;
}

/** One row per node, parents shaded, then the total; fresh for every layout, which pdfmake writes into. */
function criteriaRows(input: ReportCardInput, code: (node: NodeResult) => string): TableCell[][] {
  const { version, evaluation: e } = input;
  const places = version.numeric.places;
  const items = flatten(e.nodes);
  const tail = tailRow(items.length + 1);
  const mark = (r: number) => (r === tail ? { id: tailId(0) } : {});
  const rows = items.map(({ node, depth }, r): TableCell[] => {
    const parent = node.kind !== 'criterion';
    const fill = parent ? { fillColor: depth === 0 ? '#F2F2F2' : '#FAFAFA' } : {};
    return [
      { text: code(node), bold: parent, ...fill, ...mark(r) },
      { text: node.title.vi, bold: parent, margin: [depth * 8, 0, 0, 0], ...fill },
      node.status === 'notApplicable'
        ? { text: 'Không áp dụng', alignment: 'center', fontSize: 8, ...fill }
        : { ...num(node.points, places), bold: parent, ...fill },
      { ...num(node.max, places), ...fill },
      { text: node.explanation?.vi ?? (parent ? KIND_LABEL[node.kind] : ''), fontSize: 9, italics: parent, ...fill },
    ];
  });
  rows.push([
    { text: '', ...mark(items.length) },
    { text: 'TỔNG ĐIỂM', bold: true },
    { ...num(e.total, places), bold: true },
    num(e.max, places),
    { text: e.band ? `Xếp loại: ${e.band.label.vi}` : '', bold: true, ...bandStyle(e.band?.color) },
  ]);
  return rows;
}

/** "Kết quả thẩm định và phản hồi": what the evaluator changed and why, what the agency answered, how it was resolved. */
function appraisalSection(lines: readonly AppraisalLine[]): Content[] {
  if (!lines.length) return [];
  const cell = (text: string): TableCell => ({ text, fontSize: 9 });
  return [
    { text: 'KẾT QUẢ THẨM ĐỊNH VÀ PHẢN HỒI', bold: true, margin: [0, 12, 0, 4] },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [110, 55, 55, '*', '*'],
        body: [
          [th('Nội dung'), th('Tự đánh giá'), th('Thẩm định'), th('Lý do'), th('Phản hồi và giải quyết')],
          ...lines.map((l) => [cell(l.subject), cell(l.from), cell(l.to), cell(l.reason), cell(l.reply)]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
}

export async function reportCardPdf(input: ReportCardInput, options: PdfOptions = {}): Promise<Buffer> {
  const { version, evaluation: e } = input;
  const places = version.numeric.places;
  const items = flatten(e.nodes);
  const provisional = items.filter(({ node }) => node.provisional).length;
  const code = (node: NodeResult) => `${node.code}${node.provisional ? '*' : ''}`;

  // Codes and points never wrap: their columns are as wide as the widest, in bold (one point spare for rounding).
  const wide = (texts: string[]) => 1 + Math.max(...texts.map((t) => textWidth(t, { fontSize: TABLE_SIZE, bold: true })));
  const pointTexts = items.flatMap(({ node }) => [formatVi(node.points, places), formatVi(node.max, places)]);
  const points = wide([...pointTexts, formatVi(e.total, places), formatVi(e.max, places), 'Tối đa']);
  const widths = [wide(['Mã', ...items.map(({ node }) => code(node))]), 150, points, points, '*'];
  const header = () => [[th('Mã'), th('Nội dung'), th('Điểm'), th('Tối đa'), th('Giải thích')]];

  const build = (split: ReadonlySet<number>): TDocumentDefinitions => ({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
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
      { table: { widths: [110, '*'], body: summaryRows(input) }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 12] },
      ...splitTable(
        header,
        criteriaRows(input, code),
        split.has(0),
        { dontBreakRows: true, widths: [...widths] },
        { fontSize: TABLE_SIZE },
      ),
      withId(
        {
          stack: [
            provisional
              ? {
                  text: `(*) Tạm tính: ${provisional} mục là mẫu, chưa đối chiếu với văn bản quy định; điểm dựa trên các mục này là tạm tính.`,
                  italics: true,
                  fontSize: 9,
                  margin: [0, 6, 0, 0],
                }
              : '',
            {
              text: `Mã kiểm tra — dữ liệu: ${e.hashes.input}; phiên bản: ${e.hashes.version}; kết quả: ${e.hashes.result}; bộ máy tính điểm ${e.engineVersion}.`,
              fontSize: 7,
              color: GREY,
              margin: [0, 6, 0, 0],
            },
          ],
        },
        afterId(0),
      ),
      ...appraisalSection(input.appraisals ?? []),
    ],
    footer: (page, pages) => ({
      columns: [
        { text: `Mã kiểm tra (SHA-256): ${e.hashes.result.slice(0, 16)}…`, fontSize: 7, color: GREY },
        { text: `Trang ${page}/${pages}`, alignment: 'right', fontSize: 9 },
      ],
      margin: [MARGINS[0], 6 * MM, MARGINS[2], 0],
    }),
  });
  return renderKeepingTails(build);
}
