// Agencies being assessed. Their cohort is not stored: each rule-set version computes it from
// `kind` and `attributes`, so a new regulation can regroup agencies without touching this table.
import type { Agency as EngineAgency } from '../engine';
import type { Queryable, Tx } from './db';
import { notFound } from '../problems/problem';
import { iso, likePattern, viOrder, Where, type Page } from './sql';

export type AttributeValue = string | number | boolean | null;

export interface Agency {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string;
  attributes: Record<string, AttributeValue>;
  /** Rule sets the agency is assessed under. */
  ruleSets: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

interface AgencyRow {
  id: string;
  name: string;
  name_en: string | null;
  kind: string;
  attributes: Record<string, AttributeValue>;
  rule_sets: string[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, name_en, kind, attributes, rule_sets, active, created_at, updated_at';
const WHAT = { vi: 'cơ quan', en: 'Agency' };

const toAgency = (r: AgencyRow): Agency => ({
  id: r.id,
  name: r.name,
  nameEn: r.name_en,
  kind: r.kind,
  attributes: r.attributes ?? {},
  ruleSets: r.rule_sets ?? [],
  active: r.active,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

/** The engine's view of an agency (schemas/agency.schema.json): attributes sit beside id, name and kind. */
export const toEngineAgency = (a: Pick<Agency, 'id' | 'name' | 'nameEn' | 'kind' | 'attributes'>): EngineAgency => ({
  ...a.attributes,
  id: a.id,
  name: a.name,
  ...(a.nameEn ? { nameEn: a.nameEn } : {}),
  kind: a.kind,
});

export interface AgencyInput {
  id: string;
  name: string;
  nameEn?: string | null;
  kind: string;
  attributes?: Record<string, AttributeValue>;
  ruleSets?: string[];
  active?: boolean;
}

/** Inserts an agency; null when one with its id exists already. */
export async function insertAgency(tx: Tx, input: AgencyInput): Promise<Agency | null> {
  const res = await tx.query<AgencyRow>(
    `INSERT INTO agencies (id, name, name_en, kind, attributes, rule_sets, active)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::text[], $7) ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
    [
      input.id,
      input.name,
      input.nameEn ?? null,
      input.kind,
      JSON.stringify(input.attributes ?? {}),
      input.ruleSets ?? [],
      input.active ?? true,
    ],
  );
  return res.rows[0] ? toAgency(res.rows[0]) : null;
}

export async function getAgency(db: Queryable, id: string): Promise<Agency | null> {
  const res = await db.query<AgencyRow>(`SELECT ${COLUMNS} FROM agencies WHERE id = $1`, [id]);
  return res.rows[0] ? toAgency(res.rows[0]) : null;
}

export async function requireAgency(db: Queryable, id: string): Promise<Agency> {
  const agency = await getAgency(db, id);
  if (!agency) throw notFound(WHAT, id);
  return agency;
}

export interface AgencyFilter {
  id?: string[];
  q?: string;
  kind?: string;
  ruleSet?: string;
  active?: boolean;
}

export const AGENCY_SORT: Record<string, string> = {
  id: 'id',
  name: viOrder('name'),
  nameEn: viOrder('name_en'),
  kind: 'kind',
  active: 'active',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export async function listAgencies(db: Queryable, filter: AgencyFilter, page: Page): Promise<{ rows: Agency[]; total: number }> {
  const w = new Where();
  if (filter.id) w.add('id = ANY(?::text[])', filter.id);
  if (filter.q) w.add('(id ILIKE ? OR name ILIKE ? OR name_en ILIKE ?)', ...Array(3).fill(likePattern(filter.q)));
  if (filter.kind) w.add('kind = ?', filter.kind);
  if (filter.ruleSet) w.add('? = ANY(rule_sets)', filter.ruleSet);
  if (filter.active !== undefined) w.add('active = ?', filter.active);
  const total = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM agencies ${w.sql}`, w.params);
  const rows = await db.query<AgencyRow>(`SELECT ${COLUMNS} FROM agencies ${w.sql} ${w.page(page)}`, w.params);
  return { rows: rows.rows.map(toAgency), total: Number(total.rows[0].n) };
}

/** The active agencies assessed under a rule set, as the engine sees them (for lint and cohorts). */
export async function engineAgencies(db: Queryable, ruleSet: string): Promise<EngineAgency[]> {
  const res = await db.query<AgencyRow>(`SELECT ${COLUMNS} FROM agencies WHERE active AND $1 = ANY(rule_sets) ORDER BY id`, [ruleSet]);
  return res.rows.map((r) => toEngineAgency(toAgency(r)));
}

/** The agency's row, locked for the rest of the transaction. */
export async function lockAgency(tx: Tx, id: string): Promise<Agency | null> {
  const res = await tx.query<AgencyRow>(`SELECT ${COLUMNS} FROM agencies WHERE id = $1 FOR UPDATE`, [id]);
  return res.rows[0] ? toAgency(res.rows[0]) : null;
}

export async function writeAgency(tx: Tx, agency: Omit<Agency, 'createdAt' | 'updatedAt'>): Promise<Agency> {
  const res = await tx.query<AgencyRow>(
    `UPDATE agencies SET name = $2, name_en = $3, kind = $4, attributes = $5::jsonb, active = $6,
            rule_sets = $7::text[], updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [agency.id, agency.name, agency.nameEn, agency.kind, JSON.stringify(agency.attributes), agency.active, agency.ruleSets],
  );
  return toAgency(res.rows[0]);
}

/** Deletes an agency; false when users or submissions still refer to it. */
export async function deleteAgencyRow(tx: Tx, id: string): Promise<boolean> {
  try {
    await tx.query('SAVEPOINT delete_agency');
    await tx.query('DELETE FROM agencies WHERE id = $1', [id]);
    await tx.query('RELEASE SAVEPOINT delete_agency');
    return true;
  } catch (err) {
    if ((err as { code?: string }).code !== '23503') throw err;
    await tx.query('ROLLBACK TO SAVEPOINT delete_agency');
    return false;
  }
}
