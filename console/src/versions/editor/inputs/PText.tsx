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
  const b = useBound(pointer);
  return (
    <TextField
      ref={b.ref}
      label={suffix ? `${b.t(label)} (${suffix})` : b.t(label)}
      value={b.value ?? ''}
      onChange={(e) => b.set(e.target.value === '' && !required ? undefined : e.target.value)}
      size="small"
      required={required}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      error={b.focused || (required && !b.value)}
      helperText={helperText}
      slotProps={{ input: { readOnly: b.readOnly } }}
      sx={{ width: width ?? '100%' }}
      data-pointer={pointer}
    />
  );
};
