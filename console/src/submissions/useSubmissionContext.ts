import { useEffect, useState } from 'react';
import type { RuleSetVersion } from '../../../server/engine';
import { dataProvider } from '../providers/dataProvider';
import { type RaRecord } from 'react-admin';

export interface SubmissionContext {
  period: RaRecord;
  version: RuleSetVersion;
  cohort: string | null;
}

/** The period a submission belongs to, its pinned version's document, and the agency's cohort under it. */
export function useSubmissionContext(submission: { periodId?: string; agencyId?: string; [k: string]: unknown } | undefined) {
  const [state, setState] = useState<{ data: SubmissionContext | null; error: Error | null }>({ data: null, error: null });
  useEffect(() => {
    if (!submission?.periodId || !submission.agencyId) return;
    let cancelled = false;
    (async () => {
      const { data: period } = await dataProvider.getOne('periods', { id: submission.periodId });
      const [{ data: version }, cohort] = await Promise.all([
        dataProvider.getOne('versions', { id: period.versionId }),
        dataProvider.agencyCohort(submission.agencyId!, period.versionId),
      ]);
      if (!cancelled) setState({ data: { period, version: version.document, cohort: cohort.cohort }, error: null });
    })().catch((error) => !cancelled && setState({ data: null, error }));
    return () => {
      cancelled = true;
    };
  }, [submission?.periodId, submission?.agencyId]);
  return state;
}
