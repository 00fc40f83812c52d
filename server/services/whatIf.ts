// What-if: the period's current inputs (effective facts of every submitted submission) evaluated
// under the pinned version and under another one (published or draft), side by side per agency.
// Nothing is stored: this is how an administrator sees a draft's impact before publishing it.
// The scoring and ranking under both versions run in the scoring pool (scoring/pool.ts), off the
// event loop. Its reads happen in one transaction — the caller's, or, given the database, one of its
// own that ends before the scoring starts.
import type { Score } from '../engine';
import type { Standing, WhatIfReport, WhatIfRow } from '../api/types';
import type { Queryable } from '../store/db';
import { requirePeriod } from '../store/periods';
import { periodVersion } from './compiled';
import { isDatabase, periodInputs } from './evaluate';
import { scoreUnderBoth } from './scoring/pool';

const standing = (e: Score, rank: number | null): Standing => ({
  cohort: e.cohort,
  total: e.total,
  percentage: e.percentage,
  band: e.band,
  rank,
});

async function readWhatIf(q: Queryable, periodId: string, versionId: string) {
  const period = await requirePeriod(q, periodId);
  return { period, base: await periodInputs(q, period), targetLoaded: await periodVersion(q, period, versionId) };
}

export async function whatIf(db: Queryable, periodId: string, versionId: string): Promise<WhatIfReport> {
  const read = (q: Queryable) => readWhatIf(q, periodId, versionId);
  const { period, base, targetLoaded } = await (isDatabase(db) ? db.transaction(read) : read(db));
  const target = targetLoaded.version;
  // What-if is the scoring-only path: totals, bands and ranks under each version, nothing stored.
  const scores = await scoreUnderBoth(base, targetLoaded, base.inputs, period.year);
  const { before: scored, after } = scores;
  const beforeRanks = new Map(scores.beforeRanks);
  const afterRanks = new Map(scores.afterRanks);
  const places = Math.max(base.version.document.numeric.places, target.document.numeric.places);
  const rows = scored.map((b, i): WhatIfRow => {
    const a = after[i];
    const before = standing(b, beforeRanks.get(b.agencyId) ?? null);
    const next = standing(a, afterRanks.get(a.agencyId) ?? null);
    const bandChanged = (b.band?.id ?? null) !== (a.band?.id ?? null);
    const rankChanged = before.rank !== next.rank;
    return {
      agencyId: b.agencyId,
      agencyName: b.agencyName,
      cohort: a.cohort ?? b.cohort,
      before,
      after: next,
      delta: Number((a.total - b.total).toFixed(places)),
      bandChanged,
      rankChanged,
      changed: bandChanged || rankChanged || a.total !== b.total || a.cohort !== b.cohort,
    };
  });
  return {
    periodId: period.id,
    baseVersionId: base.version.id,
    baseVersion: base.version.version,
    versionId: target.id,
    version: target.version,
    versionStatus: target.status,
    rows,
    summary: {
      agencies: rows.length,
      changed: rows.filter((r) => r.changed).length,
      bandChanged: rows.filter((r) => r.bandChanged).length,
      rankChanged: rows.filter((r) => r.rankChanged).length,
    },
  };
}
