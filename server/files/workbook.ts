// Reading an uploaded file into an exceljs workbook, whatever it is: our XLSX, someone else's XLSX,
// or a CSV from Excel or LibreOffice (UTF-8 with or without BOM, comma, semicolon or tab). Anything
// else, broken or too big, comes back as one problem saying so, never as an exception.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { fileProblem, type FileProblem } from './problem';
import { looksLikeZip, sanitizedWorkbook, unzip } from './zip';

export interface ReadLimits {
  maxBytes: number;
  maxUncompressed: number;
}

export type Loaded = { ok: true; kind: 'xlsx' | 'csv'; workbook: ExcelJS.Workbook } | { ok: false; problem: FileProblem };

const refuse = (vi: string, en: string): Loaded => ({ ok: false, problem: fileProblem(vi, en) });

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

const CSV_SHEET = 'CSV';

export async function loadWorkbook(buffer: Buffer, fileName: string, limits: ReadLimits): Promise<Loaded> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (buffer.length === 0) return refuse('Tệp rỗng (0 byte).', 'The file is empty (0 bytes).');
  if (buffer.length > limits.maxBytes)
    return refuse(
      `Tệp quá lớn (${mb(buffer.length)}); giới hạn là ${mb(limits.maxBytes)}. Hãy tách thành nhiều tệp.`,
      `The file is too large (${mb(buffer.length)}); the limit is ${mb(limits.maxBytes)}. Split it into several files.`,
    );
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0)
    return refuse(
      'Tệp Excel 97–2003 (.xls) hoặc tệp được bảo vệ bằng mật khẩu không được hỗ trợ; hãy lưu lại dưới dạng .xlsx (không đặt mật khẩu).',
      'Excel 97–2003 (.xls) and password-protected files are not supported; save the file as .xlsx without a password.',
    );
  if (looksLikeZip(buffer)) return loadXlsx(buffer, limits);
  if (ext === 'xlsx' || ext === 'xlsm')
    return refuse(
      'Tệp không phải là tệp XLSX hợp lệ (có thể bị hỏng hoặc chỉ được đổi tên). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.',
      'The file is not a valid XLSX workbook (it may be damaged or only renamed). Open it in Excel and save it as .xlsx.',
    );
  return loadCsv(buffer);
}

async function loadXlsx(buffer: Buffer, limits: ReadLimits): Promise<Loaded> {
  const unzipped = unzip(buffer, { maxUncompressed: limits.maxUncompressed, maxEntries: 5000 });
  if (!unzipped.ok) {
    switch (unzipped.reason) {
      case 'truncated':
      case 'corrupt':
      case 'notZip':
        return refuse(
          'Tệp XLSX bị hỏng hoặc không đầy đủ (có thể tải lên bị gián đoạn). Hãy mở bằng Excel, lưu lại và tải lên lần nữa.',
          'The XLSX file is damaged or incomplete (the upload may have been cut short). Open it in Excel, save it and upload it again.',
        );
      case 'encrypted':
        return refuse(
          'Tệp được mã hóa bằng mật khẩu; hãy bỏ mật khẩu rồi tải lên.',
          'The file is encrypted; remove the password and upload it again.',
        );
      case 'tooLarge':
        return refuse(
          `Nội dung tệp sau khi giải nén vượt quá ${mb(limits.maxUncompressed)}; hãy tách thành nhiều tệp.`,
          `The file's content exceeds ${mb(limits.maxUncompressed)} once unpacked; split it into several files.`,
        );
    }
  }
  if (!unzipped.entries.has('[Content_Types].xml') || ![...unzipped.entries.keys()].some((n) => n.startsWith('xl/')))
    return refuse('Tệp nén này không phải là bảng tính Excel (.xlsx).', 'This zip archive is not an Excel workbook (.xlsx).');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await sanitizedWorkbook(unzipped.entries)) as unknown as ExcelJS.Buffer);
  } catch {
    return refuse(
      'Không đọc được bảng tính: cấu trúc tệp XLSX không hợp lệ. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.',
      'The workbook cannot be read: its XLSX structure is invalid. Open it in Excel and save it as .xlsx.',
    );
  }
  return { ok: true, kind: 'xlsx', workbook };
}

/** The delimiter used most often (outside quotes) on the first line. */
function detectDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

async function loadCsv(buffer: Buffer): Promise<Loaded> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return refuse(
      'Tệp không phải XLSX, cũng không phải CSV mã hóa UTF-8. Trong Excel hãy chọn «Lưu thành» → «CSV UTF-8 (Comma delimited)» hoặc lưu dưới dạng .xlsx.',
      'The file is neither XLSX nor UTF-8 CSV. In Excel choose Save As → "CSV UTF-8 (Comma delimited)", or save it as .xlsx.',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters other than tab and line breaks mean a binary file (a PDF, an image…).
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text))
    return refuse('Tệp không phải là bảng tính XLSX hay CSV.', 'The file is not an XLSX or CSV spreadsheet.');
  if (text.trim() === '') return refuse('Tệp CSV không có dữ liệu.', 'The CSV file has no data.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.csv.read(Readable.from([text]), {
      sheetName: CSV_SHEET,
      parserOptions: { delimiter: detectDelimiter(text) },
      map: (value: unknown) => (value === '' ? null : value),
    });
  } catch (err) {
    return refuse(
      `Tệp CSV sai cấu trúc (${(err as Error).message}); kiểm tra các dấu ngoặc kép.`,
      `The CSV file is malformed (${(err as Error).message}); check the double quotes.`,
    );
  }
  return { ok: true, kind: 'csv', workbook };
}
