import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PFact } from '../inputs/PFact';
import { PNumber } from '../inputs/PNumber';
import { PSelect } from '../inputs/PSelect';
import { DenominatorInput } from './DenominatorInput';

/** points = numerator ÷ denominator × max; gated: nothing below the gate ratio. */
export const ProportionalForm = ({ pointer, gated }: { pointer: string; gated?: boolean }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1.5}>
      <PFact pointer={`${pointer}/numerator`} label="numerator" numeric />
      <DenominatorInput pointer={`${pointer}/denominator`} />
      <Stack direction="row" spacing={1}>
        {gated && <PNumber pointer={`${pointer}/gate`} label="gate" required min={0} max={1} />}
        <PSelect
          pointer={`${pointer}/onZeroDenominator`}
          label="onZeroDenominator"
          allowEmpty
          width={300}
          choices={['zero', 'full', 'notApplicable'].map((id) => ({ id, name: translate(`chiso.editor.zeroDen.${id}`) }))}
        />
      </Stack>
    </Stack>
  );
};
