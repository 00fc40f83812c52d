// The import template as Excel will show it: read back with exceljs, Vietnamese text included.
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../../server/files/template';
import { readMeta } from '../../server/files/templateMeta';
import { fixture, loadXlsx, rowOf, sonLa } from './helpers';

describe('import template', () => {
  it('has one row per agency, grouped by cohort, and one column per agency-entered fact with its unit', async () => {
    const { compiled, agencies } = fixture();
    const wb = await loadXlsx(await buildTemplate(compiled, agencies, { id: 'p-2021', title: 'Năm 2021' }));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Số liệu', 'Hướng dẫn', '_chiso']);
    const data = wb.getWorksheet('Số liệu')!;
    expect(data.getRow(1).values).toEqual([
      undefined,
      'Mã cơ quan',
      'Tên cơ quan',
      'Khối',
      'Có cổng thông tin điện tử',
      'Tỷ lệ hồ sơ trực tuyến (%)',
      'Kế hoạch chuyển đổi số',
      'Số cán bộ được đào tạo (người)',
      'Số báo cáo nộp muộn (báo cáo)',
      'Kết nối trục liên thông văn bản',
      'Tỷ lệ xã kết nối mạng WAN (%)',
      'Ngày gửi báo cáo',
      'Ghi chú của đơn vị',
    ]);
    // The evaluator's manual score is not the agencies' to fill in.
    expect(JSON.stringify(data.getRow(1).values)).not.toContain('Điểm chất lượng');
    const ids = Array.from({ length: agencies.length }, (_, i) => data.getCell(i + 2, 1).value);
    expect(ids).toEqual(['so-tttt', 'so-noi-vu', 'van-phong-ubnd', 'ban-dan-toc', 'tp-son-la', 'moc-chau', 'phu-yen']);
    expect(data.getCell(rowOf(data, 'so-tttt'), 2).value).toBe('Sở Thông tin và Truyền thông');
    expect(data.getCell(rowOf(data, 'so-tttt'), 3).value).toBe('Khối cơ quan cấp tỉnh');
    expect(data.getCell(rowOf(data, 'moc-chau'), 3).value).toBe('Khối UBND huyện, thành phố');
    expect(data.getCell('E1').note).toMatch(/Số từ 0 đến 100/);
  });

  it('freezes the header and the agency columns and sets widths', async () => {
    const { compiled, agencies } = fixture();
    const data = (await loadXlsx(await buildTemplate(compiled, agencies))).getWorksheet('Số liệu')!;
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    expect(data.getColumn(2).width).toBeGreaterThanOrEqual(30);
    expect(data.getCell('A1').font?.bold).toBe(true);
  });

  it('validates cells as Excel does: lists for Có/Không and options, ranges with Vietnamese messages', async () => {
    const { compiled, agencies } = fixture();
    const wb = await loadXlsx(await buildTemplate(compiled, agencies));
    const data = wb.getWorksheet('Số liệu')!;
    const r = rowOf(data, 'so-tttt');
    expect(data.getCell(r, 4).dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'], showErrorMessage: true });
    expect(data.getCell(r, 5).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
      errorTitle: 'Giá trị không hợp lệ',
      error: 'Tỷ lệ hồ sơ trực tuyến: Số từ 0 đến 100 (nhập 82,5 hoặc 82,5%).',
    });
    expect(data.getCell(r, 7).dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 500] });
    expect(data.getCell(r, 8).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    // Options live on the hidden sheet, so labels with commas survive.
    const list = data.getCell(r, 6).dataValidation;
    expect(list.type).toBe('list');
    const [, column, last] = /^'_chiso'!\$([A-Z]+)\$2:\$\1\$(\d+)$/.exec(list.formulae[0])!;
    const meta = wb.getWorksheet('_chiso')!;
    expect(Number(last)).toBe(4);
    expect([2, 3, 4].map((row) => meta.getCell(`${column}${row}`).value)).toEqual(['Đã ban hành', 'Đang dự thảo', 'Chưa có']);
  });

  it('greys out and locks facts that the agency’s cohort is not asked', async () => {
    const { compiled, agencies } = fixture();
    const data = (await loadXlsx(await buildTemplate(compiled, agencies))).getWorksheet('Số liệu')!;
    const district = rowOf(data, 'moc-chau');
    const provincial = rowOf(data, 'so-tttt');
    // Column I: document exchange (provincial only); column J: commune WAN (districts only).
    expect(data.getCell(district, 9).dataValidation).toMatchObject({ type: 'textLength', operator: 'equal', formulae: [0] });
    expect(data.getCell(district, 9).dataValidation.error).toContain('không áp dụng cho khối «Khối UBND huyện, thành phố»');
    expect(data.getCell(district, 9).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } });
    expect(data.getCell(district, 10).dataValidation).toMatchObject({ type: 'decimal' });
    expect(data.getCell(provincial, 10).dataValidation).toMatchObject({ type: 'textLength' });
  });

  it('ties the file to its version in a very hidden sheet, and explains itself in Vietnamese', async () => {
    const { hash, compiled, agencies } = fixture();
    const wb = await loadXlsx(await buildTemplate(compiled, agencies, { id: 'p-2021', title: 'Kỳ đánh giá năm 2021' }));
    const metaSheet = wb.getWorksheet('_chiso')!;
    expect(metaSheet.state).toBe('veryHidden');
    expect(readMeta(wb)).toMatchObject({
      format: 'chiso-template/1',
      ruleSet: 'files-fixture',
      version: '2021.1',
      versionHash: hash,
      periodId: 'p-2021',
      dataSheet: 'Số liệu',
      headerRow: 1,
      columns: { D: 'has_portal', E: 'online_rate', F: 'plan_status', L: 'note' },
    });
    const help = wb.getWorksheet('Hướng dẫn')!;
    const text = Array.from({ length: help.rowCount }, (_, i) =>
      help
        .getRow(i + 1)
        .values.toString()
        .replace(/^,/, ''),
    ).join('\n');
    expect(text).toContain('HƯỚNG DẪN NHẬP SỐ LIỆU');
    expect(text).toContain('Kỳ đánh giá: Kỳ đánh giá năm 2021');
    expect(text).toContain('Căn cứ Quyết định số 2245/QĐ-UBND ngày 15/09/2021 của UBND tỉnh Sơn La');
    expect(text).toContain(hash);
    expect(text).toContain('Tỷ lệ xã kết nối mạng WAN');
    expect(text).toContain('Khối UBND huyện, thành phố');
  });

  it('covers Son La 2021: 32 agencies in two cohorts, every agency-entered fact', async () => {
    const { version, compiled, agencies } = sonLa();
    const wb = await loadXlsx(await buildTemplate(compiled, agencies));
    const data = wb.getWorksheet('Số liệu')!;
    expect(data.rowCount).toBe(33);
    const agencyFacts = version.facts.filter((f) => f.enteredBy !== 'evaluator');
    expect(data.getRow(1).cellCount).toBe(3 + agencyFacts.length);
    expect(data.getCell(1, 4).value).toBe('Tổng số cán bộ, công chức, viên chức của cơ quan (người)');
    const cohorts = new Set(Array.from({ length: 32 }, (_, i) => data.getCell(i + 2, 3).value));
    expect(cohorts).toEqual(new Set(['Các sở, ban, ngành tỉnh', 'UBND các huyện, thành phố']));
  });
});
