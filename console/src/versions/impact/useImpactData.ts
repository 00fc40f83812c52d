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
  const [state, setState] = useState<{ data: ImpactData | null; loading: boolean; error: Error | null }>({
    data: null,
    loading: false,
    error: null,
  });
  useEffect(() => {
    if (!periodId) return;
    let cancelled = false;
    setState({ data: null, loading: true, error: null });
    (async () => {
      const [submissions, agencies, { data: period }] = await Promise.all([
        dataProvider.getAll('submissions', { periodId }),
        dataProvider.getAll('agencies'),
        dataProvider.getOne('periods', { id: periodId }),
      ]);
      const byId = new Map(agencies.map((a: any) => [a.id, a]));
      const inputs: SubmissionInput[] = submissions
        .filter((s: any) => s.status === 'submitted' || s.status === 'appraised')
        .filter((s: any) => byId.has(s.agencyId))
        .map((s: any) => ({ agency: toAgency(byId.get(s.agencyId)), facts: s.effectiveFacts ?? s.facts ?? {} }));
      const stored = await currentRanking(period);
      if (!cancelled) setState({ data: { inputs, stored }, loading: false, error: null });
    })().catch((error) => !cancelled && setState({ data: null, loading: false, error }));
    return () => {
      cancelled = true;
    };
  }, [periodId]);
  return state;
}
