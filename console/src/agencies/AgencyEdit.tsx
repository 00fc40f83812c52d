import { Edit, ShowButton } from 'react-admin';
import { AgencyTrail } from '../layout/trails';
import { AgencyForm } from './AgencyForm';

export const AgencyEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={
      <AgencyTrail edit>
        <ShowButton />
      </AgencyTrail>
    }
  >
    <AgencyForm />
  </Edit>
);
