import { CreateButton, DataTable, List, NumberInput, SelectInput, TextInput, TopToolbar, useCanAccess, type RaRecord } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { PERIOD_STEPS } from './steps';

const filters = [
  <TextInput source="ruleSet" key="ruleSet" alwaysOn />,
  <NumberInput source="year" key="year" />,
  <SelectInput source="status" key="status" choices={PERIOD_STEPS.map((s) => ({ id: s, name: `chiso.periodStatus.${s}` }))} />,
];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton />}</TopToolbar>;
};

/** Assessment periods: one year of one rule set, pinned to a version. */
export const PeriodList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'year', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="ruleSet" />
      <DataTable.Col source="year" />
      <DataTable.Col disableSort source="versionLabel" />
      <DataTable.Col source="status" render={(r: RaRecord) => <StatusChip status={r.status} kind="period" />} />
      <DataTable.NumberCol disableSort source="submissionCount" />
    </DataTable>
  </List>
);
