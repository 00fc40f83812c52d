import { Box, Button, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PLt } from '../inputs/PLt';
import { PNumber } from '../inputs/PNumber';
import { ScoringForm } from './ScoringForm';
import { METHODS } from '../../../../../server/engine';

/** Sum of sub-formulas, each scored against its own maximum; the node caps the sum. */
export const CompositeForm = ({ pointer }: { pointer: string }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const parts: { max?: number }[] = editor.get(`${pointer}/parts`) ?? [];
  return (
    <Box>
      {parts.map((part, i) => (
        <Paper key={i} variant="outlined" sx={{ p: 1.5, mb: 1 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="subtitle2">{translate('chiso.editor.partN', { n: i + 1 })}</Typography>
            <PNumber pointer={`${pointer}/parts/${i}/max`} label="max" required min={0} />
            <Box sx={{ flex: 1 }} />
            <Tooltip title={translate('ra.action.remove')}>
              <span>
                <IconButton
                  size="small"
                  disabled={editor.readOnly || parts.length < 2}
                  onClick={() => editor.remove(`${pointer}/parts/${i}`)}
                >
                  <DeleteOutline fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </Stack>
          <PLt pointer={`${pointer}/parts/${i}/label`} label="label" required />
          <Box sx={{ mt: 1 }}>
            <ScoringForm pointer={`${pointer}/parts/${i}/scoring`} max={part.max} />
          </Box>
        </Paper>
      ))}
      <Button
        size="small"
        disabled={editor.readOnly}
        onClick={() => editor.insert(`${pointer}/parts`, parts.length, { label: { vi: '' }, max: 1, scoring: METHODS.yesNo.defaults(1) })}
      >
        {translate('chiso.editor.addPart')}
      </Button>
    </Box>
  );
};
