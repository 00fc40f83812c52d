// A period's spreadsheets and printable reports: the import template, the all-or-nothing import of
// a filled template or CSV, the ranking as XLSX/CSV/PDF and an agency's report card. The file
// formats live in server/files/; this module finds the data, applies the workflow's rules, writes.
import { createHash } from 'node:crypto';
import {
  assignCohort,
  evidenceMissing,
  type EvaluationView,
  type Fact,
  type FactValue,
  formatNumber,
  rankEvaluations,
  type Ranking,
  type RuleSetVersion,
  walkNodes,
} from '../engine';
import { APPRAISAL_SORT, listAppraisals } from '../store/appraisals';
import type { Db, Queryable } from '../store/db';
import { engineAgencies } from '../store/agencies';
import { recordAudit } from '../store/audit';
import { batchEvaluations, evaluationsByIds, latestPeriodBatch, requireEvaluation } from '../store/evaluations';
import { requirePeriod, type Period } from '../store/periods';
import { publishedRankingOfPeriod, requirePublishedRanking, type PublishedRanking, type RankingDecision } from '../store/rankings';
import { submissionsOfPeriod } from '../store/submissions';
import { exportRankingCsv } from '../files/exportCsv';
import { exportRankingXlsx, type ExportInput } from '../files/exportXlsx';
import { parseImport } from '../files/import';
import { annexPdf, reportCardPdf } from '../files/pdf';
import type { AppraisalLine } from '../files/pdfReportCard';
import { problem, where, type FileProblem } from '../files/problem';
import { buildTemplate } from '../files/template';
import { Problem } from '../problems/problem';
import { assertAgencyAccess, type Actor } from './actor';
import { loadVersion, periodVersion, viewsOf, type LoadedVersion } from './compiled';
import { currentRanking } from './rankings';
import { assertPeriodStatus, createSubmission, saveSubmission, submitSubmission } from './submissions';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface NamedFile {
  /** "ket-qua-son-la-2021.xlsx": ASCII, so every browser keeps it. */
  name: string;
  body: Buffer;
}

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

const slug = (period: Period) => `${period.ruleSet}-${period.year}`.replace(/[^A-Za-z0-9_-]/g, '-');

/** A refused file: every problem named by its sheet, row and column; nothing was written. */
export function importProblem(code: 'import-refused' | 'file-too-large' | 'invalid-upload', problems: FileProblem[]): Problem {
  const n = problems.length;
  return new Problem(
    code,
    {
      vi: `Không nhập được tệp: ${n} lỗi. Không có dữ liệu nào được ghi.`,
      en: `The file was not imported: ${n} problem(s). Nothing was written.`,
    },
    problems.map((p) => ({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      severity: 'error',
      path: where(p),
      message: p.message,
      code: 'file',
    })),
  );
}

/** The template an agency or the evaluator fills in; an agency user's holds its own row only. */
export async function templateFor(db: Queryable, actor: Actor, periodId: string): Promise<NamedFile> {
  const period = await requirePeriod(db, periodId);
  const { compiled } = await periodVersion(db, period);
  let agencies = await engineAgencies(db, period.ruleSet);
  if (actor.role === 'agency') agencies = agencies.filter((a) => a.id === actor.agencyId);
  return { name: `mau-nhap-${slug(period)}.xlsx`, body: await buildTemplate(compiled, agencies, { id: period.id, title: period.title }) };
}

/** Checks a whole file before writing anything; then writes every row in one transaction, or none. */
export async function importFile(db: Db, actor: Actor, periodId: string, file: UploadedFile) {
  const period = await requirePeriod(db, periodId);
  assertPeriodStatus(period, ['open'], { vi: 'nhập số liệu từ tệp', en: 'import a file' });
  const { compiled } = await periodVersion(db, period);
  const agencies = await engineAgencies(db, period.ruleSet);
  const parsed = await parseImport(file.buffer, file.originalname, compiled, agencies, { evaluatorFacts: 'refuse' });
  if ('problems' in parsed) throw importProblem('import-refused', parsed.problems);

  // A submission the agency has already submitted is not overwritten by a file.
  const existing = new Map((await submissionsOfPeriod(db, period.id, ['draft', 'submitted', 'appraised'])).map((s) => [s.agencyId, s]));
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
  if (refused.length) throw importProblem('import-refused', refused);

  let current = -1;
  try {
    const counts = await db.transaction(async (tx) => {
      let created = 0;
      // A file carries figures, not evidence: a row still lacking evidence the version requires is
      // saved as a draft, named in the answer, for the agency to complete and submit.
      const drafts: { agencyId: string; agencyName: string; missing: string[] }[] = [];
      for (const [i, s] of parsed.submissions.entries()) {
        current = i;
        const before = existing.get(s.agency.id);
        const saved = before
          ? await saveSubmission(tx, before.id, before.etag, s.facts, actor)
          : await createSubmission(tx, { periodId: period.id, agencyId: s.agency.id, facts: s.facts }, actor);
        if (!before) created++;
        const { cohort } = assignCohort(compiled, s.agency);
        const missing = evidenceMissing(compiled.version, cohort, saved.evidence).map((f) => f.id);
        if (missing.length) drafts.push({ agencyId: s.agency.id, agencyName: s.agency.name, missing });
        else await submitSubmission(tx, saved.id, actor, saved.etag);
      }
      await recordAudit(tx, {
        actor: actor.username,
        action: 'import',
        resource: 'periods',
        resourceId: period.id,
        after: {
          fileName: file.originalname,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          agencies: parsed.submissions.map((s) => s.agency.id),
          drafts: drafts.map((d) => d.agencyId),
        },
      });
      return { created, updated: parsed.submissions.length - created, submitted: parsed.submissions.length - drafts.length, drafts };
    });
    return { imported: parsed.submissions.length, ...counts };
  } catch (err) {
    // A row refused while writing is reported at its place in the file, like the checks before.
    if (!(err instanceof Problem) || current < 0) throw err;
    const { sheet, row } = parsed.rows[current];
    throw importProblem(
      'import-refused',
      [err.detail, ...(err.errors ?? []).map((f) => f.message)].map((m) => problem(sheet, row, null, m.vi, m.en ?? m.vi)),
    );
  }
}

/** The stored decision as the exports print it; "KT." in the signer's title is a deputy signing for the head. */
const exportedDecision = (d: RankingDecision): NonNullable<ExportInput['decision']> => ({
  number: d.number,
  date: d.date,
  issuer: d.issuer,
  signer: { name: d.signerName, title: d.signerTitle, deputy: /^KT\./iu.test(d.signerTitle) },
});

/** A published ranking with the evaluations it was ranked from, as a person reads them, and the decision that approved it. */
export async function publishedResults(
  db: Queryable,
  published: PublishedRanking,
  loaded: LoadedVersion,
): Promise<Pick<ExportInput, 'ranking' | 'evaluations' | 'decision'> & { auditAnchor: { id: number; hash: string } | null }> {
  const stored = await evaluationsByIds(db, published.evaluationIds);
  return {
    ranking: published.ranking!,
    evaluations: viewsOf(
      loaded.compiled,
      stored.map((e) => e.result),
    ),
    auditAnchor: published.auditAnchor,
    ...(published.decision ? { decision: exportedDecision(published.decision) } : {}),
  };
}

/** The period's result: the published snapshot in force once there is one, else the newest evaluation. */
async function periodResults(
  db: Queryable,
  period: Period,
  loaded: LoadedVersion,
): Promise<{
  ranking: Ranking;
  evaluations: EvaluationView[];
  auditAnchor?: { id: number; hash: string } | null;
  decision?: ExportInput['decision'];
}> {
  const published = await publishedRankingOfPeriod(db, period.id);
  if (published?.ranking) return publishedResults(db, published, loaded);
  const ranking = await currentRanking(db, period.id);
  const batch = await latestPeriodBatch(db, period.id, period.versionId);
  const { periodId: _p, versionId: _v, batchId: _b, evaluatedAt: _a, stale: _s, ...plain } = ranking;
  return {
    ranking: plain,
    evaluations: viewsOf(
      loaded.compiled,
      batch.map((e) => e.result),
    ),
  };
}

/** The ranking as a workbook, a CSV (comma or semicolon) or the PDF annex. */
export async function exportRanking(
  db: Queryable,
  periodId: string,
  format: ExportFormat,
  options: { semicolon?: boolean; criteria?: boolean } = {},
): Promise<NamedFile> {
  const period = await requirePeriod(db, periodId);
  const loaded = await periodVersion(db, period);
  const { ranking, evaluations, auditAnchor, decision } = await periodResults(db, period, loaded);
  const input = { version: loaded.version.document, ranking, evaluations, periodTitle: period.title, auditAnchor, decision };
  const body =
    format === 'xlsx'
      ? await exportRankingXlsx(input, { criteria: options.criteria })
      : format === 'csv'
        ? exportRankingCsv(input, { delimiter: options.semicolon ? ';' : ',' })
        : await annexPdf(input);
  return { name: `ket-qua-${slug(period)}.${format}`, body };
}

/**
 * A published ranking for anyone, without signing in: the files staff download, less the workbook's
 * sheet of criteria, whose explanations quote the figures agencies reported.
 */
export async function exportPublishedRanking(
  db: Queryable,
  rankingId: string,
  format: ExportFormat,
  options: { semicolon?: boolean } = {},
): Promise<NamedFile> {
  const published = await requirePublishedRanking(db, rankingId);
  return exportRanking(db, published.periodId, format, { ...options, criteria: false });
}

const valueText = (v: FactValue | null, fact?: Fact): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return `${formatNumber(v, 'vi')}${fact?.unit ? ` ${fact.unit.vi}` : ''}`;
  return fact?.options?.find((o) => o.value === v)?.label.vi ?? String(v);
};

const REPLY_WORDS = { accept: 'Cơ quan đồng ý', keep: 'Giữ nguyên', revise: 'Điều chỉnh' } as const;

/** The appraisal of a submission in words, oldest first, each change with the agency's answer and its resolution. */
async function appraisalLines(db: Queryable, submissionId: string, version: RuleSetVersion): Promise<AppraisalLine[]> {
  const { rows } = await listAppraisals(db, { submissionId }, { orderBy: APPRAISAL_SORT.at, order: 'ASC', offset: 0, limit: 10_000 });
  const nodes = new Map([...walkNodes(version.criteria)].map(({ node }) => [node.code, node]));
  return rows.map((a) => {
    const fact = a.fact !== null ? version.facts.find((f) => f.id === a.fact) : undefined;
    const node = a.criterion !== null ? nodes.get(a.criterion) : undefined;
    const r = a.reply;
    const answer = !r ? '—' : r.response === 'accept' ? REPLY_WORDS.accept : `Cơ quan phản hồi: ${r.text}`;
    const resolution = r?.outcome ? ` ${REPLY_WORDS[r.outcome]}: ${r.outcomeReason}` : r?.response === 'reply' ? ' (chưa giải quyết)' : '';
    return a.criterion !== null
      ? {
          subject: `${a.criterion} ${node?.title.vi ?? ''}`.trim(),
          from: a.previousValue === true ? '0 điểm' : 'Chấm điểm',
          to: a.appraisedValue === true ? '0 điểm (thiếu tài liệu kiểm chứng)' : 'Chấm điểm bình thường',
          reason: a.reason,
          reply: answer + resolution,
        }
      : {
          subject: fact?.label.vi ?? a.fact!,
          from: valueText(a.agencyValue, fact),
          to: valueText(a.appraisedValue, fact),
          reason: a.reason,
          reply: answer + resolution,
        };
  });
}

/** An agency's report card; its rank among the batch for staff, and for the agency once published. */
export async function reportCard(db: Queryable, actor: Actor, evaluationId: string): Promise<NamedFile> {
  const stored = await requireEvaluation(db, evaluationId);
  assertAgencyAccess(actor, stored.agencyId);
  const period = await requirePeriod(db, stored.periodId);
  const { version, compiled } = await loadVersion(db, stored.versionId);
  let ranking: Ranking | undefined;
  if (stored.batchKind === 'period' && (actor.role !== 'agency' || period.status === 'published')) {
    const batch = await batchEvaluations(db, stored.batchId);
    ranking = rankEvaluations(
      compiled,
      batch.map((e) => e.result),
    );
  }
  const body = await reportCardPdf({
    version: version.document,
    evaluation: viewsOf(compiled, [stored.result])[0],
    ranking,
    periodTitle: period.title,
    appraisals: await appraisalLines(db, stored.submissionId, version.document),
  });
  return { name: `phieu-ket-qua-${stored.agencyId}-${period.year}.pdf`, body };
}
