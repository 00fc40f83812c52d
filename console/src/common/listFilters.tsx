// The filters that find things in the lists: a rule set (the province's index) by its title, and a
// cohort by its name among the cohorts of the version that applies, never a typed code.
import { useEffect, useMemo } from 'react';
import { ReferenceInput, SelectInput, useGetList, useGetOne } from 'react-admin';
import { useVersionCohorts } from './useVersionCohorts';
import { useFormContext, useWatch } from 'react-hook-form';
import { useLt } from './useLt';

const collator = new Intl.Collator('vi');

/**
 * The version a rule set is worked under now: that of its latest period, else its latest
 * published version (a rule set no period uses yet).
 */
export const useCurrentVersionOf = (ruleSet: string | undefined): string | null | undefined => {
  const enabled = !!ruleSet;
  const { data: periods } = useGetList(
    'periods',
    { filter: { ruleSet }, sort: { field: 'year', order: 'DESC' }, pagination: { page: 1, perPage: 1 } },
    { enabled },
  );
  const { data: versions } = useGetList(
    'versions',
    { filter: { ruleSet, status: 'published' }, sort: { field: 'effectiveFrom', order: 'DESC' }, pagination: { page: 1, perPage: 1 } },
    { enabled: enabled && periods?.length === 0 },
  );
  if (!enabled) return null;
  return periods?.[0]?.versionId ?? (versions?.length ? versions[0].id : versions ? null : undefined);
};

/** A rule set picked by its title, in Vietnamese alphabetical order. */
export const RuleSetFilter = (props: { source?: string; alwaysOn?: boolean }) => {
  const lt = useLt();
  return (
    <ReferenceInput source={props.source ?? 'ruleSet'} reference="rule-sets" sort={{ field: 'title', order: 'ASC' }} perPage={100}>
      <SelectInput optionText={(r: { title: never }) => lt(r.title)} label="chiso.filters.ruleSet" sx={{ minWidth: 220, maxWidth: 360 }} />
    </ReferenceInput>
  );
};

/**
 * A cohort picked by name among the cohorts of `versionId` (undefined: still loading; null: there is
 * none, as before a period is picked). The input drops a cohort the version does not have.
 * `pairVersion`: the list needs the version beside the cohort (agencies have no cohort of their own,
 * only one under a version), so the input keeps the filter's versionId in step.
 */
export const CohortFilter = ({ versionId, pairVersion = false }: { versionId: string | null | undefined; pairVersion?: boolean }) => {
  const cohorts = useVersionCohorts(versionId ?? undefined);
  const { setValue } = useFormContext();
  const cohort = useWatch({ name: 'cohort' }) as string | undefined;
  const pairedVersion = useWatch({ name: 'versionId' }) as string | undefined;
  useEffect(() => {
    if (versionId === undefined || (versionId !== null && !cohorts.length)) return;
    const kept = versionId !== null && !!cohort && cohorts.some((c) => c.id === cohort);
    if (cohort && !kept) setValue('cohort', '', { shouldDirty: true });
    const wanted = pairVersion && kept ? versionId : '';
    if (pairVersion && (pairedVersion ?? '') !== wanted) setValue('versionId', wanted, { shouldDirty: true });
  }, [versionId, cohorts, cohort, pairedVersion, pairVersion, setValue]);
  const choices = useMemo(() => [...cohorts].sort((a, b) => collator.compare(a.name, b.name)), [cohorts]);
  return (
    <SelectInput
      source="cohort"
      label="chiso.filters.cohort"
      choices={choices}
      disabled={!versionId}
      helperText={versionId ? false : 'chiso.filters.cohortNeedsPeriod'}
      sx={{ minWidth: 200 }}
    />
  );
};

/** The periods of the rule set picked beside it, newest first. */
export const PeriodFilter = (_props: { source: string; alwaysOn?: boolean }) => {
  const ruleSet = useFilterValue('ruleSet');
  return (
    <ReferenceInput source="periodId" reference="periods" sort={{ field: 'year', order: 'DESC' }} filter={ruleSet ? { ruleSet } : {}}>
      <SelectInput optionText="title" />
    </ReferenceInput>
  );
};

/** A submission's or evaluation's cohort under the picked period's version (`fallback` with no period). */
export const PeriodCohortFilter = ({ fallback }: { source: string; alwaysOn?: boolean; fallback: string | null | undefined }) => {
  const periodId = useFilterValue('periodId');
  const { data: period } = useGetOne('periods', { id: periodId ?? '' }, { enabled: !!periodId });
  return <CohortFilter versionId={periodId ? period?.versionId : fallback} />;
};

/** A value the filter form holds now. */
export const useFilterValue = (name: string) => useWatch({ name }) as string | undefined;
