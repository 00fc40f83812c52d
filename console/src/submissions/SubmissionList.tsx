import { DataTable, List, ReferenceField, ReferenceInput, SelectInput, useGetIdentity, type RaRecord } from 'react-admin';
import { StatusChip } from '../common/StatusChip';
import { DateTimeText } from '../common/Fmt';

const statusChoices = ['draft', 'submitted', 'appraised'].map((id) => ({ id, name: `chiso.status.${id}` }));

const filters = [
  <ReferenceInput source="periodId" reference="periods" key="periodId" alwaysOn sort={{ field: 'year', order: 'DESC' }}>
    <SelectInput optionText="title" />
  </ReferenceInput>,
  <SelectInput source="status" choices={statusChoices} key="status" alwaysOn />,
  <ReferenceInput source="agencyId" reference="agencies" key="agencyId" perPage={500} sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

/** Self-assessments. Agency users see only their own; drafts open in the form, others in the appraisal view. */
export const SubmissionList = () => {
  const { identity } = useGetIdentity();
  const agency = identity?.role === 'agency';
  return (
    <List filters={agency ? undefined : filters} sort={{ field: 'updatedAt', order: 'DESC' }}>
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
