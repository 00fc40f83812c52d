// The right of reply (quyền phản hồi): after the appraisal, the agency answers each appraised change
// — accepts it, or replies with a text and the evidence it filed — within the reply window; the
// evaluator resolves each reply by keeping the appraisal or revising it (a new appraisal), with a
// reason. Replies are kept as written; the period does not close while one is unresolved.
import type { FactValue } from '../engine';
import type { Tx } from '../store/db';
import { recordAudit } from '../store/audit';
import { latestAppraisalId, type Appraisal } from '../store/appraisals';
import { requirePeriod } from '../store/periods';
import { insertReply, resolveReply, type Reply, type ReplyOutcome, type ReplyResponse } from '../store/replies';
import { requireSubmission, type Submission } from '../store/submissions';
import type { Actor } from './actor';
import { appraisalFor, appraise } from './appraisal';
import { assertReplyWindow } from './schedule';
import { assertPeriodStatus } from './submissions';
import { fieldProblem, Problem } from '../problems/problem';

export interface ReplyInput {
  response: ReplyResponse;
  text?: string;
  evidenceIds?: string[];
}

/** The agency's answer to one of its appraisals. */
export async function replyTo(
  tx: Tx,
  appraisalId: string,
  input: ReplyInput,
  actor: Actor,
): Promise<{ appraisal: Appraisal; reply: Reply }> {
  // appraisalFor refuses another agency's appraisal.
  const appraisal = await appraisalFor(tx, actor, appraisalId);
  const period = await requirePeriod(tx, appraisal.periodId);
  assertPeriodStatus(period, ['appraisal'], { vi: 'phản hồi kết quả thẩm định', en: 'reply to the appraisal' });
  assertReplyWindow(period);
  if (appraisal.reply) {
    throw new Problem('already-replied', {
      vi: 'Cơ quan đã trả lời ý kiến thẩm định này; mỗi ý kiến được trả lời một lần.',
      en: 'This appraisal has already been answered; each is answered once.',
    });
  }
  if ((await latestAppraisalId(tx, appraisal)) !== appraisal.id) {
    throw new Problem('already-replied', {
      vi: 'Ý kiến thẩm định này đã được thay bằng ý kiến mới hơn; hãy trả lời ý kiến mới.',
      en: 'This appraisal was replaced by a newer one; answer the newer one.',
    });
  }
  const text = (input.text ?? '').trim();
  if (input.response === 'reply' && !text) {
    throw fieldProblem('reason-required', '/text', { vi: 'Cần ghi nội dung phản hồi.', en: 'Write what the reply says.' });
  }
  const submission = await requireSubmission(tx, appraisal.submissionId);
  const evidenceIds = input.evidenceIds ?? [];
  evidenceIds.forEach((id, i) => {
    if (!submission.evidence.some((e) => e.id === id)) {
      throw fieldProblem('unknown-evidence-key', `/evidenceIds/${i}`, {
        vi: 'Tài liệu kiểm chứng kèm theo phải là tài liệu đã nộp của bản tự đánh giá này.',
        en: 'The evidence cited must be filed with this submission.',
      });
    }
  });
  const reply = await insertReply(
    tx,
    { appraisalId: appraisal.id, submissionId: submission.id, response: input.response, text, evidenceIds },
    actor.username,
  );
  await recordAudit(tx, {
    actor: actor.username,
    action: 'reply',
    resource: 'submissions',
    resourceId: submission.id,
    after: { appraisalId: appraisal.id, reply },
  });
  return { appraisal: { ...appraisal, reply }, reply };
}

export interface ResolutionInput {
  outcome: ReplyOutcome;
  reason: string;
  /** The revised value of the fact (outcome "revise" of a fact's appraisal). */
  value?: FactValue | null;
  /** Whether the criterion stays scored 0 (outcome "revise" of a criterion's appraisal). */
  zeroed?: boolean;
}

/** The evaluator's resolution of a reply: keep the appraisal, or revise it by a new one. */
export async function resolve(
  tx: Tx,
  appraisalId: string,
  input: ResolutionInput,
  actor: Actor,
): Promise<{ appraisal: Appraisal; reply: Reply; submission?: Submission }> {
  const appraisal = await appraisalFor(tx, actor, appraisalId);
  const period = await requirePeriod(tx, appraisal.periodId);
  assertPeriodStatus(period, ['appraisal'], { vi: 'giải quyết phản hồi', en: 'resolve a reply' });
  const reply = appraisal.reply;
  if (!reply || reply.response !== 'reply') {
    throw new Problem('no-reply', {
      vi: 'Ý kiến thẩm định này không có phản hồi cần giải quyết.',
      en: 'This appraisal has no reply to resolve.',
    });
  }
  if (reply.outcome) {
    throw new Problem('already-resolved', { vi: 'Phản hồi này đã được giải quyết.', en: 'This reply has already been resolved.' });
  }
  const reason = input.reason.trim();
  if (!reason) throw fieldProblem('reason-required', '/reason', { vi: 'Cần ghi lý do giải quyết.', en: 'Give the reason.' });

  let revised: { appraisal: Appraisal; submission: Submission } | undefined;
  if (input.outcome === 'revise') {
    const field = appraisal.fact !== null ? 'value' : 'zeroed';
    const given = field === 'value' ? input.value !== undefined : typeof input.zeroed === 'boolean';
    if (!given) {
      throw fieldProblem('invalid-value', `/${field}`, {
        vi: field === 'value' ? 'Cần nhập giá trị sau khi điều chỉnh.' : 'Cần cho biết tiêu chí còn bị chấm 0 điểm hay không.',
        en: field === 'value' ? 'Give the revised value.' : 'Say whether the criterion stays scored 0.',
      });
    }
    const subject =
      appraisal.fact !== null
        ? { fact: appraisal.fact, value: input.value ?? null }
        : { criterion: appraisal.criterion!, zeroed: input.zeroed! };
    revised = await appraise(tx, appraisal.submissionId, { ...subject, reason }, actor);
  }
  const resolved = await resolveReply(
    tx,
    reply.id,
    { outcome: input.outcome, reason, revisionId: revised?.appraisal.id ?? null },
    actor.username,
  );
  await recordAudit(tx, {
    actor: actor.username,
    action: 'resolve-reply',
    resource: 'submissions',
    resourceId: appraisal.submissionId,
    before: { reply },
    after: { reply: resolved },
  });
  return { appraisal: { ...appraisal, reply: resolved }, reply: resolved, submission: revised?.submission };
}
