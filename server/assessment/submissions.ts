// An agency's self-assessment through its life: created and saved as drafts while the period is
// open (each save a revision, checked against the facts of the pinned version), then submitted.
// Drafts may be incomplete; submitting needs every required fact.
import { assignCohort, type Finding, hasErrors, type RuleSetVersion, validateSubmission } from '../engine';
import type { Queryable, Tx } from '../store/db';
import { requireAgency, toEngineAgency, type Agency } from '../store/agencies';
import { recordAudit } from '../store/audit';
import { requirePeriod, type Period } from '../store/periods';
import {
  insertSubmission,
  requireSubmission,
  reviseSubmission,
  staleSubmission,
  type Facts,
  type Submission,
  type SubmissionStatus,
} from '../store/submissions';
import { compiledFor } from './compiled';
import { versionForPeriod } from './inputs';
import { Problem } from '../problems/problem';

/** What an audit entry keeps of a submission. */
export const auditedSubmission = (s: Submission) => ({
  periodId: s.periodId,
  agencyId: s.agencyId,
  status: s.status,
  revision: s.revision,
  facts: s.facts,
  appraisedFacts: s.appraisedFacts,
  evidence: s.evidence.map((e) => e.id),
});

export function assertPeriodStatus(period: Period, allowed: Period['status'][], action: { vi: string; en: string }): void {
  if (allowed.includes(period.status)) return;
  throw new Problem('period-status', {
    vi: `Không thể ${action.vi}: kỳ đánh giá "${period.title}" đang ở trạng thái "${period.status}" (cần: ${allowed.join(', ')}).`,
    en: `Cannot ${action.en}: period "${period.title}" is ${period.status} (needs: ${allowed.join(', ')}).`,
  });
}

export function assertSubmissionStatus(s: Submission, allowed: SubmissionStatus[], action: { vi: string; en: string }): void {
  if (allowed.includes(s.status)) return;
  throw new Problem('submission-status', {
    vi: `Không thể ${action.vi}: bản tự đánh giá của ${s.agencyName} đang ở trạng thái "${s.status}" (cần: ${allowed.join(', ')}).`,
    en: `Cannot ${action.en}: the submission of ${s.agencyName} is ${s.status} (needs: ${allowed.join(', ')}).`,
  });
}

export interface FactCheck {
  version: RuleSetVersion;
  cohort: string | null;
  findings: Finding[];
}

/**
 * The facts against the schema derived from the pinned version, for the agency's cohort. A draft
 * may leave facts out; `complete` also requires every required fact. Facts the evaluator enters
 * (manual scores, appraisal-only data) are refused here: they come in through appraisals.
 */
export async function checkFacts(
  db: Queryable,
  period: Period,
  agency: Agency,
  facts: Facts,
  complete: boolean,
): Promise<FactCheck> {
  const { document } = await versionForPeriod(db, period);
  const engineAgency = toEngineAgency(agency);
  const { cohort } = assignCohort(compiledFor(document), engineAgency);
  const found = validateSubmission(document, { agency: engineAgency, facts }, { cohort });
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
  return { version: document, cohort, findings };
}

function assertValid(check: FactCheck, agency: Agency): void {
  if (!hasErrors(check.findings)) return;
  const errors = check.findings.filter((f) => f.severity === 'error');
  throw new Problem('invalid-submission',
    {
      vi: `Bản tự đánh giá của ${agency.name} có ${errors.length} lỗi so với bộ chỉ số ${check.version.ruleSet} ${check.version.version}.`,
      en: `The submission of ${agency.name} has ${errors.length} error(s) against rule set ${check.version.ruleSet} ${check.version.version}.`,
    },
    errors,
  );
}

function assertAgencyInPeriod(period: Period, agency: Agency): void {
  if (agency.active && agency.ruleSets.includes(period.ruleSet)) return;
  throw new Problem('agency-not-assessed',
    {
      vi: `Cơ quan ${agency.name} không thuộc diện đánh giá theo bộ chỉ số "${period.ruleSet}"${agency.active ? '' : ' (đã ngừng hoạt động)'}.`,
      en: `Agency ${agency.name} is not assessed under rule set "${period.ruleSet}"${agency.active ? '' : ' (inactive)'}.`,
    },
    [{ severity: 'error', path: '/agencyId', code: 'agency-not-assessed', message: { vi: 'Cơ quan không thuộc diện đánh giá', en: 'Agency not assessed' } }],
  );
}

export interface CreateSubmissionInput {
  periodId: string;
  agencyId: string;
  facts: Facts;
}

export async function createSubmission(
  tx: Tx,
  input: CreateSubmissionInput,
  actor: string,
  options: { submit?: boolean; demo?: boolean } = {},
): Promise<Submission> {
  const period = await requirePeriod(tx, input.periodId);
  assertPeriodStatus(period, ['open'], { vi: 'tạo bản tự đánh giá', en: 'create a submission' });
  const agency = await requireAgency(tx, input.agencyId);
  assertAgencyInPeriod(period, agency);
  assertValid(await checkFacts(tx, period, agency, input.facts, options.submit ?? false), agency);
  const created = await insertSubmission(
    tx,
    { periodId: period.id, agencyId: agency.id, facts: input.facts, status: options.submit ? 'submitted' : 'draft', demo: options.demo },
    actor,
  );
  await recordAudit(tx, { actor, action: 'create', resource: 'submissions', resourceId: created.id, after: auditedSubmission(created) });
  return created;
}

/** Saves the agency's facts as a new revision, if `etag` is still current. */
export async function saveSubmission(tx: Tx, id: string, etag: string, facts: Facts, actor: string): Promise<Submission> {
  const before = await requireSubmission(tx, id);
  if (before.etag !== etag) throw staleSubmission();
  const period = await requirePeriod(tx, before.periodId);
  assertPeriodStatus(period, ['open'], { vi: 'sửa bản tự đánh giá', en: 'edit the submission' });
  assertSubmissionStatus(before, ['draft'], { vi: 'sửa bản tự đánh giá đã nộp', en: 'edit a submitted submission' });
  const agency = await requireAgency(tx, before.agencyId);
  assertValid(await checkFacts(tx, period, agency, facts, false), agency);
  const after = await reviseSubmission(tx, before, etag, { facts }, 'update', actor);
  await recordAudit(tx, {
    actor,
    action: 'update',
    resource: 'submissions',
    resourceId: id,
    before: auditedSubmission(before),
    after: auditedSubmission(after),
  });
  return after;
}

/** draft → submitted, once every required fact has a valid value. */
export async function submitSubmission(tx: Tx, id: string, actor: string, etag?: string): Promise<Submission> {
  const before = await requireSubmission(tx, id, true);
  if (etag !== undefined && before.etag !== etag) throw staleSubmission();
  const period = await requirePeriod(tx, before.periodId);
  assertPeriodStatus(period, ['open'], { vi: 'nộp bản tự đánh giá', en: 'submit' });
  assertSubmissionStatus(before, ['draft'], { vi: 'nộp lại', en: 'submit again' });
  const agency = await requireAgency(tx, before.agencyId);
  assertValid(await checkFacts(tx, period, agency, before.facts, true), agency);
  const after = await reviseSubmission(tx, before, before.etag, { status: 'submitted' }, 'submit', actor);
  await recordAudit(tx, {
    actor,
    action: 'submit',
    resource: 'submissions',
    resourceId: id,
    before: { status: before.status, revision: before.revision },
    after: { status: after.status, revision: after.revision },
  });
  return after;
}
