import { BooleanField, EditButton, Show, SimpleShowLayout, TextField, useCanAccess, useRecordContext } from 'react-admin';
import { AgencyTrail } from '../layout/trails';
import { Typography } from '@mui/material';
import { useLt } from '../common/useLt';
import { AgencyCohort } from './AgencyCohort';
import { kindLabel } from './kinds';
import { useAttributeWords } from './useAttributeWords';

const Attributes = (_props: { label?: string }) => {
  const record = useRecordContext();
  const words = useAttributeWords();
  return <Typography variant="body2">{words.describe(record?.attributes) || '—'}</Typography>;
};

const Kind = (_props: { label?: string }) => {
  const record = useRecordContext();
  const lt = useLt();
  return <Typography variant="body2">{lt(kindLabel(record?.kind))}</Typography>;
};

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'agencies', action: 'edit' });
  return <AgencyTrail>{canAccess && <EditButton />}</AgencyTrail>;
};

export const AgencyShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="id" />
      <TextField source="name" />
      <TextField source="nameEn" emptyText="—" />
      <Kind label="resources.agencies.fields.kind" />
      <Attributes label="resources.agencies.fields.attributes" />
      <BooleanField source="active" />
      <AgencyCohort />
    </SimpleShowLayout>
  </Show>
);
