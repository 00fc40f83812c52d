// Rule-set versions as stored: rows in, rows out. What may be done to a version (edit a draft under
// its ETag, publish, retire) is decided in services/versions.ts; the database trigger in
// 0001_core.sql keeps a published version frozen for every SQL client.
import { randomUUID } from 'node:crypto';
import type { LegalBasis, LocalizedText, RuleSetVersion } from '../engine';
import type { Queryable, Tx } from './db';
import { notFound } from '../problems/problem';
import { iso, likePattern, viOrder, Where, type Page } from './sql';
import { isUuid } from './users';

export type VersionStatus = 'draft' | 'published' | 'retired';

export interface Version {
  id: string;
  ruleSet: string;
  version: string;
  status: VersionStatus;
  title: LocalizedText;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** Its last day in force when a successor ended it before its own `effective.to`; the version that did. */
  endedOn: string | null;
  endedFor: string | null;
  legalBasis: LegalBasis | null;
  changeNote: LocalizedText | null;
  hash: string | null;
  etag: string;
  basedOn: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  publishedAt: string | null;
  publishedBy: string | null;
  retiredAt: string | null;
  retiredBy: string | null;
  document?: RuleSetVersion;
}

interface VersionRow {
  id: string;
  rule_set: string;
  version: string;
  status: VersionStatus;
  document?: RuleSetVersion;
  title: LocalizedText;
  effective_from: string | null;
  effective_to: string | null;
  ended_on: string | null;
  ended_for: string | null;
  doc_legal_basis: LegalBasis | null;
  doc_change_note: LocalizedText | null;
  etag: string;
  hash: string | null;
  based_on: string | null;
  change_note: LocalizedText | null;
  legal_basis: LegalBasis | null;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
  published_at: Date | null;
  published_by: string | null;
  retired_at: Date | null;
  retired_by: string | null;
}

const SUMMARY = `id, rule_set, version, status, etag, hash, based_on, change_note, legal_basis,
  document->'title' AS title, document->'effective'->>'from' AS effective_from,
  document->'effective'->>'to' AS effective_to, document->'legalBasis' AS doc_legal_basis,
  document->'changeNote' AS doc_change_note, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, ended_for,
  created_at, created_by, updated_at, updated_by, published_at, published_by, retired_at, retired_by`;
const FULL = `${SUMMARY}, document`;

const toVersion = (r: VersionRow): Version => ({
  id: r.id,
  ruleSet: r.rule_set,
  version: r.version,
  status: r.status,
  title: r.title,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  endedOn: r.ended_on,
  endedFor: r.ended_for,
  legalBasis: r.legal_basis ?? r.doc_legal_basis ?? null,
  changeNote: r.change_note ?? r.doc_change_note ?? null,
  hash: r.hash,
  etag: r.etag,
  basedOn: r.based_on,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
  updatedAt: iso(r.updated_at)!,
  updatedBy: r.updated_by,
  publishedAt: iso(r.published_at),
  publishedBy: r.published_by,
  retiredAt: iso(r.retired_at),
  retiredBy: r.retired_by,
  ...(r.document !== undefined ? { document: r.document } : {}),
});

const WHAT = { vi: 'phiên bản', en: 'Version' };

const newEtag = (): string => randomUUID().replace(/-/g, '');

// ---------------------------------------------------------------------------------------------
// Reading

/** The version without its document: enough to find a compiled copy in memory. */
export async function versionHeader(db: Queryable, id: string): Promise<Version | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<VersionRow>(`SELECT ${SUMMARY} FROM versions WHERE id = $1`, [id]);
  return res.rows[0] ? toVersion(res.rows[0]) : null;
}

async function getVersion(db: Queryable, id: string, lock = false): Promise<Version | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<VersionRow>(`SELECT ${FULL} FROM versions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return res.rows[0] ? toVersion(res.rows[0]) : null;
}

export async function requireVersion(db: Queryable, id: string, lock = false): Promise<Version & { document: RuleSetVersion }> {
  const version = await getVersion(db, id, lock);
  if (!version) throw notFound(WHAT, id);
  return version as Version & { document: RuleSetVersion };
}

export interface VersionFilter {
  id?: string[];
  ruleSet?: string;
  status?: VersionStatus;
  q?: string;
}

export const VERSION_SORT: Record<string, string> = {
  id: 'id',
  ruleSet: 'rule_set',
  version: 'version',
  status: 'status',
  title: viOrder("document->'title'->>'vi'"),
  effectiveFrom: "document->'effective'->>'from'",
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  publishedAt: 'published_at',
};

export async function listVersions(db: Queryable, filter: VersionFilter, page: Page): Promise<{ rows: Version[]; total: number }> {
  const w = new Where();
  if (filter.id) w.add('id::text = ANY(?::text[])', filter.id);
  if (filter.ruleSet) w.add('rule_set = ?', filter.ruleSet);
  if (filter.status) w.add('status = ?', filter.status);
  if (filter.q) {
    w.add(
      "(version ILIKE ? OR document->'title'->>'vi' ILIKE ? OR document->'title'->>'en' ILIKE ?)",
      ...Array(3).fill(likePattern(filter.q)),
    );
  }
  const total = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM versions ${w.sql}`, w.params);
  const rows = await db.query<VersionRow>(`SELECT ${SUMMARY} FROM versions ${w.sql} ${w.page(page)}`, w.params);
  return { rows: rows.rows.map(toVersion), total: Number(total.rows[0].n) };
}

/**
 * The published version in force on `date` (YYYY-MM-DD): effective.from ≤ date ≤ effective.to (or no
 * end). When several are, the latest start wins, then the latest publication.
 */
export async function versionInForce(db: Queryable, ruleSet: string, date: string): Promise<Version | null> {
  const res = await db.query<VersionRow>(
    `SELECT ${FULL} FROM versions
      WHERE rule_set = $1 AND status = 'published'
        AND document->'effective'->>'from' <= $2
        AND (document->'effective'->>'to' IS NULL OR document->'effective'->>'to' >= $2)
        AND (ended_on IS NULL OR to_char(ended_on, 'YYYY-MM-DD') >= $2)
      ORDER BY document->'effective'->>'from' DESC, published_at DESC
      LIMIT 1`,
    [ruleSet, date],
  );
  return res.rows[0] ? toVersion(res.rows[0]) : null;
}

// ---------------------------------------------------------------------------------------------
// Writing (each inside the caller's transaction)

/** The ids of the cohorts any version defines (of one rule set when given), to check a cohort filter. */
export async function cohortIdsOf(db: Queryable, ruleSet?: string): Promise<Set<string>> {
  const res = await db.query<{ id: string }>(
    `SELECT DISTINCT c->>'id' AS id FROM versions, jsonb_array_elements(document->'cohorts') AS c
      WHERE $1::text IS NULL OR rule_set = $1::text`,
    [ruleSet ?? null],
  );
  return new Set(res.rows.map((r) => r.id));
}

export async function labelTaken(db: Queryable, ruleSet: string, label: string, exceptId?: string): Promise<boolean> {
  const res = await db.query('SELECT id FROM versions WHERE rule_set = $1 AND version = $2 AND id::text <> $3', [
    ruleSet,
    label,
    exceptId ?? '',
  ]);
  return res.rows.length > 0;
}

export async function insertDraft(tx: Tx, document: RuleSetVersion, basedOn: string | null, actor: string): Promise<Version> {
  const res = await tx.query<VersionRow>(
    `INSERT INTO versions (rule_set, version, status, document, etag, based_on, created_by, updated_by)
     VALUES ($1, $2, 'draft', $3::jsonb, $4, $5, $6, $6) RETURNING ${FULL}`,
    [document.ruleSet, document.version, JSON.stringify(document), newEtag(), basedOn, actor],
  );
  return toVersion(res.rows[0]);
}

/**
 * Writes a draft's document if `etag` is still its ETag; null otherwise. The etag in the WHERE clause
 * makes the check and the write one step: of two concurrent writers holding the same etag, the
 * second finds no row once the first has committed.
 */
export async function writeDraft(tx: Tx, id: string, etag: string, document: RuleSetVersion, actor: string): Promise<Version | null> {
  const res = await tx.query<VersionRow>(
    `UPDATE versions SET document = $3::jsonb, version = $4, etag = $5, updated_at = now(), updated_by = $6
      WHERE id = $1 AND etag = $2 AND status = 'draft' RETURNING ${FULL}`,
    [id, etag, JSON.stringify(document), document.version, newEtag(), actor],
  );
  return res.rows[0] ? toVersion(res.rows[0]) : null;
}

/** The rule set's published versions other than `except`, by start of their period. */
export async function publishedVersions(db: Queryable, ruleSet: string, except: string): Promise<Version[]> {
  const res = await db.query<VersionRow>(
    `SELECT ${SUMMARY} FROM versions WHERE rule_set = $1 AND status = 'published' AND id <> $2 ORDER BY document->'effective'->>'from'`,
    [ruleSet, except],
  );
  return res.rows.map(toVersion);
}

/** Records that `forId` ends a published version's period on `endedOn`. */
export async function endVersion(tx: Tx, id: string, endedOn: string, forId: string, actor: string): Promise<void> {
  await tx.query(`UPDATE versions SET ended_on = $2, ended_by = $3, ended_for = $4 WHERE id = $1`, [id, endedOn, actor, forId]);
}

export async function markPublished(tx: Tx, id: string, document: RuleSetVersion, hash: string, actor: string): Promise<Version> {
  const res = await tx.query<VersionRow>(
    `UPDATE versions SET status = 'published', document = $2::jsonb, hash = $3, etag = $4,
            change_note = $5::jsonb, legal_basis = $6::jsonb, published_at = now(), published_by = $7,
            updated_at = now(), updated_by = $7
      WHERE id = $1 AND status = 'draft' RETURNING ${FULL}`,
    [
      id,
      JSON.stringify(document),
      hash,
      newEtag(),
      JSON.stringify(document.changeNote ?? null),
      JSON.stringify(document.legalBasis),
      actor,
    ],
  );
  return toVersion(res.rows[0]);
}

export async function markRetired(tx: Tx, id: string, actor: string): Promise<Version> {
  const res = await tx.query<VersionRow>(
    `UPDATE versions SET status = 'retired', retired_at = now(), retired_by = $2 WHERE id = $1 RETURNING ${FULL}`,
    [id, actor],
  );
  return toVersion(res.rows[0]);
}

/** Deletes a draft; drafts copied from it forget where they came from. */
export async function deleteDraftRow(tx: Tx, id: string): Promise<void> {
  await tx.query('UPDATE versions SET based_on = NULL WHERE based_on = $1 AND status = $2', [id, 'draft']);
  await tx.query('DELETE FROM versions WHERE id = $1', [id]);
}
