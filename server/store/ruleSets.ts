// Rule sets as stored: the families whose versions carry the rules. A rule set is created with its
// first version; the rules for changing one are in services/ruleSets.ts.
import type { LocalizedText } from '../engine';
import type { Queryable, Tx } from './db';
import { notFound } from '../problems/problem';
import { iso, likePattern, viOrder, Where, type Page } from './sql';

export interface RuleSet {
  id: string;
  title: LocalizedText;
  description: LocalizedText | null;
  versionCount: number;
  /** The most recently published version that is not retired. */
  latestPublished: { id: string; version: string; publishedAt: string } | null;
  createdAt: string;
  createdBy: string;
}

interface RuleSetRow {
  id: string;
  title: LocalizedText;
  description: LocalizedText | null;
  version_count: string;
  latest_id: string | null;
  latest_version: string | null;
  latest_published_at: Date | null;
  created_at: Date;
  created_by: string;
}

const SELECT = `
  SELECT r.id, r.title, r.description, r.created_at, r.created_by,
         (SELECT count(*)::text FROM versions v WHERE v.rule_set = r.id) AS version_count,
         lp.id AS latest_id, lp.version AS latest_version, lp.published_at AS latest_published_at
    FROM rule_sets r
    LEFT JOIN LATERAL (
      SELECT v.id, v.version, v.published_at FROM versions v
       WHERE v.rule_set = r.id AND v.status = 'published'
       ORDER BY v.published_at DESC LIMIT 1) lp ON true`;

const toRuleSet = (r: RuleSetRow): RuleSet => ({
  id: r.id,
  title: r.title,
  description: r.description,
  versionCount: Number(r.version_count),
  latestPublished: r.latest_id ? { id: r.latest_id, version: r.latest_version!, publishedAt: iso(r.latest_published_at)! } : null,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
});

const WHAT = { vi: 'bộ chỉ số', en: 'Rule set' };

async function getRuleSet(db: Queryable, id: string): Promise<RuleSet | null> {
  const res = await db.query<RuleSetRow>(`${SELECT} WHERE r.id = $1`, [id]);
  return res.rows[0] ? toRuleSet(res.rows[0]) : null;
}

export async function ruleSetExists(db: Queryable, id: string): Promise<boolean> {
  return (await getRuleSet(db, id)) !== null;
}

export async function requireRuleSet(db: Queryable, id: string): Promise<RuleSet> {
  const ruleSet = await getRuleSet(db, id);
  if (!ruleSet) throw notFound(WHAT, id);
  return ruleSet;
}

export const RULE_SET_SORT: Record<string, string> = {
  id: 'r.id',
  title: viOrder("r.title->>'vi'"),
  createdAt: 'r.created_at',
  versionCount: 'version_count::int',
};

export async function listRuleSets(
  db: Queryable,
  filter: { id?: string[]; q?: string },
  page: Page,
): Promise<{ rows: RuleSet[]; total: number }> {
  const w = new Where();
  if (filter.id) w.add('r.id = ANY(?::text[])', filter.id);
  if (filter.q) w.add("(r.id ILIKE ? OR r.title->>'vi' ILIKE ? OR r.title->>'en' ILIKE ?)", ...Array(3).fill(likePattern(filter.q)));
  const total = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM rule_sets r ${w.sql}`, w.params);
  const rows = await db.query<RuleSetRow>(`${SELECT} ${w.sql} ${w.page(page, 'r.id')}`, w.params);
  return { rows: rows.rows.map(toRuleSet), total: Number(total.rows[0].n) };
}

/** Inserts the rule set unless it exists; true when this call created it. */
export async function insertRuleSetIfMissing(tx: Tx, id: string, title: LocalizedText, actor: string): Promise<boolean> {
  const res = await tx.query(
    `INSERT INTO rule_sets (id, title, created_by) VALUES ($1, $2::jsonb, $3) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [id, JSON.stringify(title), actor],
  );
  return res.rows.length > 0;
}

export async function writeRuleSet(tx: Tx, id: string, fields: { title: LocalizedText; description: LocalizedText | null }): Promise<void> {
  await tx.query(`UPDATE rule_sets SET title = $2::jsonb, description = $3::jsonb WHERE id = $1`, [
    id,
    JSON.stringify(fields.title),
    JSON.stringify(fields.description),
  ]);
}
