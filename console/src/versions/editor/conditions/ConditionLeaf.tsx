import { IconButton, MenuItem, Stack, TextField, Tooltip } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { useChoices } from '../inputs/useChoices';
import { useLt } from '../../../common/useLt';
import { LIST_OPERATORS, operatorsFor, type Cond } from './operators';
import { LeafValue } from './LeafValue';

/** fact · operator · value. Agency attributes appear as "agency › kind" (fact agency, path $.kind). */
export const ConditionLeaf = ({ pointer, scope, onRemove }: { pointer: string; scope: 'facts' | 'agency'; onRemove?: () => void }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const lt = useLt();
  const { facts, attributeChoices, agencyAttributes } = useChoices();
  const cond: Cond = editor.get(pointer) ?? {};
  const attr = cond.fact === 'agency' ? String(cond.path ?? '').replace(/^\$\./, '') : null;
  const selected = attr !== null ? `agency:${attr}` : (cond.fact ?? '');

  const subjectChoices = [
    ...(scope === 'facts' ? facts.map((f) => ({ id: f.id, name: lt(f.label) || f.id })) : []),
    ...attributeChoices.map((a) => ({ id: `agency:${a.id}`, name: `${translate('chiso.condition.agency')} › ${a.name}` })),
  ];
  const type =
    attr !== null ? (agencyAttributes.find((a) => a.id === attr)?.type ?? 'text') : (facts.find((f) => f.id === cond.fact)?.type ?? 'text');
  const options = attr !== null ? agencyAttributes.find((a) => a.id === attr)?.options : facts.find((f) => f.id === cond.fact)?.options;

  const setSubject = (id: string) => {
    const { path: _p, ...rest } = cond;
    if (id.startsWith('agency:')) return editor.set(pointer, { ...rest, fact: 'agency', path: `$.${id.slice(7)}` });
    // Moving to or from a date fact changes what can be compared: start from a day of the assessed year.
    const isDate = facts.find((f) => f.id === id)?.type === 'date';
    if (isDate !== (type === 'date'))
      editor.set(
        pointer,
        isDate
          ? { ...rest, fact: id, operator: 'dateOnOrBefore', value: { periodDate: '12-31' } }
          : { ...rest, fact: id, operator: 'equal', value: '' },
      );
    else editor.set(pointer, { ...rest, fact: id });
  };
  const operators = operatorsFor(type);
  const setOperator = (op: string) => {
    const wasList = LIST_OPERATORS.includes(cond.operator ?? '');
    const isList = LIST_OPERATORS.includes(op);
    let value = cond.value;
    if (isList && !wasList) value = value === undefined || value === '' ? [] : [value];
    if (!isList && wasList) value = Array.isArray(value) ? (value[0] ?? '') : value;
    editor.set(pointer, { ...cond, operator: op, value });
  };
  const known = subjectChoices.some((c) => c.id === selected);

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', my: 0.75, flexWrap: 'wrap', rowGap: 1 }} data-condition-leaf>
      <TextField
        select
        size="small"
        label={translate('chiso.condition.fact')}
        value={selected}
        onChange={(e) => setSubject(e.target.value)}
        disabled={editor.readOnly}
        error={!selected}
        sx={{ width: 300 }}
      >
        {!known && selected && <MenuItem value={selected}>{selected}</MenuItem>}
        {subjectChoices.map((c) => (
          <MenuItem key={c.id} value={c.id}>
            {c.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={translate('chiso.condition.operator')}
        value={cond.operator ?? 'equal'}
        onChange={(e) => setOperator(e.target.value)}
        disabled={editor.readOnly}
        sx={{ width: 190 }}
      >
        {cond.operator && !operators.includes(cond.operator) && <MenuItem value={cond.operator}>{cond.operator}</MenuItem>}
        {operators.map((op) => (
          <MenuItem key={op} value={op}>
            {translate(`chiso.operator.${op}`)}
          </MenuItem>
        ))}
      </TextField>
      <LeafValue pointer={`${pointer}/value`} type={type} options={options} list={LIST_OPERATORS.includes(cond.operator ?? '')} />
      {onRemove && (
        <Tooltip title={translate('chiso.condition.remove')}>
          <span>
            <IconButton size="small" onClick={onRemove} disabled={editor.readOnly} aria-label={translate('chiso.condition.remove')}>
              <DeleteOutline fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      )}
    </Stack>
  );
};
