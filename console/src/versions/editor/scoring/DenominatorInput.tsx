import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PFact } from '../inputs/PFact';
import { PNumber } from '../inputs/PNumber';

/** A denominator is a fact or a fixed positive number. */
export const DenominatorInput = ({ pointer }: { pointer: string }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const value = editor.get(pointer);
  const fixed = typeof value === 'number';
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        select
        size="small"
        label={translate('chiso.editor.field.denominatorKind')}
        value={fixed ? 'number' : 'fact'}
        disabled={editor.readOnly}
        onChange={(e) => editor.set(pointer, e.target.value === 'number' ? 100 : '')}
        sx={{ width: 150 }}
      >
        <MenuItem value="fact">{translate('chiso.editor.quantityFact')}</MenuItem>
        <MenuItem value="number">{translate('chiso.editor.fixedNumber')}</MenuItem>
      </TextField>
      {fixed ? (
        <PNumber pointer={pointer} label="denominator" required />
      ) : (
        <PFact pointer={pointer} label="denominator" numeric width={280} />
      )}
    </Stack>
  );
};
