import { useState } from 'react';
import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { parseDay, viDay } from '../../../../../server/engine';
import { useEditor } from '../EditorContext';

type PeriodDate = { periodDate: string; yearOffset?: number };
const isPeriodDate = (v: unknown): v is PeriodDate => !!v && typeof v === 'object' && 'periodDate' in v;

/** "15/12" ⇄ "12-15" (month and day of the assessed year). */
const dayMonthText = (md: string) => {
  const [m, d] = md.split('-');
  return d && m ? `${d}/${m}` : md;
};
const parseDayMonth = (text: string): string | null => {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$/.exec(text);
  // 29/02 is a day of some years: checked against a leap year, as the date operators do each year.
  const iso = m && parseDay(`${m[1]}/${m[2]}/2024`);
  return iso ? iso.slice(5) : null;
};

/**
 * The day a date fact is compared with: a fixed day (dd/mm/yyyy), or a day of the assessed year
 * (dd/mm, this year, the year before or after), so one version serves several years.
 */
export const DateValue = ({ pointer }: { pointer: string }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const value = editor.get(pointer);
  const relative = isPeriodDate(value);
  const shown = relative ? dayMonthText(value.periodDate) : typeof value === 'string' ? viDay(value) : '';
  const [text, setText] = useState(shown);
  // When the document changes under the field, show the new day (adjusted during render, as React
  // recommends for state derived from a prop, not in an effect after a stale paint).
  const [seen, setSeen] = useState(shown);
  if (shown !== seen) {
    setSeen(shown);
    setText(shown);
  }
  const valid = relative ? parseDayMonth(text) !== null : parseDay(text) !== null;

  const commit = (raw: string) => {
    setText(raw);
    if (relative) {
      const md = parseDayMonth(raw);
      if (md) editor.set(pointer, { ...value, periodDate: md });
    } else editor.set(pointer, parseDay(raw) ?? raw);
  };
  const setKind = (kind: string) => {
    if (kind === 'period') editor.set(pointer, { periodDate: '12-31' });
    else editor.set(pointer, '');
  };

  return (
    <Stack direction="row" spacing={1}>
      <TextField
        select
        size="small"
        label={translate('chiso.condition.dateKind')}
        value={relative ? 'period' : 'fixed'}
        onChange={(e) => setKind(e.target.value)}
        disabled={editor.readOnly}
        sx={{ width: 200 }}
      >
        <MenuItem value="period">{translate('chiso.condition.dateOfYear')}</MenuItem>
        <MenuItem value="fixed">{translate('chiso.condition.dateFixed')}</MenuItem>
      </TextField>
      <TextField
        size="small"
        label={translate('chiso.condition.value')}
        value={text}
        placeholder={relative ? 'dd/mm' : 'dd/mm/yyyy'}
        onChange={(e) => commit(e.target.value)}
        disabled={editor.readOnly}
        error={text !== '' && !valid}
        helperText={relative ? 'dd/mm' : 'dd/mm/yyyy'}
        sx={{ width: 140 }}
      />
      {relative && (
        <TextField
          select
          size="small"
          label={translate('chiso.condition.year')}
          value={value.yearOffset ?? 0}
          onChange={(e) => {
            const offset = Number(e.target.value);
            const { yearOffset: _old, ...rest } = value;
            editor.set(pointer, offset === 0 ? rest : { ...rest, yearOffset: offset });
          }}
          disabled={editor.readOnly}
          sx={{ width: 200 }}
        >
          {[-1, 0, 1].map((o) => (
            <MenuItem key={o} value={o}>
              {translate(`chiso.condition.yearOffset.${o === -1 ? 'before' : o === 1 ? 'after' : 'same'}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Stack>
  );
};
