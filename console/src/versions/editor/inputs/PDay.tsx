import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { parseDay, viDay } from '../../../../../server/engine';
import { useBound } from './useBound';

/**
 * A day of the document (ISO in the JSON) shown and typed as dd/mm/yyyy. Text that is not yet a day
 * is kept as typed, so the schema check points at it and nothing typed is lost.
 */
export const PDay = ({ pointer, label, required, width }: { pointer: string; label: string; required?: boolean; width?: number }) => {
  const { ref, t, value: stored, set, focused, readOnly } = useBound(pointer);
  const translate = useTranslate();
  const value = typeof stored === 'string' ? viDay(stored) : '';
  const invalid = value !== '' && parseDay(value) === null;
  return (
    <TextField
      ref={ref}
      label={t(label)}
      value={value}
      placeholder="dd/mm/yyyy"
      onChange={(e) => {
        const text = e.target.value;
        set(text === '' && !required ? undefined : (parseDay(text) ?? text));
      }}
      size="small"
      required={required}
      error={focused || invalid || (required && !stored)}
      helperText={invalid ? translate('chiso.validation.day') : 'dd/mm/yyyy'}
      slotProps={{ input: { readOnly: readOnly } }}
      sx={{ width: width ?? 180 }}
      data-pointer={pointer}
    />
  );
};
