import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import FactCheck from '@mui/icons-material/FactCheck';
import { useTranslate } from 'react-admin';
import type { Finding } from '../../../../../server/engine';
import { FindingList } from './FindingList';
import { useEditor } from '../EditorContext';

/**
 * Two layers of checks: the schema, live as you edit; and the server's linter (sums of maxima,
 * tiers without gaps, bands, facts used but not declared…), run on the saved draft.
 */
export const LintPanel = ({
  live,
  liveAvailable,
  server,
  onRun,
  running,
}: {
  live: Finding[];
  liveAvailable: boolean;
  server: Finding[] | null;
  onRun: () => void;
  running: boolean;
}) => {
  const translate = useTranslate();
  const editor = useEditor();
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1">{translate('chiso.editor.schemaCheck')}</Typography>
        {liveAvailable ? (
          <FindingList findings={live} emptyText={translate('chiso.editor.schemaValid')} />
        ) : (
          <Alert severity="info">{translate('chiso.editor.liveUnavailable')}</Alert>
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="lint-panel">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="subtitle1">{translate('chiso.editor.lintTitle')}</Typography>
          <Button variant="outlined" size="small" startIcon={<FactCheck />} onClick={onRun} disabled={running || editor.readOnly}>
            {translate(editor.dirty ? 'chiso.editor.saveAndLint' : 'chiso.editor.runLint')}
          </Button>
        </Stack>
        {server === null ? <Alert severity="info">{translate('chiso.editor.lintNotRun')}</Alert> : <FindingList findings={server} />}
      </Paper>
    </Stack>
  );
};
