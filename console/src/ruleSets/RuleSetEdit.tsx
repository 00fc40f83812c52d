import { Edit, ShowButton, SimpleForm, TextInput, required } from 'react-admin';
import { RuleSetTrail } from '../layout/trails';

/** The family's name and description (versions are edited in the version editor). */
export const RuleSetEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={
      <RuleSetTrail edit>
        <ShowButton />
      </RuleSetTrail>
    }
  >
    <SimpleForm>
      <TextInput source="id" disabled />
      <TextInput source="title.vi" validate={required()} fullWidth />
      <TextInput source="title.en" fullWidth />
      <TextInput source="description.vi" multiline fullWidth />
      <TextInput source="description.en" multiline fullWidth />
    </SimpleForm>
  </Edit>
);
