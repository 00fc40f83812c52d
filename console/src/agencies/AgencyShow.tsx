import { BooleanField, EditButton, Show, SimpleShowLayout, TextField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { AgencyTrail } from '../layout/trails';
import { Typography } from '@mui/material';
import { AgencyCohort } from './AgencyCohort';

const Attributes = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const entries = Object.entries(record?.attributes ?? {});
  return (
    <Typography variant="body2">
      {entries.length
        ? entries
            .map(([k, v]) => `${k}: ${v === true ? translate('chiso.common.yes') : v === false ? translate('chiso.common.no') : String(v)}`)
            .join(' · ')
        : '—'}
    </Typography>
  );
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
      <TextField source="kind" />
      <Attributes label="resources.agencies.fields.attributes" />
      <BooleanField source="active" />
      <AgencyCohort />
    </SimpleShowLayout>
  </Show>
);
