import { Box, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useInput, useTranslate } from 'react-admin';
import { parseDecimal } from '../versions/editor/inputs/PNumber';

type Value = string | number | boolean | null;

const kindOf = (v: Value) => (typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : 'text');

/** Free attributes of an agency (e.g. hasPublicServices: yes) that cohort rules read. */
export const AttributesInput = ({ source = 'attributes' }: { source?: string }) => {
  const translate = useTranslate();
  const { field } = useInput({ source, defaultValue: {} });
  const entries = Object.entries((field.value ?? {}) as Record<string, Value>);
  const write = (next: [string, Value][]) => field.onChange(Object.fromEntries(next));
  const update = (i: number, key: string, value: Value) => write(entries.map((e, j) => (j === i ? [key, value] : e)));
  return (
    <Box sx={{ width: '100%', my: 1 }}>
      <Typography variant="subtitle2">{translate('resources.agencies.fields.attributes')}</Typography>
      {entries.map(([key, value], i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ my: 1, alignItems: 'center' }}>
          <TextField
            size="small"
            label={translate('chiso.agency.attributeName')}
            value={key}
            onChange={(e) => update(i, e.target.value, value)}
          />
          <TextField
            select
            size="small"
            label={translate('chiso.agency.attributeType')}
            value={kindOf(value)}
            sx={{ width: 180 }}
            onChange={(e) => update(i, key, e.target.value === 'boolean' ? true : e.target.value === 'number' ? 0 : '')}
          >
            <MenuItem value="boolean">{translate('chiso.factType.boolean')}</MenuItem>
            <MenuItem value="number">{translate('chiso.factType.number')}</MenuItem>
            <MenuItem value="text">{translate('chiso.factType.text')}</MenuItem>
          </TextField>
          {typeof value === 'boolean' ? (
            <TextField
              select
              size="small"
              label={translate('chiso.condition.value')}
              value={value ? 'true' : 'false'}
              sx={{ width: 120 }}
              onChange={(e) => update(i, key, e.target.value === 'true')}
            >
              <MenuItem value="true">{translate('chiso.common.yes')}</MenuItem>
              <MenuItem value="false">{translate('chiso.common.no')}</MenuItem>
            </TextField>
          ) : (
            <TextField
              size="small"
              label={translate('chiso.condition.value')}
              value={value ?? ''}
              onChange={(e) => update(i, key, typeof value === 'number' ? (parseDecimal(e.target.value) ?? 0) : e.target.value)}
            />
          )}
          <IconButton size="small" onClick={() => write(entries.filter((_, j) => j !== i))} aria-label={translate('ra.action.remove')}>
            <DeleteOutline fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" onClick={() => write([...entries, [`attr${entries.length + 1}`, true]])}>
        {translate('chiso.editor.addAttribute')}
      </Button>
    </Box>
  );
};
