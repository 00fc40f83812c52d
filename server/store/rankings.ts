// Published rankings: a period's ranking frozen at publication with its hash and the evaluations it
// was ranked from (so an auditor can replay it), with the decision approving it. The trigger in
// 0002_assessment.sql refuses any later UPDATE or DELETE: a correction is a new row that supersedes
// the one in force (0006_ranking_decision.sql), and which one is in force is read, never stored.
import type { Ranking } from '../engine';
import type { Queryable, Tx } from './db';
import { notFound } from '../problems/problem';
import { iso, Where, type Page } from './sql';
import { isUuid } from './users';

/** The decision approving a published ranking: "2923/QĐ-UBND" of 2023-12-31 by "Ủy ban nhân dân tỉnh Sơn La", signed by its "Chủ tịch". */
export interface RankingDecision {
  number: string;
  /** ISO day. */
  date: string;
  issuer: string;
  signerTitle: string;
  signerName: string;
}

/** Another published ranking of the same period, by its id and decision. */
export interface RankingRef {
  id: string;
  decision: RankingDecision | null;
}

export interface PublishedRanking {
  id: string;
  periodId: string;
  periodTitle: string;
  year: number;
  ruleSet: string;
  versionId: string;
  versionLabel: string;
  batchId: string;
  evaluationIds: string[];
  hash: string;
  publishedAt: string;
  publishedBy: string;
  /** The audit log's head when the ranking was published: an anchor that a cut or rewritten log no longer matches. */
  auditAnchor: { id: number; hash: string } | null;
  /** Null for rankings published before decisions were recorded. */
  decision: RankingDecision | null;
  /** The ranking this correction supersedes (null for a first publication), and why. */
  supersedes: RankingRef | null;
  correctionReason: string | null;
  /** The correction that superseded this ranking; null while it is in force. */
  supersededBy: RankingRef | null;
  ranking?: Ranking;
}

interface RankingRow {
  id: string;
  period_id: string;
  period_title: string;
  year: number;
  rule_set: string;
  version_id: string;
  version_label: string;
  batch_id: string;
  evaluation_ids: string[];
  hash: string;
  published_at: Date;
  published_by: string;
  audit_id: string | null;
  audit_hash: string | null;
  decision: RankingDecision | null;
  supersedes: string | null;
  supersedes_decision: RankingDecision | null;
  correction_reason: string | null;
  superseded_by: string | null;
  superseded_by_decision: RankingDecision | null;
  ranking?: Ranking;
}

const SUMMARY = `r.id, r.period_id, p.title AS period_title, p.year, p.rule_set, r.version_id, v.version AS version_label,
  r.batch_id, r.evaluation_ids, r.hash, r.published_at, r.published_by, r.audit_id::text AS audit_id, r.audit_hash,
  r.decision, r.supersedes, o.decision AS supersedes_decision, r.correction_reason, n.id AS superseded_by, n.decision AS superseded_by_decision`;
const FROM = `published_rankings r JOIN periods p ON p.id = r.period_id JOIN versions v ON v.id = r.version_id
  LEFT JOIN published_rankings o ON o.id = r.supersedes LEFT JOIN published_rankings n ON n.supersedes = r.id`;
const WHAT = { vi: 'bảng xếp hạng đã công bố', en: 'Published ranking' };

const toRanking = (r: RankingRow): PublishedRanking => ({
  id: r.id,
  periodId: r.period_id,
  periodTitle: r.period_title,
  year: r.year,
  ruleSet: r.rule_set,
  versionId: r.version_id,
  versionLabel: r.version_label,
  batchId: r.batch_id,
  evaluationIds: r.evaluation_ids,
  hash: r.hash,
  publishedAt: iso(r.published_at)!,
  publishedBy: r.published_by,
  auditAnchor: r.audit_id !== null && r.audit_hash !== null ? { id: Number(r.audit_id), hash: r.audit_hash } : null,
  decision: r.decision ?? null,
  supersedes: r.supersedes ? { id: r.supersedes, decision: r.supersedes_decision ?? null } : null,
  correctionReason: r.correction_reason ?? null,
  supersededBy: r.superseded_by ? { id: r.superseded_by, decision: r.superseded_by_decision ?? null } : null,
  ...(r.ranking ? { ranking: r.ranking } : {}),
});

export interface NewPublishedRanking {
  periodId: string;
  versionId: string;
  batchId: string;
  evaluationIds: string[];
  ranking: Ranking;
  auditAnchor: { id: number; hash: string } | null;
  decision: RankingDecision;
  /** A correction: the ranking in force it supersedes, and why. */
  correction?: { supersedes: string; reason: string };
}

export async function insertPublishedRanking(tx: Tx, input: NewPublishedRanking, actor: string): Promise<PublishedRanking> {
  const res = await tx.query<{ id: string }>(
    `INSERT INTO published_rankings (period_id, version_id, batch_id, evaluation_ids, ranking, hash, published_by, audit_id, audit_hash,
       decision, supersedes, correction_reason)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10::jsonb, $11, $12) RETURNING id`,
    [
      input.periodId,
      input.versionId,
      input.batchId,
      JSON.stringify(input.evaluationIds),
      JSON.stringify(input.ranking),
      input.ranking.hash,
      actor,
      input.auditAnchor?.id ?? null,
      input.auditAnchor?.hash ?? null,
      JSON.stringify(input.decision),
      input.correction?.supersedes ?? null,
      input.correction?.reason ?? null,
    ],
  );
  return requirePublishedRanking(tx, res.rows[0].id);
}

async function getPublishedRanking(db: Queryable, id: string): Promise<PublishedRanking | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<RankingRow>(`SELECT ${SUMMARY}, r.ranking FROM ${FROM} WHERE r.id = $1`, [id]);
  return res.rows[0] ? toRanking(res.rows[0]) : null;
}

export async function requirePublishedRanking(db: Queryable, id: string): Promise<PublishedRanking> {
  const ranking = await getPublishedRanking(db, id);
  if (!ranking) throw notFound(WHAT, id);
  return ranking;
}

/** The period's published ranking in force: the newest correction, else the first publication. */
export async function publishedRankingOfPeriod(db: Queryable, periodId: string): Promise<PublishedRanking | null> {
  const res = await db.query<RankingRow>(`SELECT ${SUMMARY}, r.ranking FROM ${FROM} WHERE r.period_id = $1 AND n.id IS NULL`, [periodId]);
  return res.rows[0] ? toRanking(res.rows[0]) : null;
}

export interface PublishedRankingFilter {
  id?: string[];
  periodId?: string;
  ruleSet?: string;
  year?: number;
  /** Years from and to (both included). */
  fromYear?: number;
  toYear?: number;
  /** Only the rankings in force (true) or only those superseded (false). */
  inForce?: boolean;
}

export const PUBLISHED_RANKING_SORT: Record<string, string> = {
  publishedAt: 'r.published_at',
  year: 'p.year',
  ruleSet: 'p.rule_set',
};

export async function listPublishedRankings(
  db: Queryable,
  filter: PublishedRankingFilter,
  page: Page,
): Promise<{ rows: PublishedRanking[]; total: number }> {
  const w = new Where();
  if (filter.id) w.add('r.id::text = ANY(?::text[])', filter.id);
  if (filter.periodId) w.add('r.period_id::text = ?', filter.periodId);
  if (filter.ruleSet) w.add('p.rule_set = ?', filter.ruleSet);
  if (filter.year !== undefined) w.add('p.year = ?', filter.year);
  if (filter.fromYear !== undefined) w.add('p.year >= ?', filter.fromYear);
  if (filter.toYear !== undefined) w.add('p.year <= ?', filter.toYear);
  if (filter.inForce !== undefined) w.add(filter.inForce ? 'n.id IS NULL' : 'n.id IS NOT NULL');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${FROM} ${w.sql}`, w.params);
  const rows = await db.query<RankingRow>(`SELECT ${SUMMARY}, r.ranking FROM ${FROM} ${w.sql} ${w.page(page, 'r.id')}`, w.params);
  return { rows: rows.rows.map(toRanking), total: total.rows[0].n };
}

/** Every published ranking's audit anchor, for verifying the log against them. */
export async function auditAnchors(
  db: Queryable,
): Promise<{ id: string; periodTitle: string; anchor: { id: number; hash: string } | null }[]> {
  const res = await db.query<{ id: string; period_title: string; audit_id: string | null; audit_hash: string | null }>(
    `SELECT r.id, p.title AS period_title, r.audit_id::text AS audit_id, r.audit_hash FROM published_rankings r JOIN periods p ON p.id = r.period_id ORDER BY r.published_at`,
  );
  return res.rows.map((r) => ({
    id: r.id,
    periodTitle: r.period_title,
    anchor: r.audit_id !== null && r.audit_hash !== null ? { id: Number(r.audit_id), hash: r.audit_hash } : null,
  }));
}
