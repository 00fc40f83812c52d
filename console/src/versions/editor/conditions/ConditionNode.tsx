import { Box, Button, IconButton, MenuItem, Stack, TextField, Tooltip } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { ConditionLeaf } from './ConditionLeaf';
import { agencyLeaf, emptyLeaf, groupKey, type Cond } from './operators';

/** One node of a condition tree: a group (all / any / not) with its children, or a leaf. */
export const ConditionNode = ({
  pointer,
  scope,
  depth,
  onRemove,
}: {
  pointer: string;
  scope: 'facts' | 'agency';
  depth: number;
  onRemove?: () => void;
}) => {
  const editor = useEditor();
  const translate = useTranslate();
  const cond: Cond = editor.get(pointer);
  const key = groupKey(cond);
  if (!key) return <ConditionLeaf pointer={pointer} scope={scope} onRemove={onRemove} />;

  const blank = () => (scope === 'agency' ? agencyLeaf() : emptyLeaf());
  const children: Cond[] = key === 'not' ? [cond.not ?? {}] : (cond[key] ?? []);
  const childPointer = (i: number) => (key === 'not' ? `${pointer}/not` : `${pointer}/${key}/${i}`);
  const changeKind = (next: string) => {
    const list = key === 'not' ? [cond.not ?? {}] : (cond[key] ?? []);
    const { all: _a, any: _b, not: _n, ...rest } = cond;
    editor.set(pointer, next === 'not' ? { ...rest, not: list.length === 1 ? list[0] : { all: list } } : { ...rest, [next]: list });
  };

  return (
    <Box
      sx={{ borderLeft: 3, borderColor: depth % 2 ? 'secondary.light' : 'primary.light', pl: 1.5, py: 0.5, my: 0.5 }}
      data-condition-group={key}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <TextField
          select
          size="small"
          value={key}
          onChange={(e) => changeKind(e.target.value)}
          disabled={editor.readOnly}
          sx={{ minWidth: 260 }}
          label={translate('chiso.condition.group')}
        >
          <MenuItem value="all">{translate('chiso.condition.all')}</MenuItem>
          <MenuItem value="any">{translate('chiso.condition.any')}</MenuItem>
          <MenuItem value="not">{translate('chiso.condition.not')}</MenuItem>
        </TextField>
        {onRemove && (
          <Tooltip title={translate('chiso.condition.removeGroup')}>
            <span>
              <IconButton size="small" onClick={onRemove} disabled={editor.readOnly} aria-label={translate('chiso.condition.removeGroup')}>
                <DeleteOutline fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        )}
      </Stack>
      {children.map((_, i) => (
        <ConditionNode
          key={i}
          pointer={childPointer(i)}
          scope={scope}
          depth={depth + 1}
          onRemove={key !== 'not' && children.length > 1 ? () => editor.remove(childPointer(i)) : undefined}
        />
      ))}
      {key !== 'not' && (
        <Stack direction="row" spacing={1}>
          <Button size="small" disabled={editor.readOnly} onClick={() => editor.insert(`${pointer}/${key}`, children.length, blank())}>
            {translate('chiso.condition.addLeaf')}
          </Button>
          <Button
            size="small"
            disabled={editor.readOnly}
            onClick={() => editor.insert(`${pointer}/${key}`, children.length, { [key === 'all' ? 'any' : 'all']: [blank()] })}
          >
            {translate('chiso.condition.addGroup')}
          </Button>
        </Stack>
      )}
    </Box>
  );
};
