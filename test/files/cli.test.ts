// `chiso template`, `chiso import` and `chiso export` as a user runs them: files written, problems
// printed with sheet!cell, exit codes, and an import that `chiso evaluate` accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { columnOf, loadXlsx, pdfText, rowOf, saveXlsx } from './helpers';
import { chiso } from '../support/cli';

const root = path.resolve(__dirname, '../..');
const rules = path.join(root, 'test/fixtures/files/version.json');
const agencies = path.join(root, 'test/fixtures/files/agencies.json');

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'chiso-files-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chiso template → import → evaluate → export', () => {
  it('makes a template, imports it filled, and exports what evaluate computes', async () => {
    const template = await chiso(
      'template',
      '--rules',
      rules,
      '--agencies',
      agencies,
      '-o',
      file('mau.xlsx'),
      '--period-title',
      'Năm 2021',
    );
    expect(template).toMatchObject({ code: 0, stderr: '' });
    expect(template.stdout).toContain('7 cơ quan, 9 chỉ tiêu');

    const wb = await loadXlsx(readFileSync(file('mau.xlsx')));
    const sheet = wb.getWorksheet('Số liệu')!;
    const set = (agency: string, header: string, value: string | number) =>
      (sheet.getCell(rowOf(sheet, agency), columnOf(sheet, header)).value = value);
    set('so-tttt', 'Có cổng thông tin điện tử', 'Có');
    set('so-tttt', 'Tỷ lệ hồ sơ trực tuyến (%)', '82,5');
    set('so-tttt', 'Kế hoạch chuyển đổi số', 'Đã ban hành');
    set('so-tttt', 'Số cán bộ được đào tạo (người)', 4);
    set('so-tttt', 'Kết nối trục liên thông văn bản', 'Có');
    set('moc-chau', 'Có cổng thông tin điện tử', 'Không');
    set('moc-chau', 'Tỷ lệ hồ sơ trực tuyến (%)', 55);
    set('moc-chau', 'Kế hoạch chuyển đổi số', 'Chưa có');
    set('moc-chau', 'Số cán bộ được đào tạo (người)', 1);
    set('moc-chau', 'Tỷ lệ xã kết nối mạng WAN (%)', '90%');
    writeFileSync(file('da-dien.xlsx'), await saveXlsx(wb));

    const imported = await chiso('import', '--rules', rules, '--agencies', agencies, file('da-dien.xlsx'), '-o', file('submissions.json'));
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    const submissions = JSON.parse(readFileSync(file('submissions.json'), 'utf8'));
    expect(submissions.map((s: { agency: { id: string }; facts: object }) => [s.agency.id, s.facts])).toEqual([
      ['so-tttt', { has_portal: true, online_rate: 82.5, plan_status: 'approved', staff_trained: 4, ext_connected: true }],
      ['moc-chau', { has_portal: false, online_rate: 55, plan_status: 'none', staff_trained: 1, commune_rate: 90 }],
    ]);

    const evaluated = await chiso('evaluate', '--rules', rules, '--submissions', file('submissions.json'), '--format', 'json');
    expect(evaluated.code).toBe(0);
    expect(JSON.parse(evaluated.stdout).evaluations.map((r: { agencyId: string; total: number }) => [r.agencyId, r.total])).toEqual([
      ['so-tttt', 88],
      ['moc-chau', 37],
    ]);

    const xlsx = await chiso(
      'export',
      '--rules',
      rules,
      '--submissions',
      file('submissions.json'),
      '--format',
      'xlsx',
      '-o',
      file('kq.xlsx'),
    );
    expect(xlsx.code).toBe(0);
    const out = await loadXlsx(readFileSync(file('kq.xlsx')));
    expect((out.getWorksheet('Khối cơ quan cấp tỉnh')!.getRow(7).values as unknown[]).slice(1)).toEqual([
      1,
      'so-tttt',
      'Sở Thông tin và Truyền thông',
      40,
      48,
      88,
      88,
      'Tốt',
    ]);

    const csv = await chiso(
      'export',
      '--rules',
      rules,
      '--submissions',
      file('submissions.json'),
      '--format',
      'csv',
      '--delimiter',
      'semicolon',
      '-o',
      file('kq.csv'),
    );
    expect(csv.code).toBe(0);
    expect(readFileSync(file('kq.csv'), 'utf8')).toContain('\uFEFFKhối;Xếp hạng;');
    expect(readFileSync(file('kq.csv'), 'utf8')).toContain(';moc-chau;Mộc Châu;15,00;22,00;37,00;100,00;37,00;Yếu');

    const annex = await chiso(
      'export',
      '--rules',
      rules,
      '--submissions',
      file('submissions.json'),
      '--format',
      'pdf',
      '-o',
      file('phu-luc.pdf'),
      '--period-title',
      'Năm 2021',
    );
    expect(annex.code).toBe(0);
    expect((await pdfText(readFileSync(file('phu-luc.pdf')))).text).toContain('KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG');

    const card = await chiso(
      'export',
      '--rules',
      rules,
      '--submissions',
      file('submissions.json'),
      '--format',
      'pdf',
      '--agency',
      'moc-chau',
      '-o',
      file('phieu.pdf'),
    );
    expect(card.code).toBe(0);
    expect((await pdfText(readFileSync(file('phieu.pdf')))).text.replace(/\s+/g, ' ')).toContain('PHIẾU KẾT QUẢ ĐÁNH GIÁ Mộc Châu');
  });

  it('prints every import problem with its sheet and cell, writes nothing and exits 1', async () => {
    const wb = await loadXlsx(readFileSync(file('mau.xlsx')));
    const sheet = wb.getWorksheet('Số liệu')!;
    sheet.getCell(rowOf(sheet, 'so-noi-vu'), columnOf(sheet, 'Tỷ lệ hồ sơ trực tuyến (%)')).value = 'nhiều';
    sheet.getCell(rowOf(sheet, 'phu-yen'), columnOf(sheet, 'Kết nối trục liên thông văn bản')).value = 'Có';
    writeFileSync(file('loi.xlsx'), await saveXlsx(wb));
    const run = await chiso('import', '--rules', rules, '--agencies', agencies, file('loi.xlsx'), '-o', file('khong-ghi.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('loi.xlsx: Số liệu!E3: [error] Giá trị «nhiều» không hợp lệ.');
    expect(run.stderr).toContain('loi.xlsx: Số liệu!I8: [error] «Kết nối trục liên thông văn bản» không áp dụng cho khối của «Phù Yên»');
    expect(run.stderr).toContain('không có dữ liệu nào được ghi');
    expect(existsSync(file('khong-ghi.json'))).toBe(false);
  });

  it('refuses random bytes with a message, not a stack trace', async () => {
    writeFileSync(file('rac.xlsx'), Buffer.from('PK\u0003\u0004 rác không phải zip', 'latin1'));
    const run = await chiso('import', '--rules', rules, '--agencies', agencies, file('rac.xlsx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bị hỏng hoặc không đầy đủ');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('refuses submissions that break the version before exporting anything', async () => {
    writeFileSync(
      file('sai.json'),
      JSON.stringify([{ agency: { id: 'so-tttt', name: 'Sở TT&TT', kind: 'department' }, facts: { online_rate: 'cao' } }]),
    );
    const run = await chiso('export', '--rules', rules, '--submissions', file('sai.json'), '--format', 'xlsx', '-o', file('khong.xlsx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[0]/facts/online_rate');
    expect(existsSync(file('khong.xlsx'))).toBe(false);
  });
});
