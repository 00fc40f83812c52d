// The scoring-only path: totals, percentages, bands and what ranking needs, with no trace and no
// hashes — for what-if, the console's impact preview and large batches. It runs the same rollup
// and totals as the full evaluation, so the two give the same numbers (test/engine/paths.test.ts).
import type { CompiledVersion } from './compile';
import type { Evaluation, Score } from './evaluation';
import { pointsOf } from './ranking';
import type { SubmissionInput } from './schemaTypes';
import { prepareBatch, type BatchOptions } from './batch';
import { rollup } from './rollup';
import { rounded, totals } from './total';

export function scoreSubmissions(compiled: CompiledVersion, submissions: readonly SubmissionInput[], options: BatchOptions = {}): Score[] {
  const wanted = compiled.tieBreakers.length ? new Set(compiled.tieBreakers.map((t) => t.code)) : null;
  return prepareBatch(compiled, submissions, options).map(({ submission, env, cohort }): Score => {
    const head = { agencyId: submission.agency.id, agencyName: submission.agency.name };
    if (!cohort)
      return { ...head, cohort: null, total: 0, totalExact: '0', max: 0, percentage: 0, band: null, results: {}, tieBreakers: [] };
    const r = rollup(cohort, env, compiled.policy, false, wanted);
    const t = totals(compiled, cohort, r);
    return {
      ...head,
      cohort: cohort.cohort.id,
      total: rounded(compiled, t.total),
      totalExact: t.total.toString(),
      max: t.max.toNumber(),
      percentage: rounded(compiled, t.percentage),
      band: t.band,
      results: t.results,
      tieBreakers: compiled.tieBreakers.map((b) => (r.kept.get(b.code) ?? null)?.toString() ?? '0'),
    };
  });
}

/** What ranking needs of a full evaluation, for batches too large to keep whole (the CLI streams them). */
export const scoreOf = (compiled: CompiledVersion, e: Evaluation): Score => ({
  agencyId: e.agencyId,
  agencyName: e.agencyName,
  cohort: e.cohort,
  total: e.total,
  totalExact: e.totalExact,
  max: e.max,
  percentage: e.percentage,
  band: e.band,
  results: e.results,
  tieBreakers: compiled.tieBreakers.map((t) => pointsOf(e.nodes, t.code) ?? '0'),
});
