// A period's ranking: the current one is ranked from the newest whole-period evaluation under the
// pinned version; publishing evaluates the closed period afresh, freezes the ranking with its hash
// and marks the period published — all in one transaction.
import { rankEvaluations, rankingHashOf, type Ranking } from '../engine';
import type { Queryable, Tx } from '../store/db';
import { auditHead, recordAudit } from '../store/audit';
import { latestPeriodBatch } from '../store/evaluations';
import { requirePeriod, type Period } from '../store/periods';
import { transitionPeriod } from './periods';
import { insertPublishedRanking, publishedRankingOfPeriod, requirePublishedRanking, type PublishedRanking } from '../store/rankings';
import { submissionsOfPeriod } from '../store/submissions';
import { periodVersion } from './compiled';
import { evaluatePeriodBatch, EVALUABLE } from './evaluate';

export { listPublishedRankings, PUBLISHED_RANKING_SORT } from '../store/rankings';

/** A published ranking as served, marked `intact: false` when its ranking no longer hashes to the hash it was published with. */
export async function readPublishedRanking(db: Queryable, id: string): Promise<PublishedRanking & { intact: boolean }> {
  const snapshot = await requirePublishedRanking(db, id);
  return { ...snapshot, intact: snapshot.ranking !== undefined && rankingHashOf(snapshot.ranking) === snapshot.hash };
}
import { Problem } from '../problems/problem';

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

/**
 * closed → published: evaluates every evaluable submission under the pinned version, ranks them,
 * freezes the ranking (with the evaluations it came from) and moves the period to "published".
 */
export async function publishRanking(tx: Tx, periodId: string, actor: string): Promise<PublishedRanking> {
  const period = await requirePeriod(tx, periodId, true);
  if (period.status === 'published' || (await publishedRankingOfPeriod(tx, period.id))) throw published(period);
  if (period.status !== 'closed') {
    throw new Problem('period-not-closed', {
      vi: `Chỉ công bố được kết quả khi kỳ đánh giá đã khoá (trạng thái "closed"); kỳ "${period.title}" đang "${period.status}".`,
      en: `Results can only be published once the period is closed; period "${period.title}" is ${period.status}.`,
    });
  }
  const evaluation = await evaluatePeriodBatch(tx, period, actor);
  const { stored } = evaluation;
  const ranking = rankEvaluations(
    evaluation.loaded.compiled,
    stored.map((e) => e.result),
  );
  // Anchored to the log as it stands after the evaluation it is ranked from was recorded.
  const auditAnchor = await auditHead(tx);
  const snapshot = await insertPublishedRanking(
    tx,
    {
      periodId: period.id,
      versionId: period.versionId,
      batchId: evaluation.batchId,
      evaluationIds: stored.map((e) => e.id),
      ranking,
      auditAnchor,
    },
    actor,
  );
  await transitionPeriod(tx, period.id, 'published', actor);
  await recordAudit(tx, {
    actor,
    action: 'publish',
    resource: 'published-rankings',
    resourceId: snapshot.id,
    after: { periodId: period.id, versionId: period.versionId, hash: snapshot.hash, evaluationIds: snapshot.evaluationIds, auditAnchor },
  });
  return snapshot;
}
