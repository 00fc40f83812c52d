import { useState } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
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
  const { ref, t, value, set, focused, readOnly } = useBound(pointer);
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // shown as it would be typed: 2,7 in Vietnamese (no grouping, so that it reads back the same)
  const asText = (v: unknown) => (v === undefined || v === null ? '' : locale === 'en' ? String(v) : String(v).replace('.', ','));
  const [text, setText] = useState(asText(value));
  // When the document changes under the field (undo, another field, a finding's fix), show the new
  // value, unless what is typed already parses to it (85,50 stays 85,50). Adjusted during render,
  // as React recommends for state derived from a prop, not in an effect after a stale paint.
  const [shown, setShown] = useState(value);
  if (!Object.is(value, shown)) {
    setShown(value);
    if (parseDecimal(text) !== value) setText(asText(value));
  }
  const parsed = parseDecimal(text);
  let problem: string | undefined;
  if (text !== '' && parsed === null) problem = translate('ra.validation.number');
  else if (parsed !== null && min !== undefined && parsed < min) problem = translate('ra.validation.minValue', { min });
  else if (parsed !== null && max !== undefined && parsed > max) problem = translate('ra.validation.maxValue', { max });
  else if (required && text === '') problem = translate('ra.validation.required');
  return (
    <TextField
      ref={ref}
      label={t(label)}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseDecimal(e.target.value);
        if (e.target.value === '') set(undefined);
        else if (n !== null) set(n);
      }}
      size="small"
      required={required}
      error={!!problem || focused}
      helperText={problem}
      inputMode="decimal"
      slotProps={{
        input: {
          readOnly: readOnly,
          endAdornment: unit ? <InputAdornment position="end">{unit}</InputAdornment> : undefined,
        },
        inputLabel: unit ? { shrink: true } : undefined,
      }}
      sx={{ width }}
      data-pointer={pointer}
    />
  );
};
