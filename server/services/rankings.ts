// A period's ranking: the current one is ranked from the newest whole-period evaluation under the
// pinned version; publishing evaluates the closed period afresh, freezes the ranking with its hash
// and marks the period published — all in one transaction — with the decision approving it. A
// published ranking is never edited; a correction publishes the same evaluations again under its
// own decision, with its reason, superseding the ranking in force.
import { isoOf, rankEvaluations, vietnamDay, rankingHashOf, type CompiledVersion, type Ranking } from '../engine';
import type { Queryable, Tx } from '../store/db';
import { auditHead, recordAudit } from '../store/audit';
import { evaluationsByIds, latestPeriodBatch, type StoredEvaluation } from '../store/evaluations';
import { requirePeriod, type Period } from '../store/periods';
import { transitionPeriod } from './periods';
import {
  insertPublishedRanking,
  publishedRankingOfPeriod,
  requirePublishedRanking,
  type NewPublishedRanking,
  type PublishedRanking,
  type RankingDecision,
} from '../store/rankings';
import { submissionsOfPeriod } from '../store/submissions';
import { loadVersion, periodVersion } from './compiled';
import { evaluatePeriodBatch, EVALUABLE } from './evaluate';

export { listPublishedRankings, PUBLISHED_RANKING_SORT } from '../store/rankings';

/** A published ranking as served, marked `intact: false` when its ranking no longer hashes to the hash it was published with. */
export async function readPublishedRanking(db: Queryable, id: string): Promise<PublishedRanking & { intact: boolean }> {
  const snapshot = await requirePublishedRanking(db, id);
  return { ...snapshot, intact: snapshot.ranking !== undefined && rankingHashOf(snapshot.ranking) === snapshot.hash };
}
import { Problem, type ProblemError } from '../problems/problem';

export interface CurrentRanking extends Ranking {
  periodId: string;
  versionId: string;
  batchId: string;
  evaluatedAt: string;
  /** Submissions changed (or were added) after this evaluation: evaluate again before publishing. */
  stale: boolean;
}

export async function currentRanking(db: Queryable, periodId: string): Promise<CurrentRanking> {
  const period = await requirePeriod(db, periodId);
  const batch = await latestPeriodBatch(db, period.id, period.versionId);
  if (!batch.length) {
    throw new Problem('not-evaluated', {
      vi: `Kỳ đánh giá "${period.title}" chưa được chấm điểm theo phiên bản áp dụng; hãy chạy đánh giá trước.`,
      en: `Period "${period.title}" has not been evaluated under its pinned version yet; run an evaluation first.`,
    });
  }
  const { compiled } = await periodVersion(db, period);
  const ranking = rankEvaluations(
    compiled,
    batch.map((e) => e.result),
  );
  const evaluated = new Map(batch.map((e) => [e.submissionId, e.revision]));
  const now = await submissionsOfPeriod(db, period.id, EVALUABLE);
  const stale = now.length !== evaluated.size || now.some((s) => evaluated.get(s.id) !== s.revision);
  return {
    ...ranking,
    periodId: period.id,
    versionId: period.versionId,
    batchId: batch[0].batchId,
    evaluatedAt: batch[0].createdAt,
    stale,
  };
}

const published = (p: Period) =>
  new Problem('already-published', {
    vi: `Kết quả kỳ đánh giá "${p.title}" đã được công bố; kết quả công bố không thể thay đổi.`,
    en: `The results of period "${p.title}" are already published; a published ranking cannot change.`,
  });

const finding = (path: string, vi: string, en: string): ProblemError => ({
  severity: 'error',
  path,
  code: 'invalid-decision',
  message: { vi, en },
});

/**
 * The decision as recorded: trimmed, its number "số/ký hiệu" (2923/QĐ-UBND), its date a real day no
 * earlier than the period's year (results are approved after the year assessed) and not after today,
 * nor before the decision it corrects.
 */
function checkedDecision(decision: RankingDecision, period: Period, after?: RankingDecision | null): RankingDecision {
  const clean = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const d: RankingDecision = {
    number: clean(decision.number).replace(/\s*\/\s*/g, '/'),
    date: decision.date.trim(),
    issuer: clean(decision.issuer),
    signerTitle: clean(decision.signerTitle),
    signerName: clean(decision.signerName),
  };
  const errors: ProblemError[] = [];
  if (!/^\d+\/[^\s/]+$/u.test(d.number)) {
    errors.push(
      finding(
        '/decision/number',
        `Số quyết định "${d.number}" phải có dạng số/ký hiệu, ví dụ 2923/QĐ-UBND.`,
        `Decision number "${d.number}" must read number/symbol, e.g. 2923/QĐ-UBND.`,
      ),
    );
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.date);
  const day = m ? isoOf(+m[1], +m[2], +m[3]) : null;
  if (!day) {
    errors.push(
      finding(
        '/decision/date',
        `Ngày ký quyết định "${d.date}" không phải là một ngày có thật.`,
        `Decision date "${d.date}" is not a real day.`,
      ),
    );
  } else if (day > vietnamDay()) {
    errors.push(finding('/decision/date', 'Ngày ký quyết định không được sau ngày hôm nay.', 'The decision date cannot be after today.'));
  } else if (Number(day.slice(0, 4)) < period.year) {
    errors.push(
      finding(
        '/decision/date',
        `Quyết định phê duyệt kết quả năm ${period.year} không thể ký trước năm ${period.year}.`,
        `The decision approving the results of ${period.year} cannot be dated before ${period.year}.`,
      ),
    );
  } else if (after && day < after.date) {
    errors.push(
      finding(
        '/decision/date',
        `Quyết định đính chính không thể ký trước quyết định số ${after.number} mà nó đính chính.`,
        `The correcting decision cannot be dated before decision ${after.number}, which it corrects.`,
      ),
    );
  }
  if (after && d.number === after.number) {
    errors.push(
      finding(
        '/decision/number',
        `Quyết định đính chính phải có số khác với quyết định số ${after.number} mà nó đính chính.`,
        `The correcting decision needs a number other than that of decision ${after.number}, which it corrects.`,
      ),
    );
  }
  for (const key of ['issuer', 'signerTitle', 'signerName'] as const) {
    if (!d[key]) errors.push(finding(`/decision/${key}`, 'Trường này không được để trống.', 'This field cannot be blank.'));
  }
  if (errors.length) {
    throw new Problem(
      'invalid-decision',
      {
        vi: `Quyết định phê duyệt kết quả chưa hợp lệ (${errors.length} lỗi).`,
        en: `The approving decision is invalid (${errors.length} error(s)).`,
      },
      errors,
    );
  }
  return d;
}

/**
 * `stored` ranked under `compiled` and kept as a published ranking, anchored to the audit log as it
 * stands after the evaluations it is ranked from were recorded.
 */
async function freezeRanking(
  tx: Tx,
  compiled: CompiledVersion,
  stored: StoredEvaluation[],
  actor: string,
  record: Omit<NewPublishedRanking, 'evaluationIds' | 'ranking' | 'auditAnchor'>,
): Promise<{ snapshot: PublishedRanking; auditAnchor: NewPublishedRanking['auditAnchor'] }> {
  const ranking = rankEvaluations(
    compiled,
    stored.map((e) => e.result),
  );
  const auditAnchor = await auditHead(tx);
  const evaluationIds = stored.map((e) => e.id);
  const snapshot = await insertPublishedRanking(tx, { ...record, evaluationIds, ranking, auditAnchor }, actor);
  return { snapshot, auditAnchor };
}

/**
 * closed → published: evaluates every evaluable submission under the pinned version, ranks them,
 * freezes the ranking (with the evaluations it came from and the decision approving it) and moves
 * the period to "published".
 */
export async function publishRanking(
  tx: Tx,
  periodId: string,
  input: { decision: RankingDecision },
  actor: string,
): Promise<PublishedRanking> {
  const period = await requirePeriod(tx, periodId, true);
  if (period.status === 'published' || (await publishedRankingOfPeriod(tx, period.id))) throw published(period);
  if (period.status !== 'closed') {
    throw new Problem('period-not-closed', {
      vi: `Chỉ công bố được kết quả khi kỳ đánh giá đã khoá (trạng thái "closed"); kỳ "${period.title}" đang "${period.status}".`,
      en: `Results can only be published once the period is closed; period "${period.title}" is ${period.status}.`,
    });
  }
  const decision = checkedDecision(input.decision, period);
  const evaluation = await evaluatePeriodBatch(tx, period, actor);
  const { snapshot, auditAnchor } = await freezeRanking(tx, evaluation.loaded.compiled, evaluation.stored, actor, {
    periodId: period.id,
    versionId: period.versionId,
    batchId: evaluation.batchId,
    decision,
  });
  await transitionPeriod(tx, period.id, 'published', actor);
  await recordAudit(tx, {
    actor,
    action: 'publish',
    resource: 'published-rankings',
    resourceId: snapshot.id,
    after: {
      periodId: period.id,
      versionId: period.versionId,
      hash: snapshot.hash,
      evaluationIds: snapshot.evaluationIds,
      auditAnchor,
      decision,
    },
  });
  return snapshot;
}

/**
 * A correction of the ranking in force: the same evaluations (a published period's are final)
 * ranked again and published under the correcting decision, with its reason, superseding it. Both
 * stay on record and replay; the correction is the one in force.
 */
export async function correctPublishedRanking(
  tx: Tx,
  id: string,
  input: { decision: RankingDecision; reason: string },
  actor: string,
): Promise<PublishedRanking> {
  const superseded = await requirePublishedRanking(tx, id);
  const period = await requirePeriod(tx, superseded.periodId, true);
  // Read again under the period's lock, so that two corrections of one ranking cannot both pass.
  const inForce = await publishedRankingOfPeriod(tx, period.id);
  if (!inForce || inForce.id !== superseded.id) {
    throw new Problem('already-superseded', {
      vi: `Bảng xếp hạng này đã được thay thế${inForce?.decision ? ` bởi Quyết định số ${inForce.decision.number}` : ''}; hãy đính chính bảng đang có hiệu lực.`,
      en: `This ranking has already been superseded${inForce?.decision ? ` by decision ${inForce.decision.number}` : ''}; correct the one in force.`,
    });
  }
  const decision = checkedDecision(input.decision, period, superseded.decision);
  const reason = input.reason.normalize('NFC').trim();
  if (!reason) {
    throw new Problem('invalid-decision', { vi: 'Cần ghi lý do đính chính.', en: 'A reason for the correction is required.' }, [
      finding('/reason', 'Cần ghi lý do đính chính.', 'A reason for the correction is required.'),
    ]);
  }
  const stored = await evaluationsByIds(tx, superseded.evaluationIds);
  if (stored.length !== superseded.evaluationIds.length) {
    throw new Problem('evaluations-missing', {
      vi: 'Không tìm thấy đủ các kết quả đánh giá mà bảng xếp hạng đã công bố dựa trên; không thể đính chính.',
      en: 'Some evaluations the published ranking was computed from are missing; it cannot be corrected.',
    });
  }
  const { compiled } = await loadVersion(tx, superseded.versionId);
  const { snapshot, auditAnchor } = await freezeRanking(tx, compiled, stored, actor, {
    periodId: period.id,
    versionId: superseded.versionId,
    batchId: superseded.batchId,
    decision,
    correction: { supersedes: superseded.id, reason },
  });
  await recordAudit(tx, {
    actor,
    action: 'correct',
    resource: 'published-rankings',
    resourceId: snapshot.id,
    before: { id: superseded.id, hash: superseded.hash, decision: superseded.decision },
    after: {
      periodId: period.id,
      supersedes: superseded.id,
      hash: snapshot.hash,
      evaluationIds: snapshot.evaluationIds,
      auditAnchor,
      decision,
      reason,
    },
  });
  return snapshot;
}
