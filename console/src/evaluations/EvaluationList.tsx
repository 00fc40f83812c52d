import { DataTable, List, ReferenceField, ReferenceInput, SelectInput, TextInput, type RaRecord } from 'react-admin';
import { BandChip } from '../common/BandChip';
import { CohortText } from '../common/CohortText';
import { DateTimeText, NumberText } from '../common/Fmt';

const filters = [
  <ReferenceInput source="periodId" reference="periods" key="periodId" alwaysOn sort={{ field: 'year', order: 'DESC' }}>
    <SelectInput optionText="title" />
  </ReferenceInput>,
  <TextInput source="cohort" key="cohort" />,
];

/** Stored evaluations: total, percentage and band, with the version they were computed under. */
export const EvaluationList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="agencyName" />
      <DataTable.Col disableSort source="periodId">
        <ReferenceField source="periodId" reference="periods" link={false} />
      </DataTable.Col>
      <DataTable.Col disableSort source="versionLabel" />
      <DataTable.Col source="cohort" field={CohortText} />
      <DataTable.Col source="total" field={NumberText} align="right" />
      <DataTable.Col source="percentage" field={NumberText} align="right" />
      <DataTable.Col source="band" disableSort render={(r: RaRecord) => <BandChip band={r.band} />} />
      <DataTable.Col source="createdAt" field={DateTimeText} />
    </DataTable>
  </List>
);
