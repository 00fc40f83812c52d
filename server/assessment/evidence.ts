// Attaching and withdrawing evidence. Each is a new revision of the submission (its evidence list is
// part of every snapshot). The agency adds evidence to its draft; the evaluator may add or
// withdraw evidence until the period is closed (e.g. the appraisal minutes).
import type { Tx } from '../store/db';
import { recordAudit } from '../store/audit';
import { insertEvidence, markEvidenceRemoved, requireEvidence, type ExplanationEvidence, type FileEvidence, type LinkEvidence } from '../store/evidence';
import { requirePeriod } from '../store/periods';
import { requireSubmission, reviseSubmission, type EvidenceItem, type Submission } from '../store/submissions';
import type { Role } from '../store/users';
import { walkNodes } from '../engine';
import { checkEvidenceFile, MAX_EVIDENCE_BYTES } from './fileTypes';
import { versionForPeriod } from './inputs';
import { assertPeriodStatus, assertSubmissionStatus } from './submissions';
import type { ProblemCode } from '../problems/catalogue';
import { fieldProblem, Problem } from '../problems/problem';

export type NewEvidence = ({ kind: 'file' } & FileEvidence) | ({ kind: 'link' } & LinkEvidence) | ({ kind: 'explanation' } & ExplanationEvidence);

export interface Actor {
  username: string;
  role: Role;
}

const invalid = (path: string, code: ProblemCode, vi: string, en: string) => fieldProblem(code, path, { vi, en });

/** Whether `actor` may change the evidence of `submission` now. */
async function assertEditable(tx: Tx, submission: Submission, actor: Actor): Promise<void> {
  const period = await requirePeriod(tx, submission.periodId);
  if (actor.role === 'agency') {
    assertPeriodStatus(period, ['open'], { vi: 'thay đổi tài liệu kiểm chứng', en: 'change evidence' });
    assertSubmissionStatus(submission, ['draft'], { vi: 'thay đổi tài liệu kiểm chứng', en: 'change evidence' });
  } else {
    assertPeriodStatus(period, ['open', 'appraisal'], { vi: 'thay đổi tài liệu kiểm chứng', en: 'change evidence' });
  }
}

/** Evidence is filed under a fact id or a criterion code of the pinned version. */
async function assertKnownKey(tx: Tx, submission: Submission, key: string): Promise<void> {
  const period = await requirePeriod(tx, submission.periodId);
  const { document } = await versionForPeriod(tx, period);
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

export async function addEvidence(tx: Tx, submissionId: string, input: NewEvidence, actor: Actor): Promise<{ item: EvidenceItem; submission: Submission }> {
  const before = await requireSubmission(tx, submissionId, true);
  await assertEditable(tx, before, actor);
  await assertKnownKey(tx, before, input.key);
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

export async function withdrawEvidence(tx: Tx, evidenceId: string, actor: Actor): Promise<Submission> {
  const item = await requireEvidence(tx, evidenceId);
  const before = await requireSubmission(tx, item.submissionId, true);
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
  return after;
}
