import { TextField } from '@mui/material';
import { useBound } from './useBound';

/** A text field bound to a pointer; clearing an optional field removes it from the document. */
export const PText = ({
  pointer,
  label,
  required,
  multiline,
  helperText,
  width,
  suffix,
}: {
  pointer: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  helperText?: string;
  width?: number | string;
  suffix?: string;
}) => {
  const { ref, t, value, set, focused, readOnly } = useBound(pointer);
  return (
    <TextField
      ref={ref}
      label={suffix ? `${t(label)} (${suffix})` : t(label)}
      value={value ?? ''}
      onChange={(e) => set(e.target.value === '' && !required ? undefined : e.target.value)}
      size="small"
      required={required}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      error={focused || (required && !value)}
      helperText={helperText}
      slotProps={{ input: { readOnly: readOnly } }}
      sx={{ width: width ?? '100%' }}
      data-pointer={pointer}
    />
  );
};
