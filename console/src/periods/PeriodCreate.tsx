import { useLt } from '../common/useLt';
import { ScheduleDefaults, ScheduleInputs } from './ScheduleInputs';
import {
  Create,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  minValue,
  maxValue,
  required,
  useTranslate,
  type RaRecord,
} from 'react-admin';

/** A new assessment year, pinned to a published version of the rule set, with its five dates (the usual ones of the year to start with). */
export const PeriodCreate = () => {
  const translate = useTranslate();
  const lt = useLt();
  return (
    <Create redirect="show">
      <SimpleForm>
        <ReferenceInput source="ruleSet" reference="rule-sets">
          <SelectInput optionText={(r: RaRecord) => lt(r.title) || r.id} validate={required()} />
        </ReferenceInput>
        <NumberInput source="year" validate={[required(), minValue(2000), maxValue(2100)]} step={1} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.ruleSet ? (
              <ReferenceInput source="versionId" reference="versions" filter={{ ruleSet: formData.ruleSet, status: 'published' }}>
                <SelectInput
                  optionText={(v: RaRecord) => `${v.version} · ${lt(v.title)}`}
                  validate={required()}
                  helperText={translate('chiso.period.versionHelp')}
                />
              </ReferenceInput>
            ) : null
          }
        </FormDataConsumer>
        <TextInput source="title" validate={required()} fullWidth />
        <ScheduleDefaults />
        <ScheduleInputs />
      </SimpleForm>
    </Create>
  );
};
