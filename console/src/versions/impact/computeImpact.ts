// Re-scores a period's submissions under the draft being edited, in the browser, with the same
// engine the server uses, and lines the result up against the period's stored ranking.
import {
  type Agency,
  compileVersion,
  rankEvaluations,
  type Ranking,
  type RuleSetVersion,
  scoreSubmissions,
  type SubmissionInput,
} from '../../../../server/engine';

import type { Standing } from '../../../../server/api/types';

export type { Standing } from '../../../../server/api/types';

export interface ImpactRow {
  agencyId: string;
  agencyName: string;
  /** Under the draft, or where the agency stood before if the draft places it in no cohort. */
  cohort: string | null;
  before: Standing | null;
  after: Standing | null;
  bandChanged: boolean;
  rankChanged: boolean;
  delta: number | null;
}

/** agencyId → standing, from a ranking (current or computed). */
export function standings(ranking: Ranking | null | undefined): Map<string, Standing> {
  const out = new Map<string, Standing>();
  for (const cohort of ranking?.cohorts ?? []) {
    for (const e of cohort.entries)
      out.set(e.agencyId, { cohort: cohort.cohort, total: e.total, percentage: e.percentage, band: e.band, rank: e.rank });
  }
  return out;
}

/** What the API gives for an agency, flattened to the engine's Agency (attributes at the top level). */
export const toAgency = (a: {
  id: string;
  name: string;
  nameEn?: string | null;
  kind: string;
  attributes?: Record<string, unknown>;
}): Agency => ({ ...(a.attributes ?? {}), id: a.id, name: a.name, ...(a.nameEn ? { nameEn: a.nameEn } : {}), kind: a.kind }) as Agency;

/** The scoring-only path: totals, bands and ranks, no trace and no hashes (what a preview needs). */
export function computeImpact(doc: RuleSetVersion, inputs: SubmissionInput[], stored: Ranking | null): ImpactRow[] {
  const compiled = compileVersion(doc);
  const after = standings(rankEvaluations(compiled, scoreSubmissions(compiled, inputs)));
  const before = standings(stored);
  return inputs.map((input) => {
    const b = before.get(input.agency.id) ?? null;
    const a = after.get(input.agency.id) ?? null;
    const bandChanged = (b?.band?.id ?? null) !== (a?.band?.id ?? null);
    const rankChanged = (b?.rank ?? null) !== (a?.rank ?? null) || (b?.cohort ?? null) !== (a?.cohort ?? null);
    return {
      agencyId: input.agency.id,
      agencyName: input.agency.name,
      cohort: a?.cohort ?? b?.cohort ?? null,
      before: b,
      after: a,
      bandChanged,
      rankChanged,
      delta: a && b ? Math.round((a.total - b.total) * 1e6) / 1e6 : null,
    };
  });
}
