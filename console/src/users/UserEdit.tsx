import { Edit, type RaRecord } from 'react-admin';
import { UserForm } from './UserForm';

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={(data: RaRecord) => (data.password ? data : { ...data, password: undefined })}>
    <UserForm />
  </Edit>
);
