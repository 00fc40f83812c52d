import { BooleanInput, CreateButton, DataTable, List, SearchInput, TextInput, TopToolbar, useCanAccess, type RaRecord } from 'react-admin';
import { Chip } from '@mui/material';

const filters = [
  <SearchInput source="q" alwaysOn key="q" />,
  <TextInput source="kind" key="kind" />,
  <BooleanInput source="active" key="active" />,
];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'agencies', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton />}</TopToolbar>;
};

/** State agencies being assessed: name, kind and the attributes cohort rules read. */
export const AgencyList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'agencies', action: 'edit' });
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }}>
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
