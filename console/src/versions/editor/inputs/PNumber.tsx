import { useEffect, useState } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useBound } from './useBound';

/** Accepts 85,5 as well as 85.5: officials type the Vietnamese decimal comma. */
export const parseDecimal = (text: string): number | null => {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '' || !/^-?\d*(\.\d*)?$/.test(t) || t === '-' || t === '.') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

/** A number field bound to a pointer; keeps what is typed until it is a number. */
export const PNumber = ({
  pointer,
  label,
  required,
  unit,
  width = 150,
  min,
  max,
}: {
  pointer: string;
  label: string;
  required?: boolean;
  unit?: string;
  width?: number | string;
  min?: number;
  max?: number;
}) => {
  const b = useBound(pointer);
  const translate = useTranslate();
  const [text, setText] = useState(b.value === undefined || b.value === null ? '' : String(b.value));
  useEffect(() => {
    const current = parseDecimal(text);
    if (current !== b.value) setText(b.value === undefined || b.value === null ? '' : String(b.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [b.value]);
  const parsed = parseDecimal(text);
  let problem: string | undefined;
  if (text !== '' && parsed === null) problem = translate('ra.validation.number');
  else if (parsed !== null && min !== undefined && parsed < min) problem = translate('ra.validation.minValue', { min });
  else if (parsed !== null && max !== undefined && parsed > max) problem = translate('ra.validation.maxValue', { max });
  else if (required && text === '') problem = translate('ra.validation.required');
  return (
    <TextField
      ref={b.ref}
      label={b.t(label)}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseDecimal(e.target.value);
        if (e.target.value === '') b.set(undefined);
        else if (n !== null) b.set(n);
      }}
      size="small"
      required={required}
      error={!!problem || b.focused}
      helperText={problem}
      inputMode="decimal"
      slotProps={{
        input: {
          readOnly: b.readOnly,
          endAdornment: unit ? <InputAdornment position="end">{unit}</InputAdornment> : undefined,
        },
        inputLabel: unit ? { shrink: true } : undefined,
      }}
      sx={{ width }}
      data-pointer={pointer}
    />
  );
};
