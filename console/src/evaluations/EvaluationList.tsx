import { DataTable, List, ReferenceField, useRecordContext, type RaRecord } from 'react-admin';
import { PeriodCohortFilter, PeriodFilter, RuleSetFilter, useCurrentVersionOf, useFilterValue } from '../common/listFilters';
import { useVersionCohorts } from '../common/useVersionCohorts';
import { LinearProgress } from '@mui/material';
import { BandChip } from '../common/BandChip';
import { useCurrentRuleSetFilter } from '../dashboard/useCurrentPeriod';
import { DateTimeText, NumberText } from '../common/Fmt';

/** Evaluations keep their cohort: its names are those of the period's version, else of the rule set's current one. */
const EvaluationCohortFilter = (props: { source: string; alwaysOn?: boolean }) => (
  <PeriodCohortFilter {...props} fallback={useCurrentVersionOf(useFilterValue('ruleSet'))} />
);

const filters = [
  <RuleSetFilter source="ruleSet" alwaysOn key="ruleSet" />,
  <PeriodFilter source="periodId" key="periodId" alwaysOn />,
  <EvaluationCohortFilter source="cohort" key="cohort" alwaysOn />,
];

/** The cohort by its name in the version the evaluation was computed under. */
const CohortName = (_props: { source: string }) => {
  const record = useRecordContext();
  const cohorts = useVersionCohorts(record?.versionId);
  return <span>{cohorts.find((c) => c.id === record?.cohort)?.name ?? ''}</span>;
};

/** Stored evaluations: total, percentage and band, with the version they were computed under. */
export const EvaluationList = () => {
  const { pending, defaults } = useCurrentRuleSetFilter();
  if (pending) return <LinearProgress />;
  return (
    <List filters={filters} filterDefaultValues={defaults} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="agencyName" />
        <DataTable.Col disableSort source="periodId">
          <ReferenceField source="periodId" reference="periods" link={false} />
        </DataTable.Col>
        <DataTable.Col disableSort source="versionLabel" />
        <DataTable.Col source="cohort" field={CohortName} />
        <DataTable.Col source="total" field={NumberText} align="right" />
        <DataTable.Col source="percentage" field={NumberText} align="right" />
        <DataTable.Col source="band" disableSort render={(r: RaRecord) => <BandChip band={r.band} />} />
        <DataTable.Col source="createdAt" field={DateTimeText} />
      </DataTable>
    </List>
  );
};
