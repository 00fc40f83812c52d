import { IconButton, InputAdornment, TextField } from '@mui/material';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { useRef } from 'react';
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

/**
 * A day as Vietnamese officials write it, dd/mm/yyyy (ISO in the record), typed or picked from the
 * browser's calendar.
 */
export const DayInput = ({ source, label, helperText, validate = [], disabled, ...rest }: DayInputProps & Record<string, unknown>) => {
  const translate = useTranslate();
  const picker = useRef<HTMLInputElement>(null);
  const { field, fieldState, isRequired } = useInput({ source, validate: [...validate, isDay], parse, format, disabled });
  const error = fieldState.invalid && (fieldState.isTouched || fieldState.isDirty) ? fieldState.error?.message : undefined;
  const iso = typeof field.value === 'string' ? parseDay(field.value) : null;
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
        slotProps={{
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton
                  aria-label={translate('chiso.day.pick')}
                  disabled={disabled}
                  edge="end"
                  onClick={() => picker.current?.showPicker?.()}
                >
                  <CalendarMonthIcon />
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden
        value={iso ?? ''}
        onChange={(e) => field.onChange(e.target.value ? viDay(e.target.value) : '')}
        style={{ position: 'absolute', opacity: 0, width: 0, height: 0, pointerEvents: 'none' }}
      />
    </>
  );
};
