// Appraisal (thẩm định): the evaluator sets a fact's value beside the agency's own, or scores a
// criterion 0 for missing evidence (and may restore it), always with a reason. The agency's value
// stays as reported; the appraised one is what gets evaluated.
import { type CompiledVersion, type FactValue, validateSubmission, walkNodes, zeroableCriteria } from '../engine';
import type { Queryable, Tx } from '../store/db';
import type { Page } from '../store/sql';
import { requireAgency, toEngineAgency } from '../store/agencies';
import {
  getAppraisal,
  insertAppraisal,
  listAppraisals,
  type Appraisal,
  type AppraisalFilter,
  type AppraisalSubject,
} from '../store/appraisals';
import { recordAudit } from '../store/audit';
import { requirePeriod } from '../store/periods';
import { reviseSubmission, type Submission, type SubmissionChange } from '../store/submissions';
import type { Agency } from '../store/agencies';
import { assertAgencyAccess, scopedAgency, type Actor } from './actor';
import { cohortFor, periodVersion } from './compiled';
import { assertPeriodStatus, assertSubmissionStatus, submissionFor } from './submissions';
import { notFound, Problem } from '../problems/problem';

export { APPRAISAL_SORT } from '../store/appraisals';

export type AppraisalInput = AppraisalSubject & { reason: string };

export async function appraise(
  tx: Tx,
  submissionId: string,
  input: AppraisalInput,
  by: Actor,
): Promise<{ appraisal: Appraisal; submission: Submission }> {
  const actor = by.username;
  const before = await submissionFor(tx, by, submissionId, true);
  const period = await requirePeriod(tx, before.periodId);
  assertPeriodStatus(period, ['open', 'appraisal'], { vi: 'thẩm định', en: 'appraise' });
  assertSubmissionStatus(before, ['submitted', 'appraised'], {
    vi: 'thẩm định bản chưa nộp',
    en: 'appraise a submission that was not submitted',
  });

  const reason = input.reason.trim();
  if (!reason) {
    const message = { vi: 'Cần ghi lý do thẩm định.', en: 'A reason is required.' };
    throw new Problem('reason-required', message, [{ severity: 'error', path: '/reason', code: 'reason-required', message }]);
  }

  const { compiled } = await periodVersion(tx, period);
  const stored = await requireAgency(tx, before.agencyId);
  const change: SubmissionChange =
    'fact' in input
      ? { appraisedFacts: { ...before.appraisedFacts, [input.fact]: checkedValue(compiled, stored, before, input.fact, input.value) } }
      : { zeroedCriteria: zeroing(compiled, stored, before, input.criterion, input.zeroed, reason) };

  const appraisal = await insertAppraisal(tx, before, { ...input, reason }, actor);
  const after = await reviseSubmission(tx, before, before.etag, { ...change, status: 'appraised' }, 'appraise', actor);
  await recordAudit(tx, {
    actor,
    action: 'appraise',
    resource: 'submissions',
    resourceId: before.id,
    before: {
      status: before.status,
      revision: before.revision,
      ...('fact' in input
        ? { appraisedValue: before.appraisedFacts[input.fact] ?? null }
        : { zeroed: before.zeroedCriteria[input.criterion] ?? null }),
    },
    after: { status: after.status, revision: after.revision, appraisal },
  });
  return { appraisal, submission: after };
}

/** The fact's appraised value, checked with the other effective facts (so a bound by another fact, processed ≤ received, holds too). */
function checkedValue(
  compiled: CompiledVersion,
  stored: Agency,
  before: Submission,
  id: string,
  value: FactValue | null,
): FactValue | null {
  const document = compiled.version;
  const fact = document.facts.find((f) => f.id === id);
  if (!fact) {
    const message = {
      vi: `Chỉ tiêu "${id}" không có trong bộ chỉ số ${document.ruleSet} ${document.version}.`,
      en: `Fact "${id}" is not part of rule set ${document.ruleSet} ${document.version}.`,
    };
    throw new Problem('unknown-fact', message, [{ severity: 'error', path: '/fact', code: 'unknown-fact', message }]);
  }
  const { cohort } = cohortFor(compiled, stored);
  const bounded = document.facts.filter((f) => f.atMostFact === fact.id).map((f) => `/facts/${f.id}`);
  const findings = validateSubmission(
    document,
    { agency: toEngineAgency(stored), facts: { ...before.effectiveFacts, [fact.id]: value } },
    { cohort },
  )
    .filter((f) => (f.path === `/facts/${fact.id}` || bounded.includes(f.path)) && f.code !== 'missing-fact')
    .map((f) => ({ ...f, path: '/value' }));
  if (findings.length) {
    throw new Problem(
      'invalid-value',
      { vi: `Giá trị thẩm định không hợp lệ: ${findings[0].message.vi}`, en: `The appraised value is invalid: ${findings[0].message.en}` },
      findings,
    );
  }
  return value;
}

/** The zeroed criteria after scoring `code` 0 (or restoring it): only an item `zeroableCriteria` names. */
function zeroing(compiled: CompiledVersion, stored: Agency, before: Submission, code: string, zeroed: boolean, reason: string) {
  const document = compiled.version;
  const { cohort } = cohortFor(compiled, stored);
  const node = [...walkNodes(document.criteria)].map((w) => w.node).find((n) => n.code === code && n.kind === 'criterion');
  const inCohort = !!node && (!node.cohorts || (cohort !== null && node.cohorts.includes(cohort)));
  const asksEvidence = zeroableCriteria(document, cohort).some((n) => n.code === code);
  if (!node || !asksEvidence || !inCohort) {
    const message = !node
      ? {
          vi: `Không có tiêu chí "${code}" trong bộ chỉ số ${document.version}.`,
          en: `There is no criterion "${code}" in version ${document.version}.`,
        }
      : !inCohort
        ? { vi: `Tiêu chí ${code} không áp dụng cho khối của cơ quan.`, en: `Criterion ${code} does not apply to the agency's cohort.` }
        : { vi: `Tiêu chí ${code} không yêu cầu tài liệu kiểm chứng.`, en: `Criterion ${code} asks for no evidence.` };
    throw new Problem('unknown-criterion', message, [{ severity: 'error', path: '/criterion', code: 'unknown-criterion', message }]);
  }
  const next = { ...before.zeroedCriteria };
  if (zeroed) next[code] = reason;
  else delete next[code];
  return next;
}

export function listAppraisalsFor(db: Queryable, actor: Actor, filter: AppraisalFilter, page: Page) {
  return listAppraisals(db, { ...filter, agencyId: scopedAgency(actor, filter.agencyId) }, page);
}

export async function appraisalFor(db: Queryable, actor: Actor, id: string): Promise<Appraisal> {
  const appraisal = await getAppraisal(db, id);
  if (!appraisal) throw notFound({ vi: 'ý kiến thẩm định', en: 'Appraisal' }, id);
  assertAgencyAccess(actor, appraisal.agencyId);
  return appraisal;
}
