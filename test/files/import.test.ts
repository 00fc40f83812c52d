// Import of filled templates and CSVs: what people type is read as they meant it, and every
// problem is reported with its sheet, row and column — with nothing imported.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';
import { parseImport, DEFAULT_IMPORT_LIMITS, type ImportResult } from '../../server/files/import';
import { buildTemplate } from '../../server/files/template';
import { compileVersion } from '../../server/engine/index';
import type { FileProblem } from '../../server/files/problem';
import { sanitizedWorkbook, unzip } from '../../server/files/zip';
import { fixture, loadXlsx, rowOf, saveXlsx } from './helpers';

const { version, compiled, agencies } = fixture();

async function filledTemplate(fill: (sheet: ExcelJS.Worksheet, row: (agencyId: string) => number) => void): Promise<Buffer> {
  const wb = await loadXlsx(await buildTemplate(compiled, agencies, { id: 'p-2021' }));
  const sheet = wb.getWorksheet('Số liệu')!;
  fill(sheet, (id) => rowOf(sheet, id));
  return saveXlsx(wb);
}

const problemsOf = (result: ImportResult): FileProblem[] => {
  expect(result).not.toHaveProperty('submissions');
  return (result as { problems: FileProblem[] }).problems;
};

const submissionsOf = (result: ImportResult) => {
  expect(result).toEqual({ submissions: expect.any(Array), rows: expect.any(Array) });
  return (result as { submissions: { agency: { id: string }; facts: Record<string, unknown> }[] }).submissions;
};

/** A complete, valid provincial row and district row, typed the way people type. */
function fillValid(sheet: ExcelJS.Worksheet, row: (id: string) => number): void {
  const p = row('so-tttt');
  sheet.getCell(p, 4).value = 'Có';
  sheet.getCell(p, 5).value = '82,5';
  sheet.getCell(p, 6).value = 'Đã ban hành';
  sheet.getCell(p, 7).value = 4;
  sheet.getCell(p, 9).value = 'x';
  sheet.getCell(p, 11).value = '15/12/2021';
  sheet.getCell(p, 12).value = 'Số liệu đã rà soát';
  const d = row('moc-chau');
  sheet.getCell(d, 4).value = true;
  // Typed as 60% in a cell formatted as a percentage: Excel stores 0.6.
  sheet.getCell(d, 5).value = 0.6;
  sheet.getCell(d, 5).numFmt = '0%';
  sheet.getCell(d, 6).value = 'draft';
  sheet.getCell(d, 7).value = { formula: 'SUM(3,7)', result: 10 } as ExcelJS.CellFormulaValue;
  sheet.getCell(d, 8).value = '2';
  sheet.getCell(d, 10).value = '95%';
  sheet.getCell(d, 11).value = new Date(Date.UTC(2021, 11, 20));
}

describe('import of a filled template', () => {
  it('reads Vietnamese decimals, percentages, Có/x, option labels, dates and formula results', async () => {
    const result = await parseImport(await filledTemplate(fillValid), 'mau.xlsx', compiled, agencies);
    expect(submissionsOf(result)).toEqual([
      {
        agency: agencies.find((a) => a.id === 'so-tttt'),
        facts: {
          has_portal: true,
          online_rate: 82.5,
          plan_status: 'approved',
          staff_trained: 4,
          ext_connected: true,
          report_date: '2021-12-15',
          note: 'Số liệu đã rà soát',
        },
      },
      {
        agency: agencies.find((a) => a.id === 'moc-chau'),
        facts: {
          has_portal: true,
          online_rate: 60,
          plan_status: 'draft',
          staff_trained: 10,
          late_reports: 2,
          commune_rate: 95,
          report_date: '2021-12-20',
        },
      },
    ]);
  });

  it('tells where each submission came from', async () => {
    const result = await parseImport(await filledTemplate(fillValid), 'mau.xlsx', compiled, agencies);
    expect((result as { rows: unknown }).rows).toEqual([
      { sheet: 'Số liệu', row: 2 },
      { sheet: 'Số liệu', row: 7 },
    ]);
  });

  it('takes evaluator-entered columns for the CLI, and refuses them where appraisal is the only way in', async () => {
    const buffer = await filledTemplate((sheet, row) => {
      fillValid(sheet, row);
      sheet.getCell(1, 13).value = 'Điểm chất lượng do thẩm định';
      sheet.getCell(row('so-tttt'), 13).value = '7,5';
    });
    const accepted = submissionsOf(await parseImport(buffer, 'mau.xlsx', compiled, agencies));
    expect(accepted[0].facts.manual_quality).toBe(7.5);
    const problems = problemsOf(await parseImport(buffer, 'mau.xlsx', compiled, agencies, { evaluatorFacts: 'refuse' }));
    expect(problems).toEqual([
      {
        sheet: 'Số liệu',
        row: 1,
        column: 'M',
        message: { vi: expect.stringContaining('do cán bộ thẩm định nhập'), en: expect.any(String) },
      },
    ]);
  });

  it('skips the rows nobody filled in, and refuses a file where nobody filled anything', async () => {
    const empty = await parseImport(await filledTemplate(() => {}), 'mau.xlsx', compiled, agencies);
    expect(problemsOf(empty)).toEqual([
      {
        sheet: 'Số liệu',
        row: null,
        column: null,
        message: expect.objectContaining({ vi: expect.stringContaining('không có dòng số liệu') }),
      },
    ]);
  });

  it('lists every problem with sheet, row, column and message, and returns no submission', async () => {
    const buffer = await filledTemplate((sheet, row) => {
      fillValid(sheet, row);
      const p = row('so-tttt');
      sheet.getCell(p, 5).value = 'tám mươi'; // not a number
      sheet.getCell(p, 7).value = '2,5'; // not whole
      sheet.getCell(p, 10).value = 50; // districts only
      const n = row('so-noi-vu');
      sheet.getCell(n, 4).value = 'Có lẽ'; // not yes/no
      sheet.getCell(n, 5).value = 150; // above the maximum
      sheet.getCell(n, 6).value = 'Sắp ban hành'; // not an option
      sheet.getCell(n, 9).value = 'Không';
      // staff_trained missing: required
      const d = row('moc-chau');
      sheet.getCell(d, 6).value = { formula: 'A1' } as ExcelJS.CellFormulaValue; // no cached value
      sheet.getCell(d, 7).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      sheet.getCell(20, 1).value = 'so-khong-co';
      sheet.getCell(20, 4).value = 'Có';
      sheet.getCell(21, 1).value = 'moc-chau';
      sheet.getCell(21, 4).value = 'Không';
      sheet.getCell(1, 14).value = 'Cột lạ';
    });
    const problems = problemsOf(await parseImport(buffer, 'mau.xlsx', compiled, agencies));
    const at = (row: number, column: string | null) =>
      problems.filter((p) => p.sheet === 'Số liệu' && p.row === row && p.column === column).map((p) => p.message.vi);
    const p = 2;
    const n = 3;
    const d = 7;
    expect(at(1, 'N')).toEqual([expect.stringContaining('Không nhận ra cột «Cột lạ»')]);
    expect(at(p, 'E')).toEqual([expect.stringContaining('Giá trị «tám mươi» không hợp lệ')]);
    expect(at(p, 'G')).toEqual([expect.stringContaining('phải là số nguyên')]);
    expect(at(p, 'J')).toEqual([expect.stringContaining('không áp dụng cho khối của «Sở Thông tin và Truyền thông»')]);
    expect(at(n, 'D')).toEqual([expect.stringContaining('Có hoặc Không')]);
    expect(at(n, 'F')).toEqual([expect.stringContaining('Chọn một trong: Đã ban hành; Đang dự thảo; Chưa có')]);
    // The version's own rules run on the same row: range and required facts.
    expect(at(n, 'E')).toEqual([expect.stringMatching(/Tỷ lệ hồ sơ trực tuyến.*100/)]);
    expect(at(n, 'G')).toEqual([expect.stringContaining('Thiếu giá trị')]);
    expect(at(d, 'F')).toEqual([expect.stringContaining('chưa có giá trị tính sẵn')]);
    expect(at(d, 'G')).toEqual([expect.stringContaining('#DIV/0!')]);
    expect(at(20, 'A')).toEqual(['Không có cơ quan nào mang mã «so-khong-co».']);
    expect(at(21, 'A')).toEqual([expect.stringContaining('có số liệu hai lần (trước đó ở trang «Số liệu», dòng 7)')]);
    // Every problem has an English message too, and they come sorted by row then column.
    expect(problems.every((x) => x.message.en.length > 0)).toBe(true);
    const rows = problems.map((x) => x.row ?? 0);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(problems).toHaveLength(12);
  });

  it('checks clean rows against the version’s rules and places the findings on their cells', async () => {
    const buffer = await filledTemplate((sheet, row) => {
      fillValid(sheet, row);
      const n = row('so-noi-vu');
      sheet.getCell(n, 4).value = 'Không';
      sheet.getCell(n, 5).value = 150;
      sheet.getCell(n, 6).value = 'Chưa có';
      sheet.getCell(n, 9).value = 0;
    });
    const problems = problemsOf(await parseImport(buffer, 'mau.xlsx', compiled, agencies));
    expect(problems).toEqual([
      {
        sheet: 'Số liệu',
        row: 3,
        column: 'E',
        message: { vi: expect.stringMatching(/Tỷ lệ hồ sơ trực tuyến.*100/), en: expect.any(String) },
      },
      { sheet: 'Số liệu', row: 3, column: 'G', message: { vi: expect.stringContaining('Thiếu giá trị'), en: expect.any(String) } },
    ]);
  });

  it('refuses a template made for another version, naming both versions', async () => {
    const other = { ...version, version: '2023.1' };
    const wb = await loadXlsx(await buildTemplate({ ...compileVersion(other), hash: 'f'.repeat(64) }, agencies));
    const sheet = wb.getWorksheet('Số liệu')!;
    sheet.getCell(rowOf(sheet, 'so-tttt'), 4).value = 'Có';
    const problems = problemsOf(await parseImport(await saveXlsx(wb), 'cu.xlsx', compiled, agencies));
    expect(problems).toHaveLength(1);
    expect(problems[0].message.vi).toContain('phiên bản 2023.1');
    expect(problems[0].message.vi).toContain('kỳ đánh giá dùng phiên bản 2021.1');
    expect(problems[0].message.en).toContain('Download this period');
    // Same label, different content: the hash tells them apart.
    const sameLabel = await buildTemplate({ ...compiled, hash: '0'.repeat(64) }, agencies);
    expect(problemsOf(await parseImport(sameLabel, 'x.xlsx', compiled, agencies))[0].message.vi).toContain('mã 000000000000');
  });

  it('reads any workbook whose header row names the facts, below title rows, matching agencies by name', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Tổng hợp');
    sheet.getCell('A1').value = 'BẢNG TỔNG HỢP SỐ LIỆU NĂM 2021';
    sheet.getRow(3).values = [
      'STT',
      'Tên cơ quan',
      'has_portal',
      'Tỷ lệ hồ sơ trực tuyến',
      'plan_status',
      'Số cán bộ được đào tạo (người)',
      'commune_rate',
      'Ghi chú',
    ];
    sheet.getRow(4).values = [1, 'Phù Yên', 'có', '45', 'Chưa có', '12', '100', 'đã xác minh'];
    const result = await parseImport(await saveXlsx(wb), 'tong-hop.xlsx', compiled, agencies);
    expect(submissionsOf(result)).toEqual([
      {
        agency: agencies.find((a) => a.id === 'phu-yen'),
        facts: { has_portal: true, online_rate: 45, plan_status: 'none', staff_trained: 12, commune_rate: 100 },
      },
    ]);
  });

  it('accepts a whole-column validation and merged titles without expanding them cell by cell', async () => {
    const buffer = await filledTemplate((sheet, row) => {
      fillValid(sheet, row);
      // exceljs has this API but does not declare it.
      (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        'M1:M1048576',
        { type: 'whole', operator: 'between', formulae: [0, 10], allowBlank: true },
      );
      sheet.mergeCells('N1:XFD1');
    });
    expect(submissionsOf(await parseImport(buffer, 'mau.xlsx', compiled, agencies))).toHaveLength(2);
    // What exceljs is given has neither, so it never walks a million cells.
    const unzipped = unzip(buffer, { maxUncompressed: 50e6, maxEntries: 100 });
    if (!unzipped.ok) throw new Error(unzipped.reason);
    const sheetXml = unzipped.entries.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheetXml).toContain('M1:M1048576');
    const cleaned = await JSZip.loadAsync(await sanitizedWorkbook(unzipped.entries));
    const cleanedXml = await cleaned.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(cleanedXml).not.toMatch(/dataValidation|mergeCell/);
    expect(cleanedXml).toContain('<sheetData>');
  });
});

describe('import of CSV', () => {
  it('reads UTF-8 with a BOM, commas and the template’s Vietnamese headers', async () => {
    const csv =
      '\uFEFFMã cơ quan,Tên cơ quan,Có cổng thông tin điện tử,Tỷ lệ hồ sơ trực tuyến (%),Kế hoạch chuyển đổi số,Số cán bộ được đào tạo (người),Tỷ lệ xã kết nối mạng WAN (%)\r\n' +
      'tp-son-la,Thành phố Sơn La,Có,"90,5",Đã ban hành,8,100\r\n' +
      'so-tttt,Sở Thông tin và Truyền thông,,,,,\r\n';
    const result = await parseImport(Buffer.from(csv, 'utf8'), 'so-lieu.csv', compiled, agencies);
    expect(submissionsOf(result)).toEqual([
      {
        agency: agencies.find((a) => a.id === 'tp-son-la'),
        facts: { has_portal: true, online_rate: 90.5, plan_status: 'approved', staff_trained: 8, commune_rate: 100 },
      },
    ]);
  });

  it('reads semicolons and fact ids without a BOM, and reports problems by file name, row and column', async () => {
    const csv =
      'agency;has_portal;online_rate;plan_status;staff_trained;ext_connected\nso-noi-vu;1;70,25%;none;3;0\nban-dan-toc;Không;abc;none;3;0\n';
    const problems = problemsOf(await parseImport(Buffer.from(csv, 'utf8'), 'so-lieu.csv', compiled, agencies));
    expect(problems).toEqual([
      { sheet: 'so-lieu.csv', row: 3, column: 'C', message: { vi: expect.stringContaining('«abc» không hợp lệ'), en: expect.any(String) } },
    ]);
    const fixed = csv.replace('abc', '12.5');
    expect(submissionsOf(await parseImport(Buffer.from(fixed, 'utf8'), 'so-lieu.csv', compiled, agencies))[0]).toEqual({
      agency: agencies.find((a) => a.id === 'so-noi-vu'),
      facts: { has_portal: true, online_rate: 70.25, plan_status: 'none', staff_trained: 3, ext_connected: false },
    });
  });
});

describe('broken, oversized and foreign files are refused with a clear problem, never a crash', () => {
  const refused = async (buffer: Buffer, name: string, limits = DEFAULT_IMPORT_LIMITS) => {
    const problems = problemsOf(await parseImport(buffer, name, compiled, agencies, limits));
    expect(problems).toHaveLength(1);
    return problems[0].message.vi;
  };

  it('random bytes', async () => {
    let seed = 7;
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff));
    expect(await refused(bytes, 'du-lieu.xlsx')).toContain('không phải là tệp XLSX hợp lệ');
    expect(await refused(bytes, 'du-lieu.csv')).toContain('không phải CSV mã hóa UTF-8');
  });

  it('a truncated workbook', async () => {
    const full = await filledTemplate(fillValid);
    expect(await refused(full.subarray(0, Math.floor(full.length / 2)), 'mau.xlsx')).toContain('bị hỏng hoặc không đầy đủ');
  });

  it('an empty file and an empty CSV', async () => {
    expect(await refused(Buffer.alloc(0), 'mau.xlsx')).toContain('Tệp rỗng');
    expect(await refused(Buffer.from('\uFEFF\r\n', 'utf8'), 'trong.csv')).toContain('không có dữ liệu');
  });

  it('a CSV without our header row', async () => {
    expect(await refused(Buffer.from('a,b,c\n1,2,3\n'), 'khac.csv')).toContain('Không tìm thấy dòng tiêu đề');
  });

  it('an old .xls, a PDF and a zip that is not a workbook', async () => {
    expect(await refused(Buffer.from('d0cf11e0a1b11ae1000000000000000000', 'hex'), 'cu.xls')).toContain('.xls');
    expect(await refused(Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n\u0000\u0001', 'latin1'), 'bao-cao.pdf')).toMatch(/không phải/);
    const zip = new JSZip();
    zip.file('readme.txt', 'xin chào');
    expect(await refused(await zip.generateAsync({ type: 'nodebuffer' }), 'nen.zip')).toContain('không phải là bảng tính Excel');
  });

  it('a file over the size limit', async () => {
    const big = Buffer.alloc(DEFAULT_IMPORT_LIMITS.maxBytes + 1, 0x41);
    expect(await refused(big, 'lon.csv')).toContain('Tệp quá lớn');
  });

  it('a zip that unpacks to more than the limit', async () => {
    const full = await filledTemplate(fillValid);
    expect(await refused(full, 'mau.xlsx', { ...DEFAULT_IMPORT_LIMITS, maxUncompressed: 20_000 })).toContain('sau khi giải nén vượt quá');
    // A part whose declared size lies: inflation stops at the budget all the same.
    const bomb = zipWithLyingSize('xl/worksheets/sheet1.xml', Buffer.alloc(2_000_000, 0x20));
    expect(await refused(bomb, 'bom.xlsx', { ...DEFAULT_IMPORT_LIMITS, maxUncompressed: 100_000 })).toContain('vượt quá');
  });

  it('more data rows than allowed', async () => {
    const lines = ['agency,has_portal', ...agencies.map((a) => `${a.id},Có`)];
    expect(await refused(Buffer.from(lines.join('\n')), 'nhieu.csv', { ...DEFAULT_IMPORT_LIMITS, maxRows: 3 })).toContain('quá 3 dòng');
  });
});

/** A one-part zip whose directory claims the part is 10 bytes long. */
function zipWithLyingSize(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(10, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(10, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}
