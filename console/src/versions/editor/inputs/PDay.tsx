import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { parseDay, viDay } from '../../../../../server/engine';
import { useBound } from './useBound';

/**
 * A day of the document (ISO in the JSON) shown and typed as dd/mm/yyyy. Text that is not yet a day
 * is kept as typed, so the schema check points at it and nothing typed is lost.
 */
export const PDay = ({ pointer, label, required, width }: { pointer: string; label: string; required?: boolean; width?: number }) => {
  const b = useBound(pointer);
  const translate = useTranslate();
  const value = typeof b.value === 'string' ? viDay(b.value) : '';
  const invalid = value !== '' && parseDay(value) === null;
  return (
    <TextField
      ref={b.ref}
      label={b.t(label)}
      value={value}
      placeholder="dd/mm/yyyy"
      onChange={(e) => {
        const text = e.target.value;
        b.set(text === '' && !required ? undefined : (parseDay(text) ?? text));
      }}
      size="small"
      required={required}
      error={b.focused || invalid || (required && !b.value)}
      helperText={invalid ? translate('chiso.validation.day') : 'dd/mm/yyyy'}
      slotProps={{ input: { readOnly: b.readOnly } }}
      sx={{ width: width ?? 180 }}
      data-pointer={pointer}
    />
  );
};
