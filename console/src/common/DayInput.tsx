import { Box, IconButton, InputAdornment, TextField, Typography } from '@mui/material';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { useRef, useState } from 'react';
import { FieldTitle, InputHelperText, useInput, useTranslate, type Validator } from 'react-admin';
import { parseDay, viDay } from '../../../server/engine';

/** What was typed, kept as typed until it is a day (so nothing typed is lost), then stored as ISO. */
const parse = (text: string) => (text === '' ? null : (parseDay(text) ?? text));
const format = (value: unknown) => (typeof value === 'string' ? viDay(value) : '');

const isDay: Validator = (value) =>
  value === null || value === undefined || value === '' || parseDay(String(value)) ? undefined : 'chiso.validation.day';

interface DayInputProps {
  source: string;
  label: string;
  helperText?: string | false;
  validate?: Validator[];
  disabled?: boolean;
}

/** The browser's own calendar behind a button at the end of a field typed dd/mm/yyyy: a picked day is given as typed. */
const useCalendar = (iso: string | null, pick: (typed: string) => void, disabled?: boolean) => {
  const translate = useTranslate();
  const picker = useRef<HTMLInputElement>(null);
  return {
    button: (
      <InputAdornment position="end">
        <IconButton aria-label={translate('chiso.day.pick')} disabled={disabled} edge="end" onClick={() => picker.current?.showPicker?.()}>
          <CalendarMonthIcon />
        </IconButton>
      </InputAdornment>
    ),
    input: (
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden
        value={iso ?? ''}
        onChange={(e) => pick(e.target.value ? viDay(e.target.value) : '')}
        style={{ position: 'absolute', opacity: 0, width: 0, height: 0, pointerEvents: 'none' }}
      />
    ),
  };
};

/**
 * A day as Vietnamese officials write it, dd/mm/yyyy (ISO in the record), typed or picked from the
 * browser's calendar.
 */
export const DayInput = ({ source, label, helperText, validate = [], disabled, ...rest }: DayInputProps & Record<string, unknown>) => {
  const { field, fieldState, isRequired } = useInput({ source, validate: [...validate, isDay], parse, format, disabled });
  const error = fieldState.invalid && (fieldState.isTouched || fieldState.isDirty) ? fieldState.error?.message : undefined;
  const iso = typeof field.value === 'string' ? parseDay(field.value) : null;
  const calendar = useCalendar(iso, field.onChange, disabled);
  return (
    <>
      <TextField
        {...field}
        {...rest}
        value={field.value ?? ''}
        label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
        placeholder="dd/mm/yyyy"
        disabled={disabled}
        error={!!error}
        helperText={<InputHelperText error={error} helperText={helperText || undefined} />}
        sx={{ minWidth: 280 }}
        slotProps={{ input: { endAdornment: calendar.button } }}
      />
      {calendar.input}
    </>
  );
};

/**
 * A day a list is filtered by, typed dd/mm/yyyy or picked: the list follows once the text is a
 * whole day; until then the field says it is not one yet and the list is not filtered by it.
 */
export const DayFilter = ({ source, label }: { source: string; label?: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const { field } = useInput({ source });
  const filtered = typeof field.value === 'string' && field.value ? field.value : null;
  // What was typed, for as long as the filter is the one it gave; a filter changed elsewhere (cleared) shows as itself.
  const [typed, setTyped] = useState<{ text: string; gave: string | null }>({ text: '', gave: null });
  const text = typed.gave === filtered ? typed.text : filtered ? viDay(filtered) : '';
  const type = (value: string) => {
    const day = value.trim() ? parseDay(value) : null;
    setTyped({ text: value, gave: day });
    // '' is how react-admin's filter form drops a filter (an undefined is merged away and would keep the old day).
    field.onChange(day ?? '');
  };
  const calendar = useCalendar(filtered, type);
  const wrong = text.trim() !== '' && !parseDay(text);
  // A list's filter form hides helper texts (react-admin's FilterForm): the finding is said below the field instead.
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', width: 190 }}>
      <TextField
        name={field.name}
        value={text}
        onChange={(e) => type(e.target.value)}
        onBlur={field.onBlur}
        label={<FieldTitle label={label} source={source} />}
        placeholder="dd/mm/yyyy"
        error={wrong}
        size="small"
        slotProps={{ input: { endAdornment: calendar.button } }}
      />
      {wrong && (
        <Typography variant="caption" color="error" role="alert">
          {translate('chiso.validation.day')}
        </Typography>
      )}
      {calendar.input}
    </Box>
  );
};
