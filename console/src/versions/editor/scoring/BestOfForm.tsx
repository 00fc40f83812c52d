import { Box, Button, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PLt } from '../inputs/PLt';
import { ScoringForm } from './ScoringForm';
import { METHODS } from '../../../../../server/engine';

/** Alternatives scored against the node's maximum; the best one counts. */
export const BestOfForm = ({ pointer, max }: { pointer: string; max?: number }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const options: unknown[] = editor.get(`${pointer}/options`) ?? [];
  return (
    <Box>
      {options.map((_, i) => (
        <Paper key={i} variant="outlined" sx={{ p: 1.5, mb: 1 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="subtitle2">{translate('chiso.editor.optionN', { n: i + 1 })}</Typography>
            <Box sx={{ flex: 1 }} />
            <Tooltip title={translate('ra.action.remove')}>
              <span>
                <IconButton
                  size="small"
                  disabled={editor.readOnly || options.length < 2}
                  onClick={() => editor.remove(`${pointer}/options/${i}`)}
                >
                  <DeleteOutline fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </Stack>
          <PLt pointer={`${pointer}/options/${i}/label`} label="label" required />
          <Box sx={{ mt: 1 }}>
            <ScoringForm pointer={`${pointer}/options/${i}/scoring`} max={max} />
          </Box>
        </Paper>
      ))}
      <Button
        size="small"
        disabled={editor.readOnly}
        onClick={() => editor.insert(`${pointer}/options`, options.length, { label: { vi: '' }, scoring: METHODS.yesNo.defaults(1) })}
      >
        {translate('chiso.editor.addOption')}
      </Button>
    </Box>
  );
};
