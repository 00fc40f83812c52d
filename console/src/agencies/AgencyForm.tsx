import { AutocompleteInput, BooleanInput, SimpleForm, TextInput, required, regex, useInput } from 'react-admin';
import { useLt } from '../common/useLt';
import { AttributesInput } from './AttributesInput';
import { AgencyCohort } from './AgencyCohort';
import { AGENCY_KINDS } from './kinds';

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const KIND = /^[a-z][a-z0-9_-]{0,31}$/;

/** The kinds the regulations name by their words; a kind already on the record stays choosable. */
const KindInput = () => {
  const lt = useLt();
  const { field } = useInput({ source: 'kind' });
  const known = AGENCY_KINDS.map((k) => ({ id: k.value, name: lt(k.label) }));
  const current =
    typeof field.value === 'string' && field.value && !known.some((k) => k.id === field.value)
      ? [{ id: field.value, name: field.value }]
      : [];
  return (
    <AutocompleteInput
      source="kind"
      choices={[...known, ...current]}
      validate={[required(), regex(KIND, 'chiso.agency.kindFormat')]}
      helperText="chiso.agency.kindHelp"
      sx={{ minWidth: 320 }}
    />
  );
};

/** One form for create and edit; the id cannot change once created. */
export const AgencyForm = ({ create }: { create?: boolean }) => (
  <SimpleForm>
    <TextInput source="id" disabled={!create} validate={[required(), regex(ID, 'chiso.agency.idFormat')]} />
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="nameEn" fullWidth />
    <KindInput />
    <AttributesInput />
    <BooleanInput source="active" defaultValue />
    {!create && <AgencyCohort />}
  </SimpleForm>
);
