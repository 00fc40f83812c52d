import { Create } from 'react-admin';
import { AgencyForm } from './AgencyForm';

export const AgencyCreate = () => (
  <Create redirect="list">
    <AgencyForm create />
  </Create>
);
