import { MenuItem, TextField } from '@mui/material';
import { useBound } from './useBound';

export interface Choice {
  id: string;
  name: string;
}

/** A select bound to a pointer. `allowEmpty` lets an optional field be removed. */
export const PSelect = ({
  pointer,
  label,
  choices,
  allowEmpty,
  width = 220,
  onChange,
}: {
  pointer: string;
  label: string;
  choices: Choice[];
  allowEmpty?: boolean;
  width?: number | string;
  onChange?: (value: string | undefined) => void;
}) => {
  const { ref, t, value: stored, set, focused, readOnly } = useBound(pointer);
  const value = stored === undefined || stored === null ? '' : String(stored);
  const known = choices.some((c) => c.id === value);
  return (
    <TextField
      ref={ref}
      select
      label={t(label)}
      value={value}
      onChange={(e) => {
        const v = e.target.value === '' ? undefined : e.target.value;
        if (onChange) onChange(v);
        else set(v);
      }}
      size="small"
      error={focused}
      disabled={readOnly}
      sx={{ width }}
      data-pointer={pointer}
    >
      {allowEmpty && <MenuItem value="">—</MenuItem>}
      {!known && value !== '' && <MenuItem value={value}>{value}</MenuItem>}
      {choices.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.name}
        </MenuItem>
      ))}
    </TextField>
  );
};
