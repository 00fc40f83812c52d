import { Checkbox, ListItemText, MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { useChoices } from '../inputs/useChoices';

/** Collected for information only: which facts it collects. */
export const NotScoredForm = ({ pointer }: { pointer: string }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const { factChoices } = useChoices();
  const value: string[] = editor.get(`${pointer}/facts`) ?? [];
  return (
    <TextField
      select
      size="small"
      label={translate('chiso.editor.field.facts')}
      value={value}
      disabled={editor.readOnly}
      sx={{ minWidth: 360 }}
      slotProps={{ select: { multiple: true, renderValue: (s) => (s as string[]).join(', ') } }}
      onChange={(e) => {
        const next = e.target.value as unknown as string[];
        editor.set(`${pointer}/facts`, next.length ? next : undefined);
      }}
    >
      {factChoices().map((c) => (
        <MenuItem key={c.id} value={c.id}>
          <Checkbox size="small" checked={value.includes(c.id)} />
          <ListItemText primary={c.name} />
        </MenuItem>
      ))}
    </TextField>
  );
};
