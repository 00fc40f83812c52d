// Assessment periods as stored: one year of a rule set, pinned to a published version. What may be
// done to a period (its forward-only status, open → appraisal → closed → published) is decided in
// services/periods.ts; the trigger in 0002_assessment.sql holds the same rule for every SQL client.
import type { Queryable, Tx } from './db';
import { notFound } from '../problems/problem';
import { iso, viOrder, Where, type Page } from './sql';
import { isUuid } from './users';

export const PERIOD_STATUSES = ['open', 'appraisal', 'closed', 'published'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** The year's dates, each a calendar day (yyyy-mm-dd), in this order. */
export const SCHEDULE_DATES = ['opensOn', 'submissionDue', 'appraisalDue', 'replyDue', 'closesOn'] as const;
export type PeriodSchedule = Record<(typeof SCHEDULE_DATES)[number], string>;

export interface Period {
  id: string;
  ruleSet: string;
  year: number;
  versionId: string;
  /** The pinned version's label, e.g. "2021". */
  versionLabel: string;
  title: string;
  status: PeriodStatus;
  /** Null for a period made before periods had dates: no deadline applies to it. */
  schedule: PeriodSchedule | null;
  demo: boolean;
  submissionCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

interface PeriodRow {
  id: string;
  rule_set: string;
  year: number;
  version_id: string;
  version_label: string;
  title: string;
  status: PeriodStatus;
  schedule: PeriodSchedule | null;
  demo: boolean;
  submission_count: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
}

const COLUMNS = `p.id, p.rule_set, p.year, p.version_id, v.version AS version_label, p.title, p.status, p.schedule, p.demo,
  (SELECT count(*)::int FROM submissions s WHERE s.period_id = p.id) AS submission_count,
  p.created_at, p.created_by, p.updated_at, p.updated_by`;
const FROM = 'periods p JOIN versions v ON v.id = p.version_id';
const WHAT = { vi: 'kỳ đánh giá', en: 'Period' };

const toPeriod = (r: PeriodRow): Period => ({
  id: r.id,
  ruleSet: r.rule_set,
  year: r.year,
  versionId: r.version_id,
  versionLabel: r.version_label,
  title: r.title,
  status: r.status,
  schedule: r.schedule,
  demo: r.demo,
  submissionCount: r.submission_count,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
  updatedAt: iso(r.updated_at)!,
  updatedBy: r.updated_by,
});

async function getPeriod(db: Queryable, id: string, lock = false): Promise<Period | null> {
  if (!isUuid(id)) return null;
  // FOR UPDATE cannot lock through the aggregate; lock the row first, then read it whole.
  if (lock) await db.query('SELECT id FROM periods WHERE id = $1 FOR UPDATE', [id]);
  const res = await db.query<PeriodRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [id]);
  return res.rows[0] ? toPeriod(res.rows[0]) : null;
}

export async function requirePeriod(db: Queryable, id: string, lock = false): Promise<Period> {
  const period = await getPeriod(db, id, lock);
  if (!period) throw notFound(WHAT, id);
  return period;
}

export interface PeriodFilter {
  id?: string[];
  ruleSet?: string;
  year?: number;
  status?: PeriodStatus;
  versionId?: string;
}

export const PERIOD_SORT: Record<string, string> = {
  id: 'p.id',
  ruleSet: 'p.rule_set',
  year: 'p.year',
  title: viOrder('p.title'),
  status: 'p.status',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
};

export async function listPeriods(db: Queryable, filter: PeriodFilter, page: Page): Promise<{ rows: Period[]; total: number }> {
  const w = new Where();
  if (filter.id) w.add('p.id::text = ANY(?::text[])', filter.id);
  if (filter.ruleSet) w.add('p.rule_set = ?', filter.ruleSet);
  if (filter.year !== undefined) w.add('p.year = ?', filter.year);
  if (filter.status) w.add('p.status = ?', filter.status);
  if (filter.versionId) w.add('p.version_id::text = ?', filter.versionId);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${FROM} ${w.sql}`, w.params);
  const rows = await db.query<PeriodRow>(`SELECT ${COLUMNS} FROM ${FROM} ${w.sql} ${w.page(page, 'p.id')}`, w.params);
  return { rows: rows.rows.map(toPeriod), total: total.rows[0].n };
}

export async function yearTaken(db: Queryable, ruleSet: string, year: number, exceptId?: string): Promise<boolean> {
  const res = await db.query('SELECT 1 FROM periods WHERE rule_set = $1 AND year = $2 AND id::text <> $3', [ruleSet, year, exceptId ?? '']);
  return res.rows.length > 0;
}

export interface PeriodRecord {
  ruleSet: string;
  year: number;
  versionId: string;
  title: string;
  schedule: PeriodSchedule | null;
  demo: boolean;
}

export async function insertPeriod(tx: Tx, period: PeriodRecord, actor: string): Promise<Period> {
  const res = await tx.query<{ id: string }>(
    `INSERT INTO periods (rule_set, year, version_id, title, schedule, demo, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $7) RETURNING id`,
    [period.ruleSet, period.year, period.versionId, period.title, period.schedule && JSON.stringify(period.schedule), period.demo, actor],
  );
  return requirePeriod(tx, res.rows[0].id);
}

export async function writePeriod(
  tx: Tx,
  id: string,
  fields: { title: string; versionId: string; schedule: PeriodSchedule | null },
  actor: string,
): Promise<Period> {
  await tx.query(
    'UPDATE periods SET title = $2, version_id = $3, schedule = $4::jsonb, updated_at = now(), updated_by = $5 WHERE id = $1',
    [id, fields.title, fields.versionId, fields.schedule && JSON.stringify(fields.schedule), actor],
  );
  return requirePeriod(tx, id);
}

export async function setPeriodStatus(tx: Tx, id: string, status: PeriodStatus, actor: string): Promise<Period> {
  await tx.query('UPDATE periods SET status = $2, updated_at = now(), updated_by = $3 WHERE id = $1', [id, status, actor]);
  return requirePeriod(tx, id);
}

export async function removePeriod(tx: Tx, id: string): Promise<void> {
  await tx.query('DELETE FROM periods WHERE id = $1', [id]);
}
