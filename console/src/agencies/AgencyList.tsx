import {
  BooleanInput,
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  type RaRecord,
} from 'react-admin';
import { Chip, LinearProgress } from '@mui/material';
import { CohortFilter, RuleSetFilter, useCurrentVersionOf, useFilterValue } from '../common/listFilters';
import { useCurrentRuleSetFilter } from '../dashboard/useCurrentPeriod';
import { useLt } from '../common/useLt';
import { AGENCY_KINDS, kindLabel } from './kinds';
import { useAttributeWords } from './useAttributeWords';

const KindFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const lt = useLt();
  return <SelectInput {...props} choices={AGENCY_KINDS.map((k) => ({ id: k.value, name: lt(k.label) }))} />;
};

/** Agencies have a cohort only under a version: the one their rule set is worked under now. */
const AgencyCohortFilter = (_props: { source: string; alwaysOn?: boolean }) => (
  <CohortFilter versionId={useCurrentVersionOf(useFilterValue('ruleSet'))} pairVersion />
);

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <RuleSetFilter source="ruleSet" alwaysOn key="ruleSet" />,
  <AgencyCohortFilter source="cohort" alwaysOn key="cohort" />,
  <KindFilter source="kind" key="kind" />,
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
  const lt = useLt();
  const words = useAttributeWords();
  const { pending, defaults } = useCurrentRuleSetFilter();
  if (pending) return <LinearProgress />;
  return (
    <List filters={filters} filterDefaultValues={defaults} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" render={(r: RaRecord) => lt(kindLabel(r.kind))} />
        <DataTable.Col source="attributes" disableSort render={(r: RaRecord) => words.describe(r.attributes)} />
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
