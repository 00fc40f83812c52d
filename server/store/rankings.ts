// Published rankings: a period's ranking frozen at publication with its hash and the evaluations it
// was ranked from (so an auditor can replay it). The trigger in 0002_assessment.sql refuses any
// later UPDATE or DELETE.
import type { Ranking } from '../engine';
import type { Queryable, Tx } from './db';
import { notFound } from '../problems/problem';
import { iso, Where, type Page } from './sql';
import { isUuid } from './users';

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
  ranking?: Ranking;
}

const SUMMARY = `r.id, r.period_id, p.title AS period_title, p.year, p.rule_set, r.version_id, v.version AS version_label,
  r.batch_id, r.evaluation_ids, r.hash, r.published_at, r.published_by, r.audit_id::text AS audit_id, r.audit_hash`;
const FROM = 'published_rankings r JOIN periods p ON p.id = r.period_id JOIN versions v ON v.id = r.version_id';
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
  ...(r.ranking ? { ranking: r.ranking } : {}),
});

export interface NewPublishedRanking {
  periodId: string;
  versionId: string;
  batchId: string;
  evaluationIds: string[];
  ranking: Ranking;
  auditAnchor: { id: number; hash: string } | null;
}

export async function insertPublishedRanking(tx: Tx, input: NewPublishedRanking, actor: string): Promise<PublishedRanking> {
  const res = await tx.query<{ id: string }>(
    `INSERT INTO published_rankings (period_id, version_id, batch_id, evaluation_ids, ranking, hash, published_by, audit_id, audit_hash)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9) RETURNING id`,
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

export async function publishedRankingOfPeriod(db: Queryable, periodId: string): Promise<PublishedRanking | null> {
  const res = await db.query<RankingRow>(`SELECT ${SUMMARY}, r.ranking FROM ${FROM} WHERE r.period_id = $1`, [periodId]);
  return res.rows[0] ? toRanking(res.rows[0]) : null;
}

export interface PublishedRankingFilter {
  id?: string[];
  periodId?: string;
  ruleSet?: string;
  year?: number;
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
