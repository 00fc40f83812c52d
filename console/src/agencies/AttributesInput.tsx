import { Box, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useInput, useTranslate } from 'react-admin';
import { parseDecimal } from '../versions/editor/inputs/PNumber';
import { useLt } from '../common/useLt';
import { useAttributeWords } from './useAttributeWords';

type Value = string | number | boolean | null;

const typeOf = (v: Value) => (typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : 'text');
const emptyOf = (type: string): Value => (type === 'boolean' ? true : type === 'number' ? 0 : '');

/**
 * The attributes of an agency that cohort rules read, picked from those the rule sets declare
 * (label and choices, not codes). One the rule sets do not declare stays editable as written.
 */
export const AttributesInput = ({ source = 'attributes' }: { source?: string }) => {
  const translate = useTranslate();
  const lt = useLt();
  const words = useAttributeWords();
  const { field } = useInput({ source, defaultValue: {} });
  const entries = Object.entries((field.value ?? {}) as Record<string, Value>);
  const write = (next: [string, Value][]) => field.onChange(Object.fromEntries(next));
  const update = (i: number, key: string, value: Value) => write(entries.map((e, j) => (j === i ? [key, value] : e)));
  const unused = words.defs.filter((d) => !entries.some(([k]) => k === d.id));
  const add = () => {
    const next = unused[0];
    write([...entries, next ? [next.id, emptyOf(next.type)] : [`attr${entries.length + 1}`, true]]);
  };
  return (
    <Box sx={{ width: '100%', my: 1 }}>
      <Typography variant="subtitle2">{translate('resources.agencies.fields.attributes')}</Typography>
      {entries.map(([key, value], i) => {
        const def = words.def(key);
        const type = def?.type ?? typeOf(value);
        return (
          <Stack key={i} direction="row" spacing={1} sx={{ my: 1, alignItems: 'center' }} data-attribute={key}>
            <TextField
              select
              size="small"
              label={translate('chiso.agency.attributeName')}
              value={key}
              sx={{ minWidth: 320 }}
              onChange={(e) => {
                const picked = words.def(e.target.value);
                update(i, e.target.value, picked ? emptyOf(picked.type) : value);
              }}
            >
              {!def && <MenuItem value={key}>{key}</MenuItem>}
              {[...(def ? [def] : []), ...unused].map((d) => (
                <MenuItem key={d.id} value={d.id}>
                  {lt(d.label)}
                </MenuItem>
              ))}
            </TextField>
            {!def && (
              <TextField
                select
                size="small"
                label={translate('chiso.agency.attributeType')}
                value={typeOf(value)}
                sx={{ width: 180 }}
                onChange={(e) => update(i, key, emptyOf(e.target.value))}
              >
                <MenuItem value="boolean">{translate('chiso.factType.boolean')}</MenuItem>
                <MenuItem value="number">{translate('chiso.factType.number')}</MenuItem>
                <MenuItem value="text">{translate('chiso.factType.text')}</MenuItem>
              </TextField>
            )}
            {type === 'boolean' ? (
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
            ) : type === 'enum' && def?.options?.length ? (
              <TextField
                select
                size="small"
                label={translate('chiso.condition.value')}
                value={String(value ?? '')}
                sx={{ minWidth: 200 }}
                onChange={(e) => update(i, key, e.target.value)}
              >
                {def.options.map((o) => (
                  <MenuItem key={o.value} value={o.value}>
                    {lt(o.label)}
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <TextField
                size="small"
                label={translate('chiso.condition.value')}
                value={value ?? ''}
                onChange={(e) => update(i, key, type === 'number' ? (parseDecimal(e.target.value) ?? 0) : e.target.value)}
              />
            )}
            <IconButton size="small" onClick={() => write(entries.filter((_, j) => j !== i))} aria-label={translate('ra.action.remove')}>
              <DeleteOutline fontSize="small" />
            </IconButton>
          </Stack>
        );
      })}
      <Button size="small" onClick={add}>
        {translate('chiso.editor.addAttribute')}
      </Button>
    </Box>
  );
};
