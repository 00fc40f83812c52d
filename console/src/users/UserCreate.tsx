import { Create, type RaRecord } from 'react-admin';
import { UserForm } from './UserForm';

export const UserCreate = () => (
  <Create redirect="list" transform={(data: RaRecord) => (data.role === 'agency' ? data : { ...data, agencyId: null })}>
    <UserForm create />
  </Create>
);
