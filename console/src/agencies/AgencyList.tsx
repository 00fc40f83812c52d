import { BooleanInput, CreateButton, DataTable, List, SearchInput, TextInput, TopToolbar, useCanAccess, type RaRecord } from 'react-admin';
import { Chip, LinearProgress } from '@mui/material';
import { CohortFilter, RuleSetFilter, useCurrentVersionOf, useFilterValue } from '../common/listFilters';
import { useCurrentRuleSetFilter } from '../dashboard/useCurrentPeriod';

/** Agencies have a cohort only under a version: the one their rule set is worked under now. */
const AgencyCohortFilter = (_props: { source: string; alwaysOn?: boolean }) => (
  <CohortFilter versionId={useCurrentVersionOf(useFilterValue('ruleSet'))} pairVersion />
);

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <RuleSetFilter source="ruleSet" alwaysOn key="ruleSet" />,
  <AgencyCohortFilter source="cohort" alwaysOn key="cohort" />,
  <TextInput source="kind" key="kind" />,
  <BooleanInput source="active" key="active" />,
];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'agencies', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton />}</TopToolbar>;
};

/**
 * State agencies being assessed: name, kind and the attributes cohort rules read. Two provinces'
 * lists share names ("Ban Dân tộc"), so the list opens on the rule set of the current period.
 */
export const AgencyList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'agencies', action: 'edit' });
  const { pending, defaults } = useCurrentRuleSetFilter();
  if (pending) return <LinearProgress />;
  return (
    <List filters={filters} filterDefaultValues={defaults} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="id" />
        <DataTable.Col source="kind" />
        <DataTable.Col
          source="attributes"
          disableSort
          render={(r: RaRecord) =>
            Object.entries(r.attributes ?? {})
              .map(([k, v]) => `${k}: ${v === true ? '✓' : v === false ? '✗' : String(v)}`)
              .join(' · ')
          }
        />
        <DataTable.Col
          source="active"
          render={(r: RaRecord) => (
            <Chip size="small" variant="outlined" color={r.active ? 'success' : 'default'} label={r.active ? '✓' : '—'} />
          )}
        />
      </DataTable>
    </List>
  );
};
