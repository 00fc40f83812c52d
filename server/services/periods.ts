// Assessment periods: one year of a rule set, pinned to a published version. The status only moves
// forward (open → appraisal → closed → published); the trigger in 0002_assessment.sql holds the
// same rule for every SQL client, these checks give the clear error first. Every change is audited.
import type { Queryable, Tx } from '../store/db';
import type { PerAgency } from '../store/sql';
import { recordAudit } from '../store/audit';
import {
  insertPeriod,
  removePeriod,
  requirePeriod,
  setPeriodStatus,
  writePeriod,
  yearTaken,
  type Period,
  type PeriodStatus,
} from '../store/periods';
import { requireVersion } from '../store/versions';
import { openReplies } from '../store/replies';
import { fieldProblem, Problem } from '../problems/problem';
import { assertCurrent } from './etag';
import { checkedSchedule, pastDeadline, scheduleHold } from './schedule';
import { cohortFor, periodVersion } from './compiled';
import { AGENCY_SORT, listAgencies } from '../store/agencies';
import { submissionsOfPeriod, unreviewedExplanations } from '../store/submissions';
import { vietnamDay } from '../engine';

export { listPeriods, PERIOD_SORT, PERIOD_STATUSES, requirePeriod, type Period, type PeriodStatus } from '../store/periods';

/** What an audit entry keeps of a period (the counts are derived, not state). */
const audited = ({ submissionCount: _n, ...p }: Period) => p;

/** A period is pinned to a published version: results must be reproducible from a frozen document. */
async function publishedVersion(tx: Queryable, versionId: string) {
  const version = await requireVersion(tx, versionId);
  if (version.status !== 'published') {
    throw new Problem(
      'version-not-published',
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
  if (await yearTaken(tx, ruleSet, year, exceptId)) {
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
  /** When given, it must be the rule set of the version (the console sends what the user chose). */
  ruleSet?: string;
  /** The year's dates; without them no deadline applies. */
  schedule?: Record<string, unknown> | null;
}

export async function createPeriod(tx: Tx, input: PeriodInput, actor: string): Promise<Period> {
  const version = await publishedVersion(tx, input.versionId);
  await assertYearFree(tx, version.ruleSet, input.year);
  if (input.ruleSet !== undefined && input.ruleSet !== version.ruleSet) {
    throw new Problem(
      'rule-set-mismatch',
      {
        vi: `Phiên bản đã chọn thuộc bộ chỉ số "${version.ruleSet}", không phải "${input.ruleSet}".`,
        en: `The chosen version belongs to rule set "${version.ruleSet}", not "${input.ruleSet}".`,
      },
      [
        {
          severity: 'error',
          path: '/ruleSet',
          code: 'rule-set-mismatch',
          message: { vi: 'Khác bộ chỉ số của phiên bản', en: "Not the version's rule set" },
        },
      ],
    );
  }
  const period = await insertPeriod(
    tx,
    {
      ruleSet: version.ruleSet,
      year: input.year,
      versionId: version.id,
      title: input.title.trim(),
      schedule: input.schedule ? checkedSchedule(input.schedule) : null,
      demo: input.demo ?? false,
    },
    actor,
  );
  await recordAudit(tx, { actor, action: 'create', resource: 'periods', resourceId: period.id, after: audited(period) });
  return period;
}

const locked = (p: Period) =>
  new Problem('period-locked', {
    vi: `Kỳ đánh giá đang ở trạng thái "${p.status}"; chỉ đổi được phiên bản áp dụng khi kỳ còn mở.`,
    en: `The period is ${p.status}; its version can only change while it is open.`,
  });

/** Changes a period read with `etag` (412 if someone changed it since). Its dates change until it is closed. */
export async function updatePeriod(
  tx: Tx,
  id: string,
  input: { title?: string; versionId?: string; schedule?: Record<string, unknown> | null },
  actor: string,
  etag: string,
): Promise<Period> {
  const before = await requirePeriod(tx, id, true);
  assertCurrent(before, etag, { vi: 'Kỳ đánh giá', en: 'assessment period' });
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
  let schedule = before.schedule;
  if (input.schedule !== undefined && JSON.stringify(input.schedule) !== JSON.stringify(before.schedule)) {
    if (before.status === 'closed') {
      throw new Problem('period-locked', {
        vi: 'Kỳ đánh giá đã kết thúc; không đổi được lịch.',
        en: 'The period is closed; its dates cannot change.',
      });
    }
    schedule = input.schedule === null ? null : checkedSchedule(input.schedule);
  }
  const title = input.title?.trim() ?? before.title;
  const after = await writePeriod(tx, id, { title, versionId, schedule }, actor);
  await recordAudit(tx, { actor, action: 'update', resource: 'periods', resourceId: id, before: audited(before), after: audited(after) });
  return after;
}

const NEXT: Record<PeriodStatus, PeriodStatus | null> = {
  open: 'appraisal',
  appraisal: 'closed',
  closed: 'published',
  published: null,
};

/** Moving on before the schedule says so: allowed with a reason, which the audit log keeps. */
export interface ScheduleOverride {
  reason: string;
}

/**
 * Moves a period one step forward; anything else is refused. The schedule's dates hold unless
 * overridden with a reason; a period never closes on a reply nobody answered or an explanation
 * nobody reviewed.
 */
export async function transitionPeriod(tx: Tx, id: string, to: PeriodStatus, actor: string, override?: ScheduleOverride): Promise<Period> {
  const before = await requirePeriod(tx, id, true);
  if (NEXT[before.status] !== to) {
    const next = NEXT[before.status];
    throw new Problem('invalid-transition', {
      vi: `Không thể chuyển kỳ đánh giá từ "${before.status}" sang "${to}"${next ? ` (bước tiếp theo: "${next}")` : ' (kỳ đã công bố)'}.`,
      en: `The period cannot go from "${before.status}" to "${to}"${next ? ` (next step: "${next}")` : ' (it is published)'}.`,
    });
  }
  if (to === 'closed') await assertNothingPending(tx, before);
  const hold = scheduleHold(before, to);
  const reason = override?.reason.trim();
  if (override && !reason) {
    throw fieldProblem('reason-required', '/override/reason', {
      vi: 'Cần ghi lý do chuyển trước lịch.',
      en: 'Say why the schedule is overridden.',
    });
  }
  if (hold && !reason) {
    throw new Problem(
      'schedule-not-reached',
      { vi: `${hold.vi} Muốn chuyển sớm, hãy ghi lý do.`, en: `${hold.en} To move on early, give a reason.` },
      undefined,
      { overridable: true },
    );
  }
  const after = await setPeriodStatus(tx, id, to, actor);
  await recordAudit(tx, {
    actor,
    action: 'transition',
    resource: 'periods',
    resourceId: id,
    before: { status: before.status },
    after: { status: after.status, ...(reason ? { override: { reason, ...(hold ? { schedule: hold } : {}) } } : {}) },
  });
  return after;
}

/** "Sở Y tế: 2; Sở Xây dựng: 1" — who to call, with how many each. */
const perAgency = (rows: PerAgency[]) => rows.map((r) => `${r.agencyName}: ${r.count}`).join('; ');
const total = (rows: PerAgency[]) => rows.reduce((n, r) => n + r.count, 0);

async function assertNothingPending(tx: Tx, period: Period): Promise<void> {
  const replies = await openReplies(tx, period.id);
  if (replies.length) {
    const n = total(replies);
    throw new Problem('replies-open', {
      vi: `Còn ${n} phản hồi của cơ quan chưa được giải quyết (${perAgency(replies)}); hãy giải quyết trước khi kết thúc kỳ.`,
      en: `${n} agency repl${n === 1 ? 'y is' : 'ies are'} not resolved yet (${perAgency(replies)}); resolve them before closing.`,
    });
  }
  const explanations = await unreviewedExplanations(tx, period.id);
  if (explanations.length) {
    const n = total(explanations);
    throw new Problem('explanations-unreviewed', {
      vi: `Còn ${n} bản giải trình thay cho tài liệu kiểm chứng chưa được chấp nhận hoặc bác bỏ (${perAgency(explanations)}).`,
      en: `${n} explanation(s) filed in place of evidence are neither accepted nor rejected yet (${perAgency(explanations)}).`,
    });
  }
}

export async function deletePeriod(tx: Tx, id: string, actor: string): Promise<Period> {
  const before = await requirePeriod(tx, id, true);
  if (before.status !== 'open' || before.submissionCount > 0) {
    throw new Problem('period-in-use', {
      vi: 'Chỉ xoá được kỳ đánh giá đang mở và chưa có bản tự đánh giá nào.',
      en: 'Only an open period without submissions can be deleted.',
    });
  }
  await removePeriod(tx, id);
  await recordAudit(tx, { actor, action: 'delete', resource: 'periods', resourceId: id, before: audited(before) });
  return before;
}

export interface OverdueAgency {
  agencyId: string;
  agencyName: string;
  cohort: string;
  /** The draft's id, or null when the agency has not started. */
  submission: string | null;
}

/**
 * The agencies assessed in the period (active, in a cohort of the pinned version) without a
 * submitted self-assessment, in Vietnamese order; `overdue` once the deadline has passed.
 */
export async function overdueOf(db: Queryable, id: string) {
  const period = await requirePeriod(db, id);
  const { compiled } = await periodVersion(db, period);
  const agencies = await listAgencies(
    db,
    { ruleSet: period.ruleSet, active: true },
    { orderBy: AGENCY_SORT.name, order: 'ASC', offset: 0, limit: 100_000 },
  );
  const drafts = new Map((await submissionsOfPeriod(db, period.id, ['draft'])).map((s) => [s.agencyId, s.id]));
  const done = new Set((await submissionsOfPeriod(db, period.id, ['submitted', 'appraised'])).map((s) => s.agencyId));
  const rows: OverdueAgency[] = [];
  for (const a of agencies.rows) {
    const { cohort } = cohortFor(compiled, a);
    if (cohort === null || done.has(a.id)) continue;
    rows.push({ agencyId: a.id, agencyName: a.name, cohort, submission: drafts.get(a.id) ?? null });
  }
  const today = vietnamDay();
  return {
    periodId: period.id,
    today,
    submissionDue: period.schedule?.submissionDue ?? null,
    overdue: pastDeadline(period, today),
    agencies: rows,
  };
}
