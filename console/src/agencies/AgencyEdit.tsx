import { Edit } from 'react-admin';
import { AgencyForm } from './AgencyForm';

export const AgencyEdit = () => (
  <Edit mutationMode="pessimistic">
    <AgencyForm />
  </Edit>
);
