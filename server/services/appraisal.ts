// Appraisal (thẩm định): the evaluator sets a fact's value beside the agency's own, with a reason.
// The agency's value stays as reported; the appraised one is what gets evaluated.
import { type FactValue, validateSubmission } from '../engine';
import type { Queryable, Tx } from '../store/db';
import type { Page } from '../store/sql';
import { requireAgency, toEngineAgency } from '../store/agencies';
import { getAppraisal, insertAppraisal, listAppraisals, type Appraisal, type AppraisalFilter } from '../store/appraisals';
import { recordAudit } from '../store/audit';
import { requirePeriod } from '../store/periods';
import { reviseSubmission, type Submission } from '../store/submissions';
import { assertAgencyAccess, scopedAgency, type Actor } from './actor';
import { cohortFor, periodVersion } from './compiled';
import { assertPeriodStatus, assertSubmissionStatus, submissionFor } from './submissions';
import { notFound, Problem } from '../problems/problem';

export { APPRAISAL_SORT } from '../store/appraisals';

export interface AppraisalInput {
  fact: string;
  value: FactValue | null;
  reason: string;
}

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
  const document = compiled.version;
  const fact = document.facts.find((f) => f.id === input.fact);
  if (!fact) {
    const message = {
      vi: `Chỉ tiêu "${input.fact}" không có trong bộ chỉ số ${document.ruleSet} ${document.version}.`,
      en: `Fact "${input.fact}" is not part of rule set ${document.ruleSet} ${document.version}.`,
    };
    throw new Problem('unknown-fact', message, [{ severity: 'error', path: '/fact', code: 'unknown-fact', message }]);
  }
  const stored = await requireAgency(tx, before.agencyId);
  const agency = toEngineAgency(stored);
  const { cohort } = cohortFor(compiled, stored);
  // Checked with the other effective facts, so that a bound by another fact (processed ≤ received) holds too.
  const bounded = document.facts.filter((f) => f.atMostFact === fact.id).map((f) => `/facts/${f.id}`);
  const findings = validateSubmission(document, { agency, facts: { ...before.effectiveFacts, [fact.id]: input.value } }, { cohort })
    .filter((f) => (f.path === `/facts/${fact.id}` || bounded.includes(f.path)) && f.code !== 'missing-fact')
    .map((f) => ({ ...f, path: '/value' }));
  if (findings.length) {
    throw new Problem(
      'invalid-value',
      { vi: `Giá trị thẩm định không hợp lệ: ${findings[0].message.vi}`, en: `The appraised value is invalid: ${findings[0].message.en}` },
      findings,
    );
  }

  const appraisal = await insertAppraisal(tx, before, { fact: fact.id, value: input.value, reason }, actor);
  const after = await reviseSubmission(
    tx,
    before,
    before.etag,
    { appraisedFacts: { ...before.appraisedFacts, [fact.id]: input.value }, status: 'appraised' },
    'appraise',
    actor,
  );
  await recordAudit(tx, {
    actor,
    action: 'appraise',
    resource: 'submissions',
    resourceId: before.id,
    before: { status: before.status, revision: before.revision, appraisedValue: before.appraisedFacts[fact.id] ?? null },
    after: { status: after.status, revision: after.revision, appraisal },
  });
  return { appraisal, submission: after };
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
