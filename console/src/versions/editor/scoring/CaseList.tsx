import { Box, Button, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PLt } from '../inputs/PLt';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { PointsInput } from './PointsInput';
import { emptyLeaf } from '../conditions/operators';

/**
 * Cases (the first that holds gives its points) or parts (every part that holds adds its points):
 * each with a label, points or a fraction, and its condition.
 */
export const CaseList = ({ pointer, max, kind }: { pointer: string; max?: number; kind: 'cases' | 'parts' }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const items: unknown[] = editor.get(pointer) ?? [];
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(kind === 'cases' ? 'chiso.editor.casesHelp' : 'chiso.editor.partsHelp')}
      </Typography>
      {items.map((_, i) => (
        <Paper key={i} variant="outlined" sx={{ p: 1.5, mb: 1 }} data-case={i}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="subtitle2" sx={{ minWidth: 80 }}>
              {translate(kind === 'cases' ? 'chiso.editor.caseN' : 'chiso.editor.partN', { n: i + 1 })}
            </Typography>
            <PointsInput pointer={`${pointer}/${i}`} />
            <Box sx={{ flex: 1 }} />
            <Tooltip title={translate('ra.action.move_up')}>
              <span>
                <IconButton size="small" disabled={editor.readOnly || i === 0} onClick={() => editor.move(`${pointer}/${i}`, -1)}>
                  <ArrowUpward fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title={translate('ra.action.move_down')}>
              <span>
                <IconButton
                  size="small"
                  disabled={editor.readOnly || i === items.length - 1}
                  onClick={() => editor.move(`${pointer}/${i}`, 1)}
                >
                  <ArrowDownward fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title={translate('ra.action.remove')}>
              <span>
                <IconButton size="small" disabled={editor.readOnly || items.length < 2} onClick={() => editor.remove(`${pointer}/${i}`)}>
                  <DeleteOutline fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </Stack>
          <PLt pointer={`${pointer}/${i}/label`} label="label" required />
          <Box sx={{ mt: 1 }}>
            <ConditionBuilder pointer={`${pointer}/${i}/when`} />
          </Box>
        </Paper>
      ))}
      <Button
        size="small"
        disabled={editor.readOnly}
        onClick={() => editor.insert(pointer, items.length, { label: { vi: '' }, when: { all: [emptyLeaf()] }, points: max ?? 0 })}
      >
        {translate(kind === 'cases' ? 'chiso.editor.addCase' : 'chiso.editor.addPart')}
      </Button>
    </Box>
  );
};
