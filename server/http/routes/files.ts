// Spreadsheets and printable reports of a period: the import template, the all-or-nothing import of
// a filled template or CSV, the ranking as XLSX/CSV/PDF, and an agency's report card: the upload
// read, the service called (services/files.ts), the file sent.
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import type { AppContext } from '../context';
import { allow } from '../auth';
import { download, form, query, responds } from '../declare';
import { DEFAULT_IMPORT_LIMITS } from '../../files/import';
import { fileProblem } from '../../files/problem';
import {
  EXPORT_FORMATS,
  exportRanking,
  type ExportFormat,
  importFile,
  importProblem,
  type NamedFile,
  reportCard,
  templateFor,
} from '../../services/files';
import { Problem } from '../../problems/problem';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV = 'text/csv';
export const PDF = 'application/pdf';
export const CONTENT_TYPES: Record<ExportFormat, string> = { xlsx: XLSX, csv: `${CSV}; charset=utf-8`, pdf: PDF };

const upload = multer({
  storage: multer.memoryStorage(),
  // One byte more than the import accepts, so that parseImport itself says the file is too large.
  limits: { fileSize: DEFAULT_IMPORT_LIMITS.maxBytes + 1, files: 1, fields: 0, parts: 1 },
  defParamCharset: 'utf8',
}).single('file');

function receiveFile(req: Request, res: Response): Promise<Express.Multer.File> {
  return new Promise((resolve, reject) =>
    upload(req, res, (err: unknown) => {
      if (!err && req.file) return resolve(req.file);
      const code = (err as { code?: string } | undefined)?.code;
      const message =
        code === 'LIMIT_FILE_SIZE'
          ? fileProblem(
              `Tệp quá lớn; giới hạn là ${DEFAULT_IMPORT_LIMITS.maxBytes / 1024 / 1024} MB. Hãy tách thành nhiều tệp.`,
              `The file is too large; the limit is ${DEFAULT_IMPORT_LIMITS.maxBytes / 1024 / 1024} MB. Split it into several files.`,
            )
          : fileProblem(
              'Cần gửi đúng một tệp XLSX hoặc CSV trong trường "file" (multipart/form-data).',
              'Send exactly one XLSX or CSV file in the "file" field (multipart/form-data).',
            );
      reject(importProblem(code === 'LIMIT_FILE_SIZE' ? 'file-too-large' : 'invalid-upload', [message]));
    }),
  );
}

export const attachment = (res: Response, type: string, file: NamedFile) => {
  res
    .status(200)
    .set('Content-Type', type)
    .set('Content-Disposition', `attachment; filename="${file.name}"`)
    .set('Cache-Control', 'no-store')
    .send(file.body);
};

const importForm = form({ file: { type: 'string', format: 'binary', description: 'A filled template (.xlsx) or a CSV' } }, ['file']);
export const exportQuery = query({
  format: { schema: { enum: [...EXPORT_FORMATS], default: 'xlsx' }, description: 'The ranking as a workbook, a CSV or the PDF annex' },
  delimiter: {
    schema: { enum: ['comma', 'semicolon'], default: 'comma' },
    description: 'The CSV separator (semicolon for Excel in locales with decimal commas)',
  },
});

/** The format and CSV separator of an export, as `exportQuery` declares them. */
export function exportOptions(req: Request): { format: ExportFormat; semicolon: boolean } {
  const format = req.query.format ?? 'xlsx';
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    const message = { vi: 'Định dạng phải là xlsx, csv hoặc pdf.', en: 'The format must be xlsx, csv or pdf.' };
    throw new Problem('invalid-format', message, [{ severity: 'error', path: '/query/format', code: 'invalid-format', message }]);
  }
  const delimiter = req.query.delimiter ?? 'comma';
  if (delimiter !== 'comma' && delimiter !== 'semicolon') {
    const message = { vi: 'Dấu phân cách phải là comma hoặc semicolon.', en: 'The delimiter must be comma or semicolon.' };
    throw new Problem('invalid-format', message, [{ severity: 'error', path: '/query/delimiter', code: 'invalid-format', message }]);
  }
  return { format: format as ExportFormat, semicolon: delimiter === 'semicolon' };
}

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/periods/:id/template.xlsx', allow('periods', 'template'), download(XLSX), async (req, res) => {
    attachment(res, XLSX, await templateFor(ctx.db, req.user, req.params.id as string));
  });

  router.post('/periods/:id/import', allow('periods', 'import'), importForm, responds(200, 'ImportResult'), async (req, res) => {
    const file = await receiveFile(req, res);
    res.json(await importFile(ctx.db, req.user, req.params.id as string, file));
  });

  router.get('/periods/:id/export', allow('periods', 'export'), exportQuery, download(XLSX, CSV, PDF), async (req, res) => {
    const { format, semicolon } = exportOptions(req);
    attachment(res, CONTENT_TYPES[format], await exportRanking(ctx.db, req.params.id as string, format, { semicolon }));
  });

  router.get('/evaluations/:id/report.pdf', allow('evaluations', 'report'), download(PDF), async (req, res) => {
    attachment(res, CONTENT_TYPES.pdf, await reportCard(ctx.db, req.user, req.params.id as string));
  });

  return router;
}
