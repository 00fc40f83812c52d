import { DataTable, List, ReferenceField, ReferenceInput, SelectInput, useGetIdentity, type RaRecord } from 'react-admin';
import { PeriodCohortFilter, PeriodFilter, RuleSetFilter, useFilterValue } from '../common/listFilters';
import { LinearProgress } from '@mui/material';
import { StatusChip } from '../common/StatusChip';
import { useCurrentRuleSetFilter } from '../dashboard/useCurrentPeriod';
import { DateTimeText } from '../common/Fmt';

const statusChoices = ['draft', 'submitted', 'appraised'].map((id) => ({ id, name: `chiso.status.${id}` }));

/** The agencies of the rule set picked beside it (two provinces have agencies of the same name). */
const AgencyFilter = (_props: { source: string }) => {
  const ruleSet = useFilterValue('ruleSet');
  return (
    <ReferenceInput
      source="agencyId"
      reference="agencies"
      perPage={500}
      sort={{ field: 'name', order: 'ASC' }}
      filter={ruleSet ? { ruleSet } : {}}
    >
      <SelectInput optionText="name" />
    </ReferenceInput>
  );
};

const filters = [
  <RuleSetFilter source="ruleSet" alwaysOn key="ruleSet" />,
  <PeriodFilter source="periodId" key="periodId" alwaysOn />,
  <PeriodCohortFilter source="cohort" key="cohort" alwaysOn fallback={null} />,
  <SelectInput source="status" choices={statusChoices} key="status" alwaysOn />,
  <AgencyFilter source="agencyId" key="agencyId" />,
];

/** Self-assessments. Agency users see only their own; drafts open in the form, others in the appraisal view. */
export const SubmissionList = () => {
  const { identity } = useGetIdentity();
  const agency = identity?.role === 'agency';
  const { pending, defaults } = useCurrentRuleSetFilter();
  if (pending) return <LinearProgress />;
  return (
    <List filters={agency ? undefined : filters} filterDefaultValues={agency ? {} : defaults} sort={{ field: 'updatedAt', order: 'DESC' }}>
      <DataTable
        rowClick={(id, _resource, record) => (agency && record.status === 'draft' ? `/submissions/${id}` : `/submissions/${id}/show`)}
        bulkActionButtons={false}
      >
        <DataTable.Col source="agencyName" />
        <DataTable.Col disableSort source="periodId">
          <ReferenceField source="periodId" reference="periods" link={false} />
        </DataTable.Col>
        <DataTable.Col source="status" render={(r: RaRecord) => <StatusChip status={r.status} />} />
        <DataTable.NumberCol source="revision" />
        <DataTable.Col source="updatedAt" field={DateTimeText} />
        <DataTable.Col source="submittedAt" field={DateTimeText} />
      </DataTable>
    </List>
  );
};
