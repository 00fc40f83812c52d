// Assessment periods: one year of a rule set, pinned to a published version. The status only moves
// forward (open → appraisal → closed → published); the trigger in 0002_assessment.sql holds the
// same rule for every SQL client, these checks give the clear error first. Every change is audited.
import type { Queryable, Tx } from '../store/db';
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
import { Problem } from '../problems/problem';
import { assertCurrent } from './etag';

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
    { ruleSet: version.ruleSet, year: input.year, versionId: version.id, title: input.title.trim(), demo: input.demo ?? false },
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

/** Changes a period read with `etag` (412 if someone changed it since). */
export async function updatePeriod(
  tx: Tx,
  id: string,
  input: { title?: string; versionId?: string },
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
  const title = input.title?.trim() ?? before.title;
  const after = await writePeriod(tx, id, { title, versionId }, actor);
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
  const after = await setPeriodStatus(tx, id, to, actor);
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
  await removePeriod(tx, id);
  await recordAudit(tx, { actor, action: 'delete', resource: 'periods', resourceId: id, before: audited(before) });
  return before;
}
