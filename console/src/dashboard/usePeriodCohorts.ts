import { useEffect, useState } from 'react';
import { assignCohort, compileVersion, type RuleSetVersion } from '../../../server/engine';
import { dataProvider } from '../providers/dataProvider';
import { toAgency } from '../versions/impact/computeImpact';
import { type RaRecord } from 'react-admin';

export interface PeriodCohorts {
  doc: RuleSetVersion;
  agencies: RaRecord<string>[];
  submissions: RaRecord<string>[];
  /** agencyId → cohort id under the period's version (null: in no cohort). */
  cohortOf: Map<string, string | null>;
}

export interface PeriodCohortsState {
  data: PeriodCohorts | null;
  error: Error | null;
}

/**
 * The period's agencies grouped by cohort. Cohorts are computed in the browser by the engine from
 * the pinned version's membership rules, the same way the server assigns them when scoring.
 */
export function usePeriodCohorts(period: { id: string | number; ruleSet?: string; versionId?: string } | undefined): PeriodCohortsState {
  const [state, setState] = useState<PeriodCohortsState & { periodId?: string | number }>({ data: null, error: null });
  // The period's fields, not the record: a refetched record is a new object with the same period.
  const periodId = period?.id;
  const ruleSet = period?.ruleSet;
  const versionId = period?.versionId;
  useEffect(() => {
    if (periodId === undefined || ruleSet === undefined || versionId === undefined) return;
    let cancelled = false;
    (async () => {
      const [version, agencies, submissions] = await Promise.all([
        dataProvider.getOne('versions', { id: versionId }),
        dataProvider.getAll('agencies', { ruleSet, active: true }),
        dataProvider.getAll('submissions', { periodId }),
      ]);
      const doc = version.data.document as RuleSetVersion;
      const compiled = compileVersion(doc);
      const cohortOf = new Map<string, string | null>();
      for (const a of agencies) cohortOf.set(a.id, assignCohort(compiled, toAgency(a)).cohort);
      if (!cancelled) setState({ periodId, data: { doc, agencies, submissions, cohortOf }, error: null });
    })().catch((error) => !cancelled && setState({ periodId, data: null, error }));
    return () => {
      cancelled = true;
    };
  }, [periodId, ruleSet, versionId]);
  // Another period's agencies are not this one's: nothing is shown until this period's arrive.
  return state.periodId === periodId ? state : { data: null, error: null };
}
