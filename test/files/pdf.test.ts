// The printed annex and report card read back from the PDF as pdfjs places their text: every box
// on the page, the parts Decree 30/2020/NĐ-CP gives an attachment, Vietnamese numbers, result
// fields and provisional marks, and no page left holding only the closing lines.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { compileVersion, evaluateSubmissions, explainEvaluation, rankEvaluations } from '../../server/engine/index';
import type { EvaluationView, NodeResult } from '../../server/engine/evaluation';
import type { Agency, RuleSetVersion, SubmissionInput } from '../../server/engine/schemaTypes';
import type { ExportInput } from '../../server/files/exportXlsx';
import { annexPdf, reportCardPdf } from '../../server/files/pdf';
import { fixture } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const json = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;

function scored(version: RuleSetVersion, submissions: SubmissionInput[]): ExportInput {
  const compiled = compileVersion(version);
  const evaluations = evaluateSubmissions(compiled, submissions).map((e) => explainEvaluation(compiled, e));
  return { version, evaluations, ranking: rankEvaluations(compiled, evaluations) };
}

const dti = () => scored(json('rules/dti/2022.json'), json('rules/demo/dti-2022.submissions.json'));

/**
 * Lâm Đồng 2023 as shipped (three cohorts, one assessed but not ranked, provisional items) with a
 * result field of our own, scored for the shipped agency list from the version's own test cases.
 */
function lamDong(): ExportInput {
  const version = json<RuleSetVersion>('rules/lam-dong/2023.json');
  version.resultFields = [{ id: 'chi_so', label: { vi: 'Chỉ số (0–1)' }, source: 'percentage', multiplier: 0.01, places: 4 }];
  const facts = (cohort: string) => version.tests!.find((t) => t.expect.cohort === cohort)!.facts;
  const agencies = json<{ agencies: (Agency & { has_public_services?: boolean })[] }>('rules/agencies/lam-dong.json').agencies;
  const submissions = agencies.map((agency, i): SubmissionInput => {
    const cohort = agency.kind === 'district' ? 'huyen' : agency.has_public_services ? 'co-tthc' : 'khong-tthc';
    return {
      agency,
      facts: { ...facts(cohort), cds_articles: 5 + ((i * 7) % 30), staff_trained: 40 + ((i * 13) % 60), late_reports: i % 5 },
    };
  });
  return scored(version, submissions);
}

interface Line {
  text: string;
  x: number;
  y: number;
}
interface Page {
  width: number;
  height: number;
  boxes: { text: string; left: number; right: number; bottom: number; top: number }[];
  /** Text boxes on one baseline joined left to right, top of the page first. */
  lines: Line[];
}

async function pdfPages(buffer: Buffer): Promise<Page[]> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    // pdf-parse keeps its pdfjs document private; the positions of text are only on it.
    type TextItem = { str: string; transform: number[]; width: number; height: number };
    type PdfPage = {
      getViewport(o: { scale: number }): { width: number; height: number };
      getTextContent(): Promise<{ items: (TextItem | object)[] }>;
    };
    const doc = await (parser as unknown as { load(): Promise<{ numPages: number; getPage(n: number): Promise<PdfPage> }> }).load();
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const items = (await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
      const boxes = items.map((i) => ({
        text: i.str,
        left: i.transform[4],
        right: i.transform[4] + i.width,
        bottom: i.transform[5],
        top: i.transform[5] + i.height,
      }));
      const byBaseline = new Map<number, TextItem[]>();
      for (const i of items) {
        const y = Math.round(i.transform[5]);
        byBaseline.set(y, [...(byBaseline.get(y) ?? []), i]);
      }
      const lines = [...byBaseline.entries()]
        .sort(([a], [b]) => b - a)
        .flatMap(([y, row]) => {
          // Cells of one table row share a baseline: a gap wider than a space separates them.
          const sorted = row.sort((a, b) => a.transform[4] - b.transform[4]);
          const out: Line[] = [];
          let end = -Infinity;
          for (const i of sorted) {
            const gap = i.transform[4] - end;
            if (out.length && gap < i.height * 0.6) out[out.length - 1].text += (gap > 0.5 ? ' ' : '') + i.str;
            else out.push({ text: i.str, x: i.transform[4], y });
            end = i.transform[4] + i.width;
          }
          return out;
        });
      pages.push({ width, height, boxes, lines });
    }
    return pages;
  } finally {
    await parser.destroy();
  }
}

const flat = (pages: Page[]) =>
  pages
    .flatMap((p) => p.lines.map((l) => l.text))
    .join(' ')
    .replace(/\s+/g, ' ');

/** The text in the order it was written, without spaces: a heading wrapped in its cell still reads whole. */
const squeezed = (pages: Page[]) => pages.flatMap((p) => p.boxes.map((b) => b.text)).join('');

function expectOnPage(pages: Page[]) {
  for (const [n, page] of pages.entries())
    for (const box of page.boxes) {
      const where = `page ${n + 1}: «${box.text}» at x ${box.left.toFixed(1)}–${box.right.toFixed(1)}, y ${box.bottom.toFixed(1)}`;
      expect(box.left, where).toBeGreaterThanOrEqual(0);
      expect(box.right, where).toBeLessThanOrEqual(page.width);
      expect(box.bottom, where).toBeGreaterThanOrEqual(0);
      expect(box.top, where).toBeLessThanOrEqual(page.height);
    }
}

const lineOf = (pages: Page[], text: string, page?: number): Line & { page: number } => {
  for (const [n, p] of pages.entries()) {
    if (page !== undefined && n !== page) continue;
    const line = p.lines.find((l) => l.text.includes(text));
    if (line) return { ...line, page: n };
  }
  throw new Error(`no line with «${text}»`);
};

describe('PDF annex', () => {
  it('prints the 9-index DTI annex inside A4 landscape pages, as an attachment of the Ministry’s decision', async () => {
    const input = { ...dti(), auditAnchor: { id: 42, hash: 'ab'.repeat(32) } };
    const pdf = await annexPdf(input);
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.width > p.height && Math.round(p.width) === 842)).toBe(true);
    expectOnPage(pages);

    // The issuing body top left, the national name and the motto top right, on the first page.
    const [first] = pages;
    const body = lineOf(pages, 'BỘ THÔNG TIN VÀ TRUYỀN THÔNG', 0);
    const nation = lineOf(pages, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 0);
    const motto = lineOf(pages, 'Độc lập - Tự do - Hạnh phúc', 0);
    expect(body.x).toBeLessThan(first.width / 2);
    expect(nation.x).toBeGreaterThan(first.width / 2);
    expect(motto.y).toBeLessThan(nation.y);
    expect(first.height - nation.y).toBeLessThan(90);
    expect(first.lines[0].text).toContain('BỘ THÔNG TIN VÀ TRUYỀN THÔNG');

    for (const heading of ['Tổng điểm (1.000)', 'Chỉ số DTI', '9 (150)']) expect(squeezed(pages)).toContain(heading.replace(/ /g, ''));
    const text = flat(pages);
    for (const expected of [
      'Phụ lục KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG',
      // No decision recorded: a line to fill in by hand.
      '(Kèm theo Quyết định số ……/QĐ-BTTTT ngày …… tháng …… năm …… của Bộ trưởng Bộ Thông tin và Truyền thông)',
      // The index codes with a legend, since nine titles do not fit.
      'Các chỉ số chính: 1. Nhận thức số; 2. Thể chế số;',
      '9. Hoạt động xã hội số.',
      `Mã kiểm tra (SHA-256) — bảng xếp hạng: ${input.ranking.hash}`,
      `Nhật ký kiểm tra khi công bố: mục #42, mã băm ${'ab'.repeat(32)}.`,
    ])
      expect(text).toContain(expected);
    // One row per province, its name on one line, with its points, total and DTI value in Vietnamese numbers.
    expect(text).toContain(
      '1 Thành phố Đà Nẵng 100,000 90,000 82,530 84,870 75,780 0,000 171,500 117,540 77,955 800,175 0,8002 Không xếp loại',
    );
    for (const e of input.evaluations)
      expect(
        pages.some((p) => p.lines.some((l) => l.text === e.agencyName)),
        e.agencyName,
      ).toBe(true);

    // The signature block, right, on the last page; page numbers from the second page, top centre.
    const last = pages.length - 1;
    const title = lineOf(pages, 'BỘ TRƯỞNG', last);
    expect(title.x).toBeGreaterThan(pages[last].width / 2);
    for (let n = 1; n < pages.length; n++) {
      const top = pages[n].lines[0];
      expect(top.text).toBe(String(n + 1));
      expect(Math.abs(top.x - pages[n].width / 2)).toBeLessThan(20);
    }
    expect(first.lines.some((l) => l.text === '1')).toBe(true); // the rank, not a page number

    // Tinos, Times New Roman's metrics, in every style the annex prints.
    const fonts = pdf.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g) ?? [];
    expect(new Set(fonts.map((f) => f.replace(/.*\+/, '')))).toEqual(new Set(['Tinos-Bold', 'Tinos-Regular', 'Tinos-Italic']));
  });

  it('prints a three-cohort annex naming the approving decision and its signer, with result fields and provisional marks', async () => {
    const input: ExportInput = {
      ...lamDong(),
      periodTitle: 'Kỳ đánh giá năm 2023',
      decision: { number: '1234', date: '2024-02-05', signer: { name: 'Trần Văn Hiệp', deputy: true } },
    };
    const pages = await pdfPages(await annexPdf(input));
    expectOnPage(pages);
    expect(lineOf(pages, 'ỦY BAN NHÂN DÂN', 0).x).toBeLessThan(pages[0].width / 2);
    expect(lineOf(pages, 'TỈNH LÂM ĐỒNG', 0).x).toBeLessThan(pages[0].width / 2);
    const text = flat(pages);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '(Kèm theo Quyết định số 1234/QĐ-UBND ngày 05 tháng 02 năm 2024 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)',
      'I. SỞ, BAN, NGÀNH CÓ THỦ TỤC HÀNH CHÍNH',
      'II. SỞ, BAN, NGÀNH KHÔNG CÓ THỦ TỤC HÀNH CHÍNH (ĐÁNH GIÁ, KHÔNG XẾP HẠNG)',
      'III. UBND CÁC HUYỆN, THÀNH PHỐ',
      '(*) Chỉ số có tiêu chí tạm tính',
      'Khối này được đánh giá, xếp loại nhưng không xếp hạng.',
      'KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
      'Trần Văn Hiệp',
    ])
      expect(text).toContain(expected);
    for (const heading of ['Tổng điểm (1.000)', 'Tổng điểm (800)', 'Tổng điểm (900)', 'Tỷ lệ (%)', 'Chỉ số (0–1)', 'H7* (100)'])
      expect(squeezed(pages)).toContain(heading.replace(/ /g, ''));
    const row = input.ranking.cohorts[0].entries[0];
    expect(text).toContain(`${row.agencyName} 100,00 100,00 100,00 90,40 100,00 385,00 100,00 975,40 97,54 0,9754 Tốt`);
    expect(text).not.toContain('……');
  });

  it('fills the line to fill in for the Chairman of a provincial committee written "UBND tỉnh …"', async () => {
    const { version, agencies } = fixture();
    const agency = agencies.find((a) => a.id === 'so-tttt')!;
    const input = scored(version, [{ agency, facts: { has_portal: true, online_rate: 82.5, plan_status: 'approved', staff_trained: 4 } }]);
    const pages = await pdfPages(await annexPdf(input));
    const text = flat(pages);
    expect(text).toContain('Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm …… của Chủ tịch Ủy ban nhân dân tỉnh Sơn La');
    expect(lineOf(pages, 'TỈNH SƠN LA', 0).x).toBeLessThan(pages[0].width / 2);
    const signature = pages[pages.length - 1].lines.find((l) => l.text === 'CHỦ TỊCH');
    expect(signature?.x).toBeGreaterThan(pages[0].width / 2);
  });

  it('never leaves the averages, signature and hashes alone on the last page', async () => {
    // The first number of provinces for which the annex takes another page: the row added pushes
    // the closing block over unless the last rows go with it.
    const all = json<SubmissionInput[]>('rules/demo/dti-2022.submissions.json');
    const version = json<RuleSetVersion>('rules/dti/2022.json');
    const pagesFor = async (n: number) => pdfPages(await annexPdf(scored(version, all.slice(0, n))));
    let [lo, hi] = [1, all.length];
    const one = (await pagesFor(lo)).length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((await pagesFor(mid)).length > one) hi = mid;
      else lo = mid;
    }
    const pages = await pagesFor(hi);
    expect(pages.length).toBe(one + 1);
    const lastPage = pages[pages.length - 1].lines.map((l) => l.text).join(' ');
    expect(lastPage).toMatch(/\d+ (Tỉnh|Thành phố) /);
  });
});

describe('PDF report card', () => {
  const { version, agencies } = fixture();
  const agency = agencies.find((a) => a.id === 'so-tttt')!;
  const base = scored(version, [{ agency, facts: { has_portal: true, online_rate: 82.5, plan_status: 'approved', staff_trained: 4 } }]);
  const criteria = (n: number): NodeResult[] =>
    Array.from({ length: n }, (_, k) => ({
      code: `1.${k + 1}`,
      kind: 'criterion',
      title: { vi: `Tiêu chí số ${k + 1}` },
      status: 'scored',
      points: 1,
      pointsExact: '1',
      max: 1,
      explanation: { vi: 'Đạt yêu cầu → 1/1 điểm' },
    }));
  const synthetic = (n: number): EvaluationView => ({ ...base.evaluations[0], nodes: criteria(n) });
  const card = async (n: number) => pdfPages(await reportCardPdf({ version, evaluation: synthetic(n) }));
  /** A page whose text above the footer is all from the closing lines (the provisional note, the hash paragraph). */
  const onlyHashes = (page: Page, e: EvaluationView) => {
    const closing = `Mã kiểm tra — dữ liệu: ${e.hashes.input}; phiên bản: ${e.hashes.version}; kết quả: ${e.hashes.result}; bộ máy tính điểm ${e.engineVersion}.`;
    const body = page.lines.filter((l) => l.y > 60 && !l.text.startsWith('(*) Tạm tính'));
    return body.every((l) => closing.replace(/\s+/g, '').includes(l.text.replace(/\s+/g, '')));
  };

  it('keeps the hash paragraph with the last rows of the table', async () => {
    // The smallest table that no longer fits one page with the hashes under it.
    let [lo, hi] = [1, 120];
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((await card(mid)).length > 1) hi = mid;
      else lo = mid;
    }
    for (const n of [hi, hi + 1]) {
      const pages = await card(n);
      expect(pages.length, `${n} criteria`).toBe(2);
      expect(
        pages.some((p) => onlyHashes(p, synthetic(n))),
        `${n} criteria`,
      ).toBe(false);
      expect(pages[1].lines.map((l) => l.text).join(' '), `${n} criteria`).toContain(`1.${n} Tiêu chí số ${n} 1,00 1,00`);
      expectOnPage(pages);
    }
  });

  it('prints the result fields, provisional marks and rank of a DTI report card', async () => {
    const input = dti();
    const evaluation = input.evaluations.find((e) => e.agencyId === 'da-nang') ?? input.evaluations[0];
    const pages = await pdfPages(await reportCardPdf({ version: input.version, evaluation, ranking: input.ranking }));
    expectOnPage(pages);
    const text = flat(pages);
    expect(text).toContain(`Chỉ số DTI ${evaluation.results.dti.toFixed(4).replace('.', ',')}`);
    expect(text).toContain('Xếp hạng 1 / 63 cơ quan trong khối');
    expect(text).toContain('Tổng điểm 800,175 / 1.000,000 điểm');
  });

  it('marks provisional items and explains the mark', async () => {
    const input = lamDong();
    const evaluation = input.evaluations.find((e) => e.cohort === 'huyen')!;
    const pages = await pdfPages(await reportCardPdf({ version: input.version, evaluation, ranking: input.ranking }));
    expectOnPage(pages);
    const text = flat(pages);
    expect(text).toMatch(/H7\.1\* /);
    expect(text).toMatch(/\(\*\) Tạm tính: \d+ mục là mẫu, chưa đối chiếu với văn bản quy định/);
    expect(text).toMatch(/Chỉ số \(0–1\) 0,\d{4}/);
    expect(pages.some((p) => onlyHashes(p, evaluation))).toBe(false);
  });

  it('gives the same bytes for the same evaluation and date', async () => {
    const input = lamDong();
    const at = new Date(Date.UTC(2024, 1, 5));
    const evaluation = input.evaluations[0];
    const [a, b] = await Promise.all([0, 1].map(() => reportCardPdf({ version: input.version, evaluation }, { generatedAt: at })));
    expect(a.equals(b)).toBe(true);
  });
});
