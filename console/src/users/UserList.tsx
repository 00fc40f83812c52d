import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { roleChoices } from './roles';

const filters = [<SearchInput source="q" alwaysOn key="q" />, <SelectInput source="role" choices={roleChoices} key="role" />];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'users', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton />}</TopToolbar>;
};

const RoleChip = ({ role }: { role: string }) => {
  const translate = useTranslate();
  return <Chip size="small" label={translate(`chiso.role.${role}`)} />;
};

/** Accounts: who may sign in, with which role, for which agency. */
export const UserList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'users', action: 'edit' });
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'username', order: 'ASC' }}>
      <DataTable rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="fullName" />
        <DataTable.Col source="role" render={(r: RaRecord) => <RoleChip role={r.role} />} />
        <DataTable.Col source="agencyId">
          <ReferenceField source="agencyId" reference="agencies" link={false} emptyText="—" />
        </DataTable.Col>
        {/* "Đã khóa" (locked): a mark on locked accounts only; an active account's cell stays empty. */}
        <DataTable.Col source="disabled" render={(r: RaRecord) => (r.disabled ? <span data-locked={r.username}>✓</span> : '')} />
      </DataTable>
    </List>
  );
};
