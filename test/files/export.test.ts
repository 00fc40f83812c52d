// Exports read back as a person would see them: workbook cells and fills, CSV bytes, PDF text.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileVersion, evaluateSubmissions, explainEvaluation, rankEvaluations } from '../../server/engine/index';
import type { EvaluationView, Ranking } from '../../server/engine/evaluation';
import { exportRankingXlsx, type ExportInput } from '../../server/files/exportXlsx';
import { exportRankingCsv } from '../../server/files/exportCsv';
import { annexPdf, reportCardPdf } from '../../server/files/pdf';
import { columnOf, fixture, loadXlsx, pdfText } from './helpers';

const { version, agencies } = fixture();
const agency = (id: string) => agencies.find((a) => a.id === id)!;
let evaluations: EvaluationView[];
let ranking: Ranking;
let input: ExportInput;

beforeAll(async () => {
  const compiled = compileVersion(version);
  evaluations = evaluateSubmissions(compiled, [
    // 10 + 30 + 20 + 8 + 7 + 20 = 95 → Tốt
    {
      agency: agency('so-tttt'),
      facts: { has_portal: true, online_rate: 82.5, plan_status: 'approved', staff_trained: 4, ext_connected: true, manual_quality: 7 },
    },
    // 10 + 15 + 20 + 10 + 0 + 20 = 75 → Khá, twice: a shared rank
    {
      agency: agency('so-noi-vu'),
      facts: { has_portal: true, online_rate: 60, plan_status: 'approved', staff_trained: 5, ext_connected: true },
    },
    {
      agency: agency('van-phong-ubnd'),
      facts: { has_portal: true, online_rate: 79.9, plan_status: 'approved', staff_trained: 9, ext_connected: true },
    },
    // 10 + 15 + 10 + 4 = 39 → Yếu
    {
      agency: agency('ban-dan-toc'),
      facts: { has_portal: true, online_rate: 50, plan_status: 'draft', staff_trained: 2, ext_connected: false },
    },
    // 10 + 15 + 10 + 10 + 20 − 2 = 63 → Trung bình
    {
      agency: agency('tp-son-la'),
      facts: { has_portal: true, online_rate: 60, plan_status: 'draft', staff_trained: 10, commune_rate: 95, late_reports: 2 },
    },
  ]).map((e) => explainEvaluation(compiled, e));
  ranking = rankEvaluations(compiled, evaluations);
  input = { version, ranking, evaluations, periodTitle: 'Kỳ đánh giá năm 2021' };
});

describe('XLSX export', () => {
  it('has one sheet per cohort with title rows, Vietnamese headers, shared ranks and band colours', async () => {
    const wb = await loadXlsx(await exportRankingXlsx(input));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Khối cơ quan cấp tỉnh', 'Khối UBND huyện, thành phố', 'Chi tiết theo tiêu chí']);
    const sheet = wb.getWorksheet('Khối cơ quan cấp tỉnh')!;
    expect(sheet.getCell('A1').value).toBe('KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG');
    expect(sheet.getCell('A2').value).toBe('Bộ chỉ số đánh giá Chính quyền số (bản thử) — Kỳ đánh giá năm 2021');
    expect(sheet.getCell('A3').value).toBe('Khối cơ quan cấp tỉnh (thang điểm 100)');
    expect(sheet.getCell('A4').value).toBe(
      'Căn cứ Quyết định số 2245/QĐ-UBND ngày 15/09/2021 của UBND tỉnh Sơn La; bộ chỉ số «files-fixture», phiên bản 2021.1',
    );
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      'Xếp hạng',
      'Mã cơ quan',
      'Cơ quan',
      '1. Hạ tầng và nền tảng số (40 điểm)',
      '2. Hoạt động Chính quyền số (60 điểm)',
      'Tổng điểm (tối đa 100)',
      'Tỷ lệ (%)',
      'Xếp loại',
    ]);
    const rows = [7, 8, 9, 10].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      [1, 'so-tttt', 'Sở Thông tin và Truyền thông', 40, 55, 95, 95, 'Tốt'],
      [2, 'so-noi-vu', 'Sở Nội vụ', 25, 50, 75, 75, 'Khá'],
      [2, 'van-phong-ubnd', 'Văn phòng UBND tỉnh', 25, 50, 75, 75, 'Khá'],
      [4, 'ban-dan-toc', 'Ban Dân tộc', 25, 14, 39, 39, 'Yếu'],
    ]);
    expect(sheet.getCell('F7').numFmt).toBe('0.00');
    const band = (r: number) => (sheet.getCell(r, columnOf(sheet, 'Xếp loại', 6)).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect([7, 8, 10].map(band)).toEqual(['FFC6EFCE', 'FFDDEBF7', 'FFFFC7CE']);
    expect(sheet.getCell('A12').value).toBe('Điểm trung bình của khối: 71,00');
    expect(sheet.getCell('A13').value).toBe(
      'Xếp loại: Tốt từ 85; Khá từ 70 đến dưới 85; Trung bình từ 50 đến dưới 70; Yếu từ 0 đến dưới 50 điểm.',
    );
    expect(String(sheet.getCell('A14').value)).toContain(ranking.hash);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });

    const districts = wb.getWorksheet('Khối UBND huyện, thành phố')!;
    expect((districts.getRow(7).values as unknown[]).slice(1)).toEqual([1, 'tp-son-la', 'Thành phố Sơn La', 25, 38, 63, 63, 'Trung bình']);
    expect((districts.getCell('H7').fill as { fgColor: { argb: string } }).fgColor.argb).toBe('FFFFEB9C');
  });

  it('details every criterion with its points and explanation', async () => {
    const wb = await loadXlsx(await exportRankingXlsx(input));
    const detail = wb.getWorksheet('Chi tiết theo tiêu chí')!;
    expect(detail.getRow(1).values).toEqual([
      undefined,
      'Mã cơ quan',
      'Cơ quan',
      'Khối',
      'Mã',
      'Nội dung',
      'Cấp',
      'Điểm',
      'Tối đa',
      'Giải thích',
    ]);
    const rows = Array.from({ length: detail.rowCount - 1 }, (_, i) => (detail.getRow(i + 2).values as unknown[]).slice(1));
    const tiers = rows.find((r) => r[0] === 'so-tttt' && r[3] === '1.2')!;
    expect(tiers).toEqual([
      'so-tttt',
      'Sở Thông tin và Truyền thông',
      'Khối cơ quan cấp tỉnh',
      '1.2',
      'Hồ sơ trực tuyến',
      'Tiêu chí',
      30,
      30,
      'Tỷ lệ hồ sơ trực tuyến 82,5% thuộc mức từ 80% trở lên → 30/30 điểm',
    ]);
    expect(rows.find((r) => r[0] === 'tp-son-la' && r[4] === 'Tổng điểm')).toEqual(
      expect.arrayContaining(['tp-son-la', 63, 100, 'Xếp loại: Trung bình']),
    );
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM, one row per agency across cohorts', () => {
    const bytes = exportRankingCsv(input);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Khối,Xếp hạng,Mã cơ quan,Cơ quan,1. Hạ tầng và nền tảng số,2. Hoạt động Chính quyền số,Tổng điểm,Điểm tối đa,Tỷ lệ (%),Xếp loại',
      'Khối cơ quan cấp tỉnh,1,so-tttt,Sở Thông tin và Truyền thông,40.00,55.00,95.00,100.00,95.00,Tốt',
      'Khối cơ quan cấp tỉnh,2,so-noi-vu,Sở Nội vụ,25.00,50.00,75.00,100.00,75.00,Khá',
      'Khối cơ quan cấp tỉnh,2,van-phong-ubnd,Văn phòng UBND tỉnh,25.00,50.00,75.00,100.00,75.00,Khá',
      'Khối cơ quan cấp tỉnh,4,ban-dan-toc,Ban Dân tộc,25.00,14.00,39.00,100.00,39.00,Yếu',
      '"Khối UBND huyện, thành phố",1,tp-son-la,Thành phố Sơn La,25.00,38.00,63.00,100.00,63.00,Trung bình',
    ]);
  });

  it('writes decimal commas when the delimiter is a semicolon', () => {
    const text = exportRankingCsv(input, { delimiter: ';' }).toString('utf8');
    expect(text).toContain('Khối UBND huyện, thành phố;1;tp-son-la;Thành phố Sơn La;25,00;38,00;63,00;100,00;63,00;Trung bình');
  });
});

describe('PDF reports', () => {
  it('prints the results annex on landscape pages with Vietnamese text intact', async () => {
    const { text, pages } = await pdfText(await annexPdf(input));
    const flat = text.replace(/\s+/g, ' ');
    expect(pages.length).toBe(2);
    expect(pages.every((p) => p.width > p.height)).toBe(true);
    for (const expected of [
      'Phụ lục',
      'KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG',
      'Kỳ đánh giá năm 2021',
      'Căn cứ Quyết định số 2245/QĐ-UBND ngày 15/09/2021 của UBND tỉnh Sơn La',
      'I. KHỐI CƠ QUAN CẤP TỈNH',
      'II. KHỐI UBND HUYỆN, THÀNH PHỐ',
      'Xếp loại',
      '1 Sở Thông tin và Truyền thông 40,00 55,00 95,00 Tốt',
      '2 Sở Nội vụ 25,00 50,00 75,00 Khá',
      '4 Ban Dân tộc 25,00 14,00 39,00 Yếu',
      '1 Thành phố Sơn La 25,00 38,00 63,00 Trung bình',
      'Hạ tầng và nền tảng số',
    ])
      expect(flat).toContain(expected);
  });

  it('prints an agency’s report card with each criterion’s points and explanation', async () => {
    const card = await reportCardPdf({ version, evaluation: evaluations[0], ranking, periodTitle: 'Kỳ đánh giá năm 2021' });
    const { text, pages } = await pdfText(card);
    const flat = text.replace(/\s+/g, ' ');
    expect(pages[0].height).toBeGreaterThan(pages[0].width);
    for (const expected of [
      'PHIẾU KẾT QUẢ ĐÁNH GIÁ',
      'Sở Thông tin và Truyền thông',
      'Khối Khối cơ quan cấp tỉnh',
      'Tổng điểm 95,00 / 100,00 điểm',
      'Xếp loại Tốt',
      'Xếp hạng 1 / 4 cơ quan trong khối',
      '1.2 Hồ sơ trực tuyến 30,00 30,00 Tỷ lệ hồ sơ trực tuyến 82,5% thuộc mức từ 80% trở lên → 30/30 điểm',
      '2.1 Kế hoạch chuyển đổi số 20,00 20,00 Trường hợp «Đã ban hành» → 20/20 điểm',
      'Số cán bộ được đào tạo 4 người; 4 × 2 = 8, tối đa 10 → 8/10 điểm',
      evaluations[0].hashes.result,
    ])
      expect(flat).toContain(expected);
  });

  it('gives the same bytes for the same result and date', async () => {
    const at = new Date(Date.UTC(2021, 11, 31));
    const [a, b] = await Promise.all([annexPdf(input, { generatedAt: at }), annexPdf(input, { generatedAt: at })]);
    expect(a.equals(b)).toBe(true);
  });
});
