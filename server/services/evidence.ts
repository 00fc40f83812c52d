// Attaching, withdrawing and reviewing evidence. Each is a new revision of the submission (its
// evidence list is part of every snapshot). The agency adds evidence to its draft, and to back a
// reply in the reply window; the evaluator may add or withdraw evidence until the period is closed
// (e.g. the appraisal minutes), and accepts or rejects each explanation filed in place of evidence.
import type { Tx } from '../store/db';
import { recordAudit } from '../store/audit';
import {
  evidenceContent,
  insertEvidence,
  markEvidenceRemoved,
  requireEvidence,
  type StoredEvidence,
  type ExplanationEvidence,
  type FileEvidence,
  type LinkEvidence,
} from '../store/evidence';
import { requirePeriod } from '../store/periods';
import { reviseSubmission, type EvidenceItem, type EvidenceReview, type Submission } from '../store/submissions';
import type { Period } from '../store/periods';
import { walkNodes } from '../engine';
import type { Queryable } from '../store/db';
import type { Actor } from './actor';
import { periodVersion } from './compiled';
import { checkEvidenceFile, MAX_EVIDENCE_BYTES } from './fileTypes';
import { assertPeriodStatus, assertSubmissionStatus, submissionFor } from './submissions';
import { assertReplyWindow } from './schedule';
import type { ProblemCode } from '../problems/catalogue';
import { fieldProblem, Problem } from '../problems/problem';

export type NewEvidence =
  ({ kind: 'file' } & FileEvidence) | ({ kind: 'link' } & LinkEvidence) | ({ kind: 'explanation' } & ExplanationEvidence);

const invalid = (path: string, code: ProblemCode, vi: string, en: string) => fieldProblem(code, path, { vi, en });

/** Whether `actor` may change the evidence of `submission` now; the period it belongs to. */
async function assertEditable(tx: Tx, submission: Submission, actor: Actor): Promise<Period> {
  const period = await requirePeriod(tx, submission.periodId);
  if (actor.role === 'agency' && period.status === 'appraisal') {
    // In reply to the appraisal, within the reply window.
    assertReplyWindow(period);
  } else if (actor.role === 'agency') {
    assertPeriodStatus(period, ['open'], { vi: 'thay đổi tài liệu kiểm chứng', en: 'change evidence' });
    assertSubmissionStatus(submission, ['draft'], { vi: 'thay đổi tài liệu kiểm chứng', en: 'change evidence' });
  } else {
    assertPeriodStatus(period, ['open', 'appraisal'], { vi: 'thay đổi tài liệu kiểm chứng', en: 'change evidence' });
  }
  return period;
}

/** Evidence is filed under a fact id or a criterion code of the pinned version. */
async function assertKnownKey(tx: Tx, period: Period, key: string): Promise<void> {
  const document = (await periodVersion(tx, period)).compiled.version;
  const known = document.facts.some((f) => f.id === key) || [...walkNodes(document.criteria)].some(({ node }) => node.code === key);
  if (!known) {
    throw invalid(
      '/key',
      'unknown-evidence-key',
      `Tài liệu kiểm chứng phải gắn với một chỉ tiêu hoặc một mục của bộ chỉ số; "${key}" không có trong phiên bản ${document.version}.`,
      `Evidence must be filed under a fact id or a criterion code; "${key}" is not in version ${document.version}.`,
    );
  }
}

function assertFile(input: FileEvidence): string {
  if (input.content.byteLength === 0) {
    throw invalid('/file', 'empty-file', 'Tệp tải lên không có nội dung.', 'The uploaded file is empty.');
  }
  if (input.content.byteLength > MAX_EVIDENCE_BYTES) {
    throw new Problem('file-too-large', {
      vi: `Tệp vượt quá dung lượng cho phép (${MAX_EVIDENCE_BYTES / 1024 / 1024} MB).`,
      en: `The file is larger than allowed (${MAX_EVIDENCE_BYTES / 1024 / 1024} MB).`,
    });
  }
  const check = checkEvidenceFile(input.fileName, input.content);
  if (!check.ok) {
    throw check.reason === 'extension'
      ? invalid(
          '/file',
          'file-type-not-allowed',
          `Loại tệp ".${check.extension}" không được chấp nhận. Được phép: PDF, ảnh PNG/JPEG, Word, Excel, PowerPoint, OpenDocument.`,
          `Files of type ".${check.extension}" are not accepted. Allowed: PDF, PNG/JPEG images, Word, Excel, PowerPoint, OpenDocument.`,
        )
      : invalid(
          '/file',
          'file-content-mismatch',
          `Nội dung tệp "${input.fileName}" không phải định dạng .${check.extension} như tên tệp cho biết.`,
          `The content of "${input.fileName}" is not a .${check.extension} file, as its name claims.`,
        );
  }
  return check.mimeType;
}

export async function addEvidence(
  tx: Tx,
  submissionId: string,
  input: NewEvidence,
  actor: Actor,
): Promise<{ item: EvidenceItem; submission: Submission }> {
  const before = await submissionFor(tx, actor, submissionId, true);
  await assertKnownKey(tx, await assertEditable(tx, before, actor), input.key);
  const stored: NewEvidence = input.kind === 'file' ? { ...input, mimeType: assertFile(input) } : input;
  const item = await insertEvidence(tx, before, stored, actor.username);
  const after = await reviseSubmission(tx, before, before.etag, { evidence: [...before.evidence, item] }, 'evidence-add', actor.username);
  await recordAudit(tx, {
    actor: actor.username,
    action: 'add-evidence',
    resource: 'submissions',
    resourceId: before.id,
    before: { revision: before.revision },
    after: { revision: after.revision, evidence: item },
  });
  return { item, submission: after };
}

export async function withdrawEvidence(
  tx: Tx,
  evidenceId: string,
  actor: Actor,
): Promise<{ item: StoredEvidence; submission: Submission }> {
  const item = await requireEvidence(tx, evidenceId);
  const before = await submissionFor(tx, actor, item.submissionId, true);
  await assertEditable(tx, before, actor);
  if (item.removed) {
    throw new Problem('evidence-withdrawn', {
      vi: 'Tài liệu kiểm chứng này đã được rút trước đó.',
      en: 'This evidence item was already withdrawn.',
    });
  }
  await markEvidenceRemoved(tx, evidenceId, actor.username);
  const after = await reviseSubmission(
    tx,
    before,
    before.etag,
    { evidence: before.evidence.filter((e) => e.id !== evidenceId) },
    'evidence-withdraw',
    actor.username,
  );
  await recordAudit(tx, {
    actor: actor.username,
    action: 'withdraw-evidence',
    resource: 'submissions',
    resourceId: before.id,
    before: { revision: before.revision, evidence: item },
    after: { revision: after.revision },
  });
  return { item, submission: after };
}

/** The evaluator accepts or rejects an explanation filed in place of evidence, with a reason; a later review replaces it. */
export async function reviewEvidence(
  tx: Tx,
  evidenceId: string,
  input: { accepted: boolean; reason: string },
  actor: Actor,
): Promise<{ item: EvidenceItem; submission: Submission }> {
  const stored = await requireEvidence(tx, evidenceId);
  const before = await submissionFor(tx, actor, stored.submissionId, true);
  const period = await requirePeriod(tx, before.periodId);
  assertPeriodStatus(period, ['open', 'appraisal'], { vi: 'xem xét giải trình', en: 'review an explanation' });
  assertSubmissionStatus(before, ['submitted', 'appraised'], {
    vi: 'xem xét giải trình của bản chưa nộp',
    en: 'review an unsubmitted explanation',
  });
  const current = before.evidence.find((e) => e.id === evidenceId);
  if (!current) {
    throw new Problem('evidence-withdrawn', { vi: 'Tài liệu kiểm chứng này đã được rút.', en: 'This evidence item was withdrawn.' });
  }
  if (current.kind !== 'explanation') {
    throw fieldProblem('not-an-explanation', '/accepted', {
      vi: 'Chỉ xem xét chấp nhận hoặc bác bỏ bản giải trình; tệp và đường dẫn là tài liệu kiểm chứng.',
      en: 'Only explanations are accepted or rejected; files and links are the evidence itself.',
    });
  }
  const reason = input.reason.trim();
  if (!reason) throw fieldProblem('reason-required', '/reason', { vi: 'Cần ghi lý do.', en: 'Give the reason.' });
  const review: EvidenceReview = { accepted: input.accepted, reason, by: actor.username, at: new Date().toISOString() };
  const item = { ...current, review };
  const after = await reviseSubmission(
    tx,
    before,
    before.etag,
    { evidence: before.evidence.map((e) => (e.id === evidenceId ? item : e)) },
    'evidence-review',
    actor.username,
  );
  await recordAudit(tx, {
    actor: actor.username,
    action: 'review-evidence',
    resource: 'submissions',
    resourceId: before.id,
    before: { revision: before.revision, review: current.review ?? null },
    after: { revision: after.revision, evidenceId, review },
  });
  return { item, submission: after };
}

/** An evidence item the caller may see: a link or explanation as it is, a file with its bytes checked against their SHA-256. */
export async function evidenceFor(
  db: Queryable,
  actor: Actor,
  evidenceId: string,
): Promise<{ item: StoredEvidence; submission: Submission; content?: Buffer }> {
  const item = await requireEvidence(db, evidenceId);
  const submission = await submissionFor(db, actor, item.submissionId);
  if (item.kind !== 'file') return { item, submission };
  const { content, intact } = await evidenceContent(db, item.id);
  if (!intact) {
    throw new Problem('evidence-corrupt', {
      vi: 'Nội dung tệp không khớp với mã kiểm tra SHA-256 đã lưu; tệp đã bị thay đổi.',
      en: 'The file no longer matches its stored SHA-256 checksum; it was altered.',
    });
  }
  return { item, submission, content };
}
