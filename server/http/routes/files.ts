// Spreadsheets and printable reports of a period: the import template, the all-or-nothing import of
// a filled template or CSV, the ranking as XLSX/CSV/PDF, and an agency's report card. The file
// formats live in server/files/; this module only finds the data, checks who asks, and writes.
import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import type { AppContext } from '../context';
import { overseers, readers } from '../assessment';
import { assertAgencyAccess, requireRole } from '../auth';
import { langOf } from '../problem';
import { compiledFor, viewsOf } from '../../assessment/compiled';
import { versionForPeriod } from '../../assessment/inputs';
import { currentRanking } from '../../assessment/rankings';
import { assertPeriodStatus, createSubmission, saveSubmission, submitSubmission } from '../../assessment/submissions';
import { type EvaluationView, rankEvaluations, type Ranking, type RuleSetVersion } from '../../engine';
import { engineAgencies } from '../../store/agencies';
import { recordAudit } from '../../store/audit';
import type { Queryable } from '../../store/db';
import { evaluationsByIds, latestPeriodBatch, listEvaluations, requireEvaluation } from '../../store/evaluations';
import { requirePeriod, type Period } from '../../store/periods';
import { publishedRankingOfPeriod } from '../../store/rankings';
import { submissionsOfPeriod } from '../../store/submissions';
import { requireVersion } from '../../store/versions';
import { exportRankingCsv } from '../../files/exportCsv';
import { exportRankingXlsx } from '../../files/exportXlsx';
import { DEFAULT_IMPORT_LIMITS, parseImport } from '../../files/import';
import { annexPdf, reportCardPdf } from '../../files/pdf';
import { fileProblem, problem, where, type FileProblem } from '../../files/problem';
import { buildTemplate } from '../../files/template';
import { Problem } from '../../problems/problem';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONTENT_TYPES = { xlsx: XLSX, csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;
type Format = keyof typeof CONTENT_TYPES;

/** Importing writes submissions: the evaluator (and the administrator) do it for the agencies. */
const importers = () => requireRole('evaluator', 'admin');

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
      reject(importProblem(req, code === 'LIMIT_FILE_SIZE' ? 'file-too-large' : 'invalid-upload', [message]));
    }),
  );
}

/** 4xx problem+json whose errors name the sheet, row and column of each problem. */
function importProblem(req: Request, code: 'import-refused' | 'file-too-large' | 'invalid-upload', problems: FileProblem[]): Problem {
  const lang = langOf(req);
  const n = problems.length;
  return new Problem(
    code,
    {
      vi: `Không nhập được tệp: ${n} lỗi. Không có dữ liệu nào được ghi.`,
      en: `The file was not imported: ${n} problem(s). Nothing was written.`,
    },
    undefined,
    {
      errors: problems.map((p) => ({
        sheet: p.sheet,
        row: p.row,
        column: p.column,
        path: where(p),
        message: p.message[lang],
        code: 'file',
      })),
    },
  );
}

/** "ket-qua-son-la-2021.xlsx": ASCII, so every browser keeps it. */
const attachment = (res: Response, type: string, name: string, body: Buffer) => {
  res
    .status(200)
    .set('Content-Type', type)
    .set('Content-Disposition', `attachment; filename="${name}"`)
    .set('Cache-Control', 'no-store')
    .send(body);
};

const slug = (period: Period) => `${period.ruleSet}-${period.year}`.replace(/[^A-Za-z0-9_-]/g, '-');

/** The period's result: the published snapshot once there is one, else the newest evaluation. */
async function periodResults(db: Queryable, period: Period, document: RuleSetVersion): Promise<{ ranking: Ranking; evaluations: EvaluationView[] }> {
  const published = await publishedRankingOfPeriod(db, period.id);
  if (published?.ranking) {
    const stored = await evaluationsByIds(db, published.evaluationIds);
    return { ranking: published.ranking, evaluations: viewsOf(document, stored.map((e) => e.result)) };
  }
  const ranking = await currentRanking(db, period.id);
  const batch = await latestPeriodBatch(db, period.id, period.versionId);
  const { periodId: _p, versionId: _v, batchId: _b, evaluatedAt: _a, stale: _s, ...plain } = ranking;
  return { ranking: plain, evaluations: viewsOf(document, batch.map((e) => e.result)) };
}

export function routes(ctx: AppContext): Router {
  const router = Router();

  router.get('/periods/:id/template.xlsx', readers(), async (req, res) => {
    const period = await requirePeriod(ctx.db, req.params.id as string);
    const { document } = await versionForPeriod(ctx.db, period);
    let agencies = await engineAgencies(ctx.db, period.ruleSet);
    // An agency user gets a template with its own row only.
    if (req.user.role === 'agency') agencies = agencies.filter((a) => a.id === req.user.agencyId);
    const buffer = await buildTemplate(document, compiledFor(document).hash, agencies, { id: period.id, title: period.title });
    attachment(res, XLSX, `mau-nhap-${slug(period)}.xlsx`, buffer);
  });

  router.post('/periods/:id/import', importers(), async (req, res) => {
    const period = await requirePeriod(ctx.db, req.params.id as string);
    assertPeriodStatus(period, ['open'], { vi: 'nhập số liệu từ tệp', en: 'import a file' });
    const file = await receiveFile(req, res);
    const { document } = await versionForPeriod(ctx.db, period);
    const agencies = await engineAgencies(ctx.db, period.ruleSet);
    const parsed = await parseImport(file.buffer, file.originalname, document, compiledFor(document).hash, agencies, {
      evaluatorFacts: 'refuse',
    });
    if ('problems' in parsed) throw importProblem(req, 'import-refused', parsed.problems);

    // A submission the agency has already submitted is not overwritten by a file.
    const existing = new Map(
      (await submissionsOfPeriod(ctx.db, period.id, ['draft', 'submitted', 'appraised'])).map((s) => [s.agencyId, s]),
    );
    const refused = parsed.submissions.flatMap((s, i) => {
      const before = existing.get(s.agency.id);
      if (!before || before.status === 'draft') return [];
      const { sheet, row } = parsed.rows[i];
      return [
        problem(
          sheet,
          row,
          null,
          `${s.agency.name} đã nộp bản tự đánh giá (trạng thái "${before.status}"); số liệu đã nộp không bị ghi đè bằng tệp.`,
          `${s.agency.name} has already submitted (status "${before.status}"); submitted data is not overwritten by a file.`,
        ),
      ];
    });
    if (refused.length) throw importProblem(req, 'import-refused', refused);

    // One transaction: any failure leaves every submission as it was.
    let current = -1;
    const actor = req.user.username;
    try {
      const counts = await ctx.db.transaction(async (tx) => {
        let created = 0;
        for (const [i, s] of parsed.submissions.entries()) {
          current = i;
          const before = existing.get(s.agency.id);
          if (before) {
            const saved = await saveSubmission(tx, before.id, before.etag, s.facts, actor);
            await submitSubmission(tx, saved.id, actor, saved.etag);
          } else {
            await createSubmission(tx, { periodId: period.id, agencyId: s.agency.id, facts: s.facts }, actor, { submit: true });
            created++;
          }
        }
        await recordAudit(tx, {
          actor,
          action: 'import',
          resource: 'periods',
          resourceId: period.id,
          after: {
            fileName: file.originalname,
            size: file.size,
            sha256: createHash('sha256').update(file.buffer).digest('hex'),
            agencies: parsed.submissions.map((s) => s.agency.id),
          },
        });
        return { created, updated: parsed.submissions.length - created };
      });
      res.json({ imported: parsed.submissions.length, ...counts });
    } catch (err) {
      if (!(err instanceof Problem) || current < 0) throw err;
      const { sheet, row } = parsed.rows[current];
      const detail = [err.detail, ...(err.errors ?? []).map((f) => f.message)];
      throw importProblem(
        req,
        'import-refused',
        detail.map((m) => problem(sheet, row, null, m.vi, m.en)),
      );
    }
  });

  router.get('/periods/:id/export', overseers(), async (req, res) => {
    const format = (req.query.format ?? 'xlsx') as Format;
    if (typeof format !== 'string' || !(format in CONTENT_TYPES)) {
      const message = { vi: 'Định dạng phải là xlsx, csv hoặc pdf.', en: 'The format must be xlsx, csv or pdf.' };
      throw new Problem('invalid-format', message, [{ severity: 'error', path: '/format', code: 'invalid-format', message }]);
    }
    const period = await requirePeriod(ctx.db, req.params.id as string);
    const { document } = await versionForPeriod(ctx.db, period);
    const { ranking, evaluations } = await periodResults(ctx.db, period, document);
    const input = { version: document, ranking, evaluations, periodTitle: period.title };
    const semicolon = req.query.delimiter === 'semicolon';
    const body =
      format === 'xlsx'
        ? await exportRankingXlsx(input)
        : format === 'csv'
          ? exportRankingCsv(input, { delimiter: semicolon ? ';' : ',' })
          : await annexPdf(input);
    attachment(res, CONTENT_TYPES[format], `ket-qua-${slug(period)}.${format}`, body);
  });

  router.get('/evaluations/:id/report.pdf', readers(), async (req, res) => {
    const stored = await requireEvaluation(ctx.db, req.params.id as string);
    assertAgencyAccess(req, stored.agencyId);
    const period = await requirePeriod(ctx.db, stored.periodId);
    const version = await requireVersion(ctx.db, stored.versionId);
    // The rank among the other agencies of the same batch: for staff, and for agencies once published.
    let ranking: Ranking | undefined;
    if (stored.batchKind === 'period' && (req.user.role !== 'agency' || period.status === 'published')) {
      const { rows } = await listEvaluations(ctx.db, { batchId: stored.batchId }, { orderBy: 'e.seq', order: 'ASC', offset: 0, limit: 10_000 });
      const batch = await evaluationsByIds(ctx.db, rows.map((r) => r.id));
      ranking = rankEvaluations(compiledFor(version.document), batch.map((e) => e.result));
    }
    const body = await reportCardPdf({ version: version.document, evaluation: viewsOf(version.document, [stored.result])[0], ranking, periodTitle: period.title });
    attachment(res, CONTENT_TYPES.pdf, `phieu-ket-qua-${stored.agencyId}-${period.year}.pdf`, body);
  });

  return router;
}
