import { BooleanInput, SimpleForm, TextInput, required, regex } from 'react-admin';
import { AttributesInput } from './AttributesInput';
import { AgencyCohort } from './AgencyCohort';

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const KIND = /^[a-z][a-z0-9_-]{0,31}$/;

/** One form for create and edit; the id cannot change once created. */
export const AgencyForm = ({ create }: { create?: boolean }) => (
  <SimpleForm>
    <TextInput source="id" disabled={!create} validate={[required(), regex(ID, 'chiso.agency.idFormat')]} />
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="nameEn" fullWidth />
    <TextInput source="kind" validate={[required(), regex(KIND, 'chiso.agency.kindFormat')]} helperText="chiso.agency.kindHelp" />
    <AttributesInput />
    <BooleanInput source="active" defaultValue />
    {!create && <AgencyCohort />}
  </SimpleForm>
);
