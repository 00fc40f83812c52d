import { Edit } from 'react-admin';
import { UserForm } from './UserForm';

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={(data: any) => (data.password ? data : { ...data, password: undefined })}>
    <UserForm />
  </Edit>
);
