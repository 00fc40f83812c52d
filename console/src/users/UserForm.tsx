import {
  BooleanInput,
  PasswordInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  minLength,
  required,
  regex,
  FormDataConsumer,
} from 'react-admin';
import { roleChoices } from './roles';

/** Create and edit: the username is fixed once created (the audit log records it). */
export const UserForm = ({ create }: { create?: boolean }) => (
  <SimpleForm>
    <TextInput
      source="username"
      disabled={!create}
      validate={[required(), regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'chiso.user.usernameFormat')]}
    />
    <TextInput source="fullName" fullWidth />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <FormDataConsumer>
      {({ formData }) =>
        formData.role === 'agency' && (
          <ReferenceInput source="agencyId" reference="agencies" perPage={500} sort={{ field: 'name', order: 'ASC' }}>
            <SelectInput optionText="name" validate={required()} />
          </ReferenceInput>
        )
      }
    </FormDataConsumer>
    <PasswordInput
      source="password"
      validate={create ? [required(), minLength(10)] : [minLength(10)]}
      helperText={create ? 'chiso.user.passwordHelp' : 'chiso.user.passwordKeep'}
    />
    {!create && <BooleanInput source="disabled" />}
  </SimpleForm>
);
