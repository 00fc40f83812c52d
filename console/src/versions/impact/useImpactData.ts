import { useEffect, useState } from 'react';
import { dataProvider } from '../../providers/dataProvider';
import type { Ranking, SubmissionInput } from '../../../../server/engine';
import { toAgency } from './computeImpact';
import { currentRanking } from '../../rankings/currentRanking';

export interface ImpactData {
  inputs: SubmissionInput[];
  stored: Ranking | null;
}

/** A period's submitted values (appraised where appraised) with their agencies, and its current ranking. */
export function useImpactData(periodId: string | null) {
  // What was loaded, with the period it was loaded for: another period's data is never returned.
  const [loaded, setLoaded] = useState<{ periodId: string; data: ImpactData | null; error: Error | null } | null>(null);
  useEffect(() => {
    if (!periodId) return;
    let cancelled = false;
    (async () => {
      const [submissions, agencies, { data: period }] = await Promise.all([
        dataProvider.getAll('submissions', { periodId }),
        dataProvider.getAll('agencies'),
        dataProvider.getOne('periods', { id: periodId }),
      ]);
      const byId = new Map(agencies.map((a) => [a.id, a]));
      const inputs: SubmissionInput[] = submissions
        .filter((s) => s.status === 'submitted' || s.status === 'appraised')
        .filter((s) => byId.has(s.agencyId))
        .map((s) => ({ agency: toAgency(byId.get(s.agencyId)!), facts: s.effectiveFacts ?? s.facts ?? {} }));
      const stored = await currentRanking(period);
      if (!cancelled) setLoaded({ periodId, data: { inputs, stored }, error: null });
    })().catch((error) => !cancelled && setLoaded({ periodId, data: null, error }));
    return () => {
      cancelled = true;
    };
  }, [periodId]);
  if (!periodId) return { data: null, loading: false, error: null };
  if (loaded?.periodId !== periodId) return { data: null, loading: true, error: null };
  return { data: loaded.data, loading: false, error: loaded.error };
}
