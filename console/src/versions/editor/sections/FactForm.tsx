import { useLt } from '../../../common/useLt';
import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Fact } from '../../../../../server/engine';
import { useEditor } from '../EditorContext';
import { PText } from '../inputs/PText';
import { PLt } from '../inputs/PLt';
import { PNumber } from '../inputs/PNumber';
import { PSelect } from '../inputs/PSelect';
import { PBool } from '../inputs/PBool';
import { PCohorts } from '../inputs/PCohorts';
import { OptionsEditor } from './OptionsEditor';

const TYPES = ['number', 'integer', 'boolean', 'enum', 'date', 'text'];

/** One fact: its type and unit, bounds, help text, evidence requirement, who enters it. */
export const FactForm = ({ index }: { index: number }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const lt = useLt();
  const p = `/facts/${index}`;
  const fact: Fact = editor.get(p);
  const numeric = fact.type === 'number' || fact.type === 'integer';
  return (
    <Stack spacing={1.5} key={p} data-testid="fact-form">
      <Typography variant="h6">{lt(fact.label) || fact.id}</Typography>
      <Stack direction="row" spacing={1}>
        <PText pointer={`${p}/id`} label="id" required width={240} />
        <PSelect pointer={`${p}/type`} label="type" choices={TYPES.map((t) => ({ id: t, name: translate(`chiso.factType.${t}`) }))} />
      </Stack>
      <PLt pointer={`${p}/label`} label="label" required />
      <PLt pointer={`${p}/help`} label="help" multiline />
      {numeric && (
        <Stack direction="row" spacing={1}>
          <PNumber pointer={`${p}/minimum`} label="minimum" />
          <PNumber pointer={`${p}/maximum`} label="maximum" />
        </Stack>
      )}
      {numeric && <PLt pointer={`${p}/unit`} label="unit" />}
      {fact.type === 'enum' && <OptionsEditor pointer={`${p}/options`} />}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        <PSelect
          pointer={`${p}/evidence`}
          label="evidenceRule"
          allowEmpty
          choices={['required', 'optional', 'none'].map((id) => ({ id, name: translate(`chiso.evidenceRule.${id}`) }))}
        />
        <PSelect
          pointer={`${p}/enteredBy`}
          label="enteredBy"
          allowEmpty
          choices={['agency', 'evaluator'].map((id) => ({ id, name: translate(`chiso.enteredBy.${id}`) }))}
        />
        <PBool pointer={`${p}/required`} label="required" keepFalse />
      </Stack>
      <PCohorts pointer={`${p}/cohorts`} />
      <PLt pointer={`${p}/source`} label="source" />
    </Stack>
  );
};
