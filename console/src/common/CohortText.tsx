import { useGetOne, useRecordContext } from 'react-admin';
import type { RuleSetVersion } from '../../../server/engine';
import { useLt } from './useLt';

/** A cohort's name under the version that placed the agency in it; its id only while that loads. */
export const useCohortName = (versionId: string | null | undefined) => {
  const lt = useLt();
  const { data: version } = useGetOne('versions', { id: versionId ?? '' }, { enabled: !!versionId, staleTime: Infinity });
  const cohorts = (version?.document as RuleSetVersion | undefined)?.cohorts ?? [];
  return (id: string | null | undefined) => (id ? lt(cohorts.find((c) => c.id === id)?.name) || id : '—');
};

/** The cohort of a record carrying `versionId` and `cohort` (an evaluation), by name. */
export const CohortText = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const name = useCohortName(record?.versionId);
  return <span>{name(record?.cohort)}</span>;
};
