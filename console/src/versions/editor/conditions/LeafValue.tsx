import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { useLt, type Lt } from '../../../common/useLt';
import { parseDecimal } from '../inputs/PNumber';
import { DateValue } from './DateValue';

const NUMERIC = ['number', 'integer'];

/** The value a leaf compares with, typed by the fact: yes/no, an option, a number, a day or text. */
export const LeafValue = ({
  pointer,
  type,
  options,
  list,
}: {
  pointer: string;
  type: string;
  options?: { value: string; label: Lt }[];
  list: boolean;
}) => {
  const editor = useEditor();
  const translate = useTranslate();
  const lt = useLt();
  const value = editor.get(pointer);
  const label = translate('chiso.condition.value');
  const toText = (v: unknown) => (Array.isArray(v) ? v.join('; ') : v === undefined || v === null ? '' : String(v));
  const external = toText(value);
  const [text, setText] = useState(external);
  // When the document changes under the field, show the new value (adjusted during render, as React
  // recommends for state derived from a prop). Compared as text: the list typed as "1;" is stored as
  // [1], which reads "1" as before, so the typed separator is kept.
  const [seen, setSeen] = useState(external);
  if (external !== seen) {
    setSeen(external);
    setText(external);
  }

  if (value && typeof value === 'object' && !Array.isArray(value) && 'fact' in value) {
    return <TextField size="small" label={label} value={`= ${value.fact}`} disabled sx={{ width: 220 }} />;
  }
  if (type === 'date') return <DateValue pointer={pointer} />;
  if (type === 'boolean' && !list) {
    return (
      <TextField
        select
        size="small"
        label={label}
        value={value === true ? 'true' : value === false ? 'false' : ''}
        onChange={(e) => editor.set(pointer, e.target.value === 'true')}
        disabled={editor.readOnly}
        sx={{ width: 140 }}
      >
        <MenuItem value="true">{translate('chiso.common.yes')}</MenuItem>
        <MenuItem value="false">{translate('chiso.common.no')}</MenuItem>
      </TextField>
    );
  }
  if (options?.length) {
    return (
      <TextField
        select
        size="small"
        label={label}
        value={list ? (Array.isArray(value) ? value : []) : (value ?? '')}
        onChange={(e) => editor.set(pointer, e.target.value)}
        disabled={editor.readOnly}
        sx={{ width: 260 }}
        slotProps={{ select: { multiple: list } }}
      >
        {options.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {lt(o.label) || o.value}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  const numeric = NUMERIC.includes(type);
  const commit = (raw: string) => {
    setText(raw);
    if (list) {
      const items = raw
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      editor.set(pointer, numeric ? items.map((s) => parseDecimal(s) ?? s) : items);
    } else if (numeric) {
      const n = parseDecimal(raw);
      if (n !== null) editor.set(pointer, n);
    } else editor.set(pointer, raw);
  };
  const bad = numeric && !list && text !== '' && parseDecimal(text) === null;
  return (
    <TextField
      size="small"
      label={label}
      value={text}
      onChange={(e) => commit(e.target.value)}
      disabled={editor.readOnly}
      error={bad}
      helperText={bad ? translate('ra.validation.number') : list ? translate('chiso.condition.listHelp') : undefined}
      sx={{ width: 220 }}
    />
  );
};
