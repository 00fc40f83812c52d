import { useEffect, useState } from 'react';
import { assignCohort, compileVersion, type RuleSetVersion } from '../../../server/engine';
import { dataProvider } from '../providers/dataProvider';
import { toAgency } from '../versions/impact/computeImpact';

export interface PeriodCohorts {
  doc: RuleSetVersion;
  agencies: any[];
  submissions: any[];
  /** agencyId → cohort id under the period's version (null: in no cohort). */
  cohortOf: Map<string, string | null>;
}

/**
 * The period's agencies grouped by cohort. Cohorts are computed in the browser by the engine from
 * the pinned version's membership rules, the same way the server assigns them when scoring.
 */
export function usePeriodCohorts(period: { id: string | number; ruleSet: string; versionId: string } | undefined) {
  const [state, setState] = useState<{ data: PeriodCohorts | null; error: Error | null }>({ data: null, error: null });
  useEffect(() => {
    if (!period) return;
    let cancelled = false;
    (async () => {
      const [version, agencies, submissions] = await Promise.all([
        dataProvider.getOne('versions', { id: period.versionId }),
        dataProvider.getAll('agencies', { ruleSet: period.ruleSet, active: true }),
        dataProvider.getAll('submissions', { periodId: period.id }),
      ]);
      const doc = version.data.document as RuleSetVersion;
      const compiled = compileVersion(doc);
      const cohortOf = new Map<string, string | null>();
      for (const a of agencies) cohortOf.set(a.id, assignCohort(compiled, toAgency(a)).cohort);
      if (!cancelled) setState({ data: { doc, agencies, submissions, cohortOf }, error: null });
    })().catch((error) => !cancelled && setState({ data: null, error }));
    return () => {
      cancelled = true;
    };
  }, [period?.id, period?.ruleSet, period?.versionId]);
  return state;
}
