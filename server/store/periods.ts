// Assessment periods: one year of a rule set, pinned to a published version. The status only moves
// forward (open → appraisal → closed → published); the trigger in 0002_assessment.sql holds the
// same rule for every SQL client, these checks give the clear error first.
import type { Queryable, Tx } from './db';
import { recordAudit } from './audit';
import { notFound, Problem } from '../problems/problem';
import { iso, Where, type Page } from './sql';
import { isUuid } from './users';
import { requireVersion } from './versions';

export const PERIOD_STATUSES = ['open', 'appraisal', 'closed', 'published'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export interface Period {
  id: string;
  ruleSet: string;
  year: number;
  versionId: string;
  /** The pinned version's label, e.g. "2021". */
  versionLabel: string;
  title: string;
  status: PeriodStatus;
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
  demo: boolean;
  submission_count: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
}

const COLUMNS = `p.id, p.rule_set, p.year, p.version_id, v.version AS version_label, p.title, p.status, p.demo,
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
  demo: r.demo,
  submissionCount: r.submission_count,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
  updatedAt: iso(r.updated_at)!,
  updatedBy: r.updated_by,
});

/** What an audit entry keeps of a period (the counts are derived, not state). */
const audited = ({ submissionCount: _n, ...p }: Period) => p;

export async function getPeriod(db: Queryable, id: string, lock = false): Promise<Period | null> {
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
  title: 'p.title',
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

/** A period is pinned to a published version: results must be reproducible from a frozen document. */
async function publishedVersion(tx: Queryable, versionId: string) {
  const version = await requireVersion(tx, versionId);
  if (version.status !== 'published') {
    throw new Problem('version-not-published',
      {
        vi: `Kỳ đánh giá chỉ gắn được với phiên bản đã ban hành (phiên bản ${version.version} đang là ${version.status}).`,
        en: `A period can only be pinned to a published version (version ${version.version} is ${version.status}).`,
      },
      [
        {
          severity: 'error',
          path: '/versionId',
          code: 'version-not-published',
          message: { vi: 'Phiên bản chưa ban hành', en: 'The version is not published' },
        },
      ],
    );
  }
  return version;
}

async function assertYearFree(tx: Queryable, ruleSet: string, year: number, exceptId?: string): Promise<void> {
  const res = await tx.query('SELECT 1 FROM periods WHERE rule_set = $1 AND year = $2 AND id::text <> $3', [
    ruleSet,
    year,
    exceptId ?? '',
  ]);
  if (res.rows.length) {
    throw new Problem('period-exists', {
      vi: `Bộ chỉ số "${ruleSet}" đã có kỳ đánh giá năm ${year}.`,
      en: `Rule set "${ruleSet}" already has a period for ${year}.`,
    });
  }
}

export interface PeriodInput {
  year: number;
  versionId: string;
  title: string;
  demo?: boolean;
}

export async function createPeriod(tx: Tx, input: PeriodInput, actor: string): Promise<Period> {
  const version = await publishedVersion(tx, input.versionId);
  await assertYearFree(tx, version.ruleSet, input.year);
  const res = await tx.query<{ id: string }>(
    `INSERT INTO periods (rule_set, year, version_id, title, demo, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [version.ruleSet, input.year, version.id, input.title.trim(), input.demo ?? false, actor],
  );
  const period = await requirePeriod(tx, res.rows[0].id);
  await recordAudit(tx, { actor, action: 'create', resource: 'periods', resourceId: period.id, after: audited(period) });
  return period;
}

const locked = (p: Period) =>
  new Problem('period-locked', {
    vi: `Kỳ đánh giá đang ở trạng thái "${p.status}"; chỉ đổi được phiên bản áp dụng khi kỳ còn mở.`,
    en: `The period is ${p.status}; its version can only change while it is open.`,
  });

export async function updatePeriod(
  tx: Tx,
  id: string,
  input: { title?: string; versionId?: string },
  actor: string,
): Promise<Period> {
  const before = await requirePeriod(tx, id, true);
  if (before.status === 'published') throw locked(before);
  let versionId = before.versionId;
  if (input.versionId !== undefined && input.versionId !== before.versionId) {
    if (before.status !== 'open') throw locked(before);
    const version = await publishedVersion(tx, input.versionId);
    if (version.ruleSet !== before.ruleSet) {
      throw new Problem('rule-set-mismatch', {
        vi: `Phiên bản thuộc bộ chỉ số "${version.ruleSet}", không phải "${before.ruleSet}".`,
        en: `The version belongs to rule set "${version.ruleSet}", not "${before.ruleSet}".`,
      });
    }
    versionId = version.id;
  }
  const title = input.title?.trim() ?? before.title;
  await tx.query('UPDATE periods SET title = $2, version_id = $3, updated_at = now(), updated_by = $4 WHERE id = $1', [
    id,
    title,
    versionId,
    actor,
  ]);
  const after = await requirePeriod(tx, id);
  await recordAudit(tx, { actor, action: 'update', resource: 'periods', resourceId: id, before: audited(before), after: audited(after) });
  return after;
}

const NEXT: Record<PeriodStatus, PeriodStatus | null> = {
  open: 'appraisal',
  appraisal: 'closed',
  closed: 'published',
  published: null,
};

/** Moves a period one step forward; anything else is refused. */
export async function transitionPeriod(tx: Tx, id: string, to: PeriodStatus, actor: string): Promise<Period> {
  const before = await requirePeriod(tx, id, true);
  if (NEXT[before.status] !== to) {
    const next = NEXT[before.status];
    throw new Problem('invalid-transition', {
      vi: `Không thể chuyển kỳ đánh giá từ "${before.status}" sang "${to}"${next ? ` (bước tiếp theo: "${next}")` : ' (kỳ đã công bố)'}.`,
      en: `The period cannot go from "${before.status}" to "${to}"${next ? ` (next step: "${next}")` : ' (it is published)'}.`,
    });
  }
  await tx.query('UPDATE periods SET status = $2, updated_at = now(), updated_by = $3 WHERE id = $1', [id, to, actor]);
  const after = await requirePeriod(tx, id);
  await recordAudit(tx, {
    actor,
    action: 'transition',
    resource: 'periods',
    resourceId: id,
    before: { status: before.status },
    after: { status: after.status },
  });
  return after;
}

export async function deletePeriod(tx: Tx, id: string, actor: string): Promise<Period> {
  const before = await requirePeriod(tx, id, true);
  if (before.status !== 'open' || before.submissionCount > 0) {
    throw new Problem('period-in-use', {
      vi: 'Chỉ xoá được kỳ đánh giá đang mở và chưa có bản tự đánh giá nào.',
      en: 'Only an open period without submissions can be deleted.',
    });
  }
  await tx.query('DELETE FROM periods WHERE id = $1', [id]);
  await recordAudit(tx, { actor, action: 'delete', resource: 'periods', resourceId: id, before: audited(before) });
  return before;
}
