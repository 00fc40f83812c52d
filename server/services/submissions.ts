// An agency's self-assessment through its life: created and saved as drafts while the period is
// open (each save a revision, checked against the facts of the pinned version), then submitted.
// Drafts may be incomplete; submitting needs every required fact. Each function reads each row it
// needs once, and checks that the caller may reach the agency's data.
import {
  type Bilingual,
  type CompiledVersion,
  deriveSubmissionSchema,
  evidenceMissing,
  type Finding,
  hasErrors,
  validateSubmission,
} from '../engine';
import type { Queryable, Tx } from '../store/db';
import { requireAgency, toEngineAgency, type Agency } from '../store/agencies';
import { recordAudit } from '../store/audit';
import type { Page } from '../store/sql';
import { requirePeriod, type Period } from '../store/periods';
import {
  insertSubmission,
  listRevisions,
  listSubmissions,
  requireSubmission,
  reviseSubmission,
  staleSubmission,
  type Facts,
  type Submission,
  type SubmissionFilter,
  type SubmissionStatus,
} from '../store/submissions';
import { assertAgencyAccess, scopedAgency, type Actor } from './actor';
import { cohortFor, periodVersion } from './compiled';
import { cohortMembers } from './agencies';
import { assertRuleSetFilter, badFilter, named } from './listFilters';
import { fieldProblem, Problem } from '../problems/problem';
import { assertSelfAssessmentOpen } from './schedule';

export { REVISION_SORT, SUBMISSION_SORT, type Submission, type SubmissionStatus } from '../store/submissions';

/** What an audit entry keeps of a submission. */
const auditedSubmission = (s: Submission) => ({
  periodId: s.periodId,
  agencyId: s.agencyId,
  status: s.status,
  revision: s.revision,
  facts: s.facts,
  appraisedFacts: s.appraisedFacts,
  evidence: s.evidence.map((e) => e.id),
});

export function assertPeriodStatus(period: Period, allowed: Period['status'][], action: Bilingual): void {
  if (allowed.includes(period.status)) return;
  throw new Problem('period-status', {
    vi: `Không thể ${action.vi}: kỳ đánh giá "${period.title}" đang ở trạng thái "${period.status}" (cần: ${allowed.join(', ')}).`,
    en: `Cannot ${action.en}: period "${period.title}" is ${period.status} (needs: ${allowed.join(', ')}).`,
  });
}

export function assertSubmissionStatus(s: Submission, allowed: SubmissionStatus[], action: Bilingual): void {
  if (allowed.includes(s.status)) return;
  throw new Problem('submission-status', {
    vi: `Không thể ${action.vi}: bản tự đánh giá của ${s.agencyName} đang ở trạng thái "${s.status}" (cần: ${allowed.join(', ')}).`,
    en: `Cannot ${action.en}: the submission of ${s.agencyName} is ${s.status} (needs: ${allowed.join(', ')}).`,
  });
}

export interface FactCheck {
  compiled: CompiledVersion;
  cohort: string | null;
  findings: Finding[];
}

/**
 * The facts against the schema derived from the version, for the agency's cohort. A draft may leave
 * facts out; `complete` also requires every required fact. Facts the evaluator enters (manual
 * scores, appraisal-only data) are refused here: they come in through appraisals.
 */
function checkFacts(compiled: CompiledVersion, agency: Agency, facts: Facts, complete: boolean): FactCheck {
  const document = compiled.version;
  const { cohort } = cohortFor(compiled, agency);
  const found = validateSubmission(document, { agency: toEngineAgency(agency), facts }, { cohort });
  const findings = complete ? found : found.filter((f) => f.code !== 'missing-fact');
  for (const fact of document.facts) {
    if (fact.enteredBy === 'evaluator' && Object.prototype.hasOwnProperty.call(facts, fact.id)) {
      findings.push({
        severity: 'error',
        path: `/facts/${fact.id}`,
        code: 'evaluator-fact',
        message: {
          vi: `"${fact.label.vi}" (${fact.id}) do cán bộ thẩm định nhập khi thẩm định, cơ quan không tự khai.`,
          en: `"${fact.label.en ?? fact.label.vi}" (${fact.id}) is entered by the evaluator during appraisal, not by the agency.`,
        },
      });
    }
  }
  return { compiled, cohort, findings };
}

/** Checks the facts under the period's pinned version and refuses them when any is wrong. */
async function assertValidFacts(db: Queryable, period: Period, agency: Agency, facts: Facts, complete: boolean): Promise<FactCheck> {
  const { compiled } = await periodVersion(db, period);
  const check = checkFacts(compiled, agency, facts, complete);
  assertValid(check, agency);
  return check;
}

/**
 * What the version says must be shown and is not: each fact marked `evidence: "required"` needs a
 * file, a link or a written explanation filed under it (an explanation the evaluator then accepts or
 * rejects during appraisal).
 */
function missingEvidence(check: FactCheck, evidence: readonly { key: string }[]): Finding[] {
  return evidenceMissing(check.compiled.version, check.cohort, evidence).map((f) => ({
    severity: 'error',
    path: `/evidence/${f.id}`,
    code: 'evidence-missing',
    message: {
      vi: `Thiếu tài liệu kiểm chứng cho "${f.label.vi}"`,
      en: `No evidence for "${f.label.en ?? f.label.vi}"`,
    },
  }));
}

function assertEvidenceFiled(check: FactCheck, evidence: readonly { key: string }[], agency: Agency): void {
  const missing = missingEvidence(check, evidence);
  if (!missing.length) return;
  throw new Problem(
    'evidence-missing',
    {
      vi: `Chưa nộp được bản tự đánh giá của ${agency.name}: còn thiếu tài liệu kiểm chứng cho ${missing.length} nội dung. Hãy đính kèm tệp hoặc đường dẫn, hoặc ghi giải trình thay thế.`,
      en: `The submission of ${agency.name} cannot be submitted: ${missing.length} item(s) have no evidence. Attach a file or a link, or write an explanation instead.`,
    },
    missing,
  );
}

function assertValid(check: FactCheck, agency: Agency): void {
  if (!hasErrors(check.findings)) return;
  const errors = check.findings.filter((f) => f.severity === 'error');
  throw new Problem(
    'invalid-submission',
    {
      vi: `Bản tự đánh giá của ${agency.name} có ${errors.length} lỗi so với bộ chỉ số ${check.compiled.version.ruleSet} ${check.compiled.version.version}.`,
      en: `The submission of ${agency.name} has ${errors.length} error(s) against rule set ${check.compiled.version.ruleSet} ${check.compiled.version.version}.`,
    },
    errors,
  );
}

function assertAgencyInPeriod(period: Period, agency: Agency): void {
  if (agency.active && agency.ruleSets.includes(period.ruleSet)) return;
  throw new Problem(
    'agency-not-assessed',
    {
      vi: `Cơ quan ${agency.name} không thuộc diện đánh giá theo bộ chỉ số "${period.ruleSet}"${agency.active ? '' : ' (đã ngừng hoạt động)'}.`,
      en: `Agency ${agency.name} is not assessed under rule set "${period.ruleSet}"${agency.active ? '' : ' (inactive)'}.`,
    },
    [
      {
        severity: 'error',
        path: '/agencyId',
        code: 'agency-not-assessed',
        message: { vi: 'Cơ quan không thuộc diện đánh giá', en: 'Agency not assessed' },
      },
    ],
  );
}

export interface CreateSubmissionInput {
  periodId: string;
  /** Absent for an agency user: its own agency. */
  agencyId?: string;
  facts: Facts;
}

const agencyRequired = () => fieldProblem('agency-required', '/agencyId', { vi: 'Cần chọn cơ quan.', en: 'The agency is required.' });

/** A new draft (or, from a file import, a submitted submission) for an agency assessed in an open period. */
export async function createSubmission(
  tx: Tx,
  input: CreateSubmissionInput,
  actor: Actor,
  options: { submit?: boolean; demo?: boolean } = {},
): Promise<Submission> {
  const agencyId = input.agencyId ?? (actor.role === 'agency' ? actor.agencyId : null);
  if (!agencyId) throw agencyRequired();
  assertAgencyAccess(actor, agencyId);
  const period = await requirePeriod(tx, input.periodId);
  assertPeriodStatus(period, ['open'], { vi: 'tạo bản tự đánh giá', en: 'create a submission' });
  assertSelfAssessmentOpen(period, actor);
  const agency = await requireAgency(tx, agencyId);
  assertAgencyInPeriod(period, agency);
  const check = await assertValidFacts(tx, period, agency, input.facts, options.submit ?? false);
  // A new submission has no evidence yet: submitting it at once works only where none is required.
  if (options.submit) assertEvidenceFiled(check, [], agency);
  const created = await insertSubmission(
    tx,
    { periodId: period.id, agencyId: agency.id, facts: input.facts, status: options.submit ? 'submitted' : 'draft', demo: options.demo },
    actor.username,
  );
  await recordAudit(tx, {
    actor: actor.username,
    action: 'create',
    resource: 'submissions',
    resourceId: created.id,
    after: auditedSubmission(created),
  });
  return created;
}

/** A submission the caller may see (404 when missing, 403 for another agency's). */
export async function submissionFor(db: Queryable, actor: Actor, id: string, lock = false): Promise<Submission> {
  const submission = await requireSubmission(db, id, lock);
  assertAgencyAccess(actor, submission.agencyId);
  return submission;
}

export interface SubmissionListFilter extends Omit<SubmissionFilter, 'agencyIds'> {
  /** Submissions of agencies in this cohort under the period's version (needs `periodId`). */
  cohort?: string;
}

export async function listSubmissionsFor(db: Queryable, actor: Actor, { cohort, ...filter }: SubmissionListFilter, page: Page) {
  await assertRuleSetFilter(db, filter.ruleSet);
  let agencyIds: string[] | undefined;
  if (cohort !== undefined) {
    const periodId = filter.periodId;
    if (periodId === undefined) {
      throw badFilter('cohort', { vi: 'cần kèm kỳ đánh giá (periodId) để biết khối', en: 'needs a period (periodId) to tell the cohort' });
    }
    const period = await named('periodId', periodId, () => requirePeriod(db, periodId));
    agencyIds = await cohortMembers(db, await periodVersion(db, period), cohort);
  }
  return listSubmissions(db, { ...filter, agencyIds, agencyId: scopedAgency(actor, filter.agencyId) }, page);
}

export async function revisionsOf(db: Queryable, actor: Actor, id: string, page: Page) {
  const submission = await submissionFor(db, actor, id);
  return listRevisions(db, submission.id, page);
}

/** The JSON Schema of a submission's facts, for the agency's cohort under the pinned version. */
export async function submissionSchemaOf(db: Queryable, actor: Actor, id: string) {
  const submission = await submissionFor(db, actor, id);
  const period = await requirePeriod(db, submission.periodId);
  const { compiled } = await periodVersion(db, period);
  const { cohort } = cohortFor(compiled, await requireAgency(db, submission.agencyId));
  return { cohort, schema: deriveSubmissionSchema(compiled.version, { cohort }) };
}

/** Saves the agency's facts as a new revision, if `etag` is still current. */
export async function saveSubmission(tx: Tx, id: string, etag: string, facts: Facts, actor: Actor): Promise<Submission> {
  const before = await submissionFor(tx, actor, id, true);
  if (before.etag !== etag) throw staleSubmission();
  const period = await requirePeriod(tx, before.periodId);
  assertPeriodStatus(period, ['open'], { vi: 'sửa bản tự đánh giá', en: 'edit the submission' });
  assertSubmissionStatus(before, ['draft'], { vi: 'sửa bản tự đánh giá đã nộp', en: 'edit a submitted submission' });
  assertSelfAssessmentOpen(period, actor);
  const agency = await requireAgency(tx, before.agencyId);
  await assertValidFacts(tx, period, agency, facts, false);
  const after = await reviseSubmission(tx, before, etag, { facts }, 'update', actor.username);
  await recordAudit(tx, {
    actor: actor.username,
    action: 'update',
    resource: 'submissions',
    resourceId: id,
    before: auditedSubmission(before),
    after: auditedSubmission(after),
  });
  return after;
}

/** draft → submitted, once every required fact has a valid value and the evidence the version requires is filed. */
export async function submitSubmission(tx: Tx, id: string, actor: Actor, etag?: string): Promise<Submission> {
  const before = await submissionFor(tx, actor, id, true);
  if (etag !== undefined && before.etag !== etag) throw staleSubmission();
  const period = await requirePeriod(tx, before.periodId);
  assertPeriodStatus(period, ['open'], { vi: 'nộp bản tự đánh giá', en: 'submit' });
  assertSubmissionStatus(before, ['draft'], { vi: 'nộp lại', en: 'submit again' });
  assertSelfAssessmentOpen(period, actor);
  const agency = await requireAgency(tx, before.agencyId);
  assertEvidenceFiled(await assertValidFacts(tx, period, agency, before.facts, true), before.evidence, agency);
  const after = await reviseSubmission(tx, before, before.etag, { status: 'submitted' }, 'submit', actor.username);
  await recordAudit(tx, {
    actor: actor.username,
    action: 'submit',
    resource: 'submissions',
    resourceId: id,
    before: { status: before.status, revision: before.revision },
    after: { status: after.status, revision: after.revision },
  });
  return after;
}
