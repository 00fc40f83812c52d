// What-if: the period's current inputs (effective facts of every submitted submission) evaluated
// under the pinned version and under another one (published or draft), side by side per agency.
// Nothing is stored: this is how an administrator sees a draft's impact before publishing it.
import { rankEvaluations, type Ranking, type Score, scoreSubmissions } from '../engine';
import type { Standing, WhatIfReport, WhatIfRow } from '../api/types';
import type { Tx } from '../store/db';
import { requirePeriod } from '../store/periods';
import { periodVersion } from './compiled';
import { periodInputs } from './evaluate';

function ranks(ranking: Ranking): Map<string, number | null> {
  return new Map(ranking.cohorts.flatMap((c) => c.entries.map((e) => [e.agencyId, e.rank] as const)));
}

const standing = (e: Score, rank: number | null): Standing => ({
  cohort: e.cohort,
  total: e.total,
  percentage: e.percentage,
  band: e.band,
  rank,
});

export async function whatIf(tx: Tx, periodId: string, versionId: string): Promise<WhatIfReport> {
  const period = await requirePeriod(tx, periodId);
  // What-if is the scoring-only path: totals, bands and ranks under each version, nothing stored.
  const base = await periodInputs(tx, period);
  const { version: target, compiled: targetCompiled } = await periodVersion(tx, period, versionId);
  const baseCompiled = base.compiled;
  const scored = scoreSubmissions(baseCompiled, base.inputs, { year: period.year });
  const after = scoreSubmissions(targetCompiled, base.inputs, { year: period.year });
  const beforeRanks = ranks(rankEvaluations(baseCompiled, scored));
  const afterRanks = ranks(rankEvaluations(targetCompiled, after));
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
