import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PFact } from '../inputs/PFact';
import { PBool } from '../inputs/PBool';
import { DenominatorInput } from './DenominatorInput';

/** The number a tier or relative-to-best reads: one fact, or numerator ÷ denominator (× 100 as percent). */
export const QuantityEditor = ({ pointer }: { pointer: string }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const q = editor.get<object | undefined>(pointer) ?? { fact: '' };
  const ratio = 'numerator' in q;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
      <TextField
        select
        size="small"
        label={translate('chiso.editor.field.quantity')}
        value={ratio ? 'ratio' : 'fact'}
        disabled={editor.readOnly}
        onChange={(e) => editor.set(pointer, e.target.value === 'ratio' ? { numerator: '', denominator: '', percent: true } : { fact: '' })}
        sx={{ width: 200 }}
      >
        <MenuItem value="fact">{translate('chiso.editor.quantityFact')}</MenuItem>
        <MenuItem value="ratio">{translate('chiso.editor.quantityRatio')}</MenuItem>
      </TextField>
      {ratio ? (
        <>
          <PFact pointer={`${pointer}/numerator`} label="numerator" numeric width={280} />
          <DenominatorInput pointer={`${pointer}/denominator`} />
          <PBool pointer={`${pointer}/percent`} label="percent" />
        </>
      ) : (
        <PFact pointer={`${pointer}/fact`} numeric />
      )}
    </Stack>
  );
};
