import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PNumber } from '../inputs/PNumber';

/** Absolute points or a fraction of the node's maximum (exactly one of the two, as the schema says). */
export const PointsInput = ({ pointer, compact }: { pointer: string; compact?: boolean }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const item = editor.get<{ points?: number; fraction?: number } | undefined>(pointer) ?? {};
  const mode = 'fraction' in item ? 'fraction' : 'points';
  const switchMode = (next: string) => {
    if (next === mode) return;
    const { points, fraction, ...rest } = item;
    editor.set(pointer, next === 'fraction' ? { ...rest, fraction: 0 } : { ...rest, points: 0 });
  };
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        select
        size="small"
        value={mode}
        onChange={(e) => switchMode(e.target.value)}
        disabled={editor.readOnly}
        sx={{ width: compact ? 130 : 170 }}
        label={translate('chiso.editor.field.pointsMode')}
      >
        <MenuItem value="points">{translate('chiso.editor.field.points')}</MenuItem>
        <MenuItem value="fraction">{translate('chiso.editor.field.fraction')}</MenuItem>
      </TextField>
      {mode === 'points' ? (
        <PNumber pointer={`${pointer}/points`} label="value" required width={compact ? 100 : 120} />
      ) : (
        <PNumber pointer={`${pointer}/fraction`} label="value" required min={0} max={1} width={compact ? 100 : 120} />
      )}
    </Stack>
  );
};
