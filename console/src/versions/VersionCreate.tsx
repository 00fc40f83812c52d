import { useMemo, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import UploadFile from '@mui/icons-material/UploadFile';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { useLiveFindings } from './editor/useLiveFindings';
import { dataProvider } from '../providers/dataProvider';
import { useLt } from '../common/useLt';
import { messageOf } from '../api/problem';

/**
 * A new draft from a rule-set document (a file from rules/ or one exported elsewhere). To amend a
 * version, copy it from the list instead: that keeps its whole tree.
 */
export const VersionCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const lt = useLt();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const parsed = useMemo(() => {
    if (!text.trim()) return null;
    try {
      return { doc: JSON.parse(text), error: null as string | null };
    } catch (e) {
      return { doc: null, error: (e as Error).message };
    }
  }, [text]);
  const findings = useLiveFindings(parsed?.doc ?? undefined, 150);
  const errors = (findings ?? []).filter((f) => f.severity === 'error');
  const create = async () => {
    setProblem(null);
    try {
      const created = await dataProvider.createVersion(parsed!.doc);
      notify('ra.notification.created', { type: 'success', messageArgs: { smart_count: 1 } });
      navigate(`/versions/${created.id}`);
    } catch (error) {
      setProblem(messageOf(error) ?? translate('ra.notification.http_error'));
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('chiso.version.createTitle')} />
      <Paper sx={{ p: 2 }}>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('chiso.version.createHelp')}
        </Typography>
        <Button component="label" variant="outlined" startIcon={<UploadFile />} sx={{ mb: 2 }}>
          {translate('chiso.version.chooseFile')}
          <input
            hidden
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </Button>
        <TextField
          multiline
          fullWidth
          minRows={12}
          maxRows={24}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder='{ "schemaVersion": 1, … }'
          slotProps={{ input: { sx: { fontFamily: 'monospace', fontSize: 13 } } }}
        />
        {parsed?.error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {translate('chiso.editor.jsonSyntax')}: {parsed.error}
          </Alert>
        )}
        {parsed?.doc && errors.length > 0 && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {errors.slice(0, 8).map((f, i) => (
              <div key={i}>
                {f.path || '/'}: {lt(f.message)}
              </div>
            ))}
          </Alert>
        )}
        {parsed?.doc && findings && !errors.length && (
          <Alert severity="success" sx={{ mt: 1 }}>
            {translate('chiso.editor.schemaValid')}
          </Alert>
        )}
        {problem && (
          <Alert severity="error" sx={{ mt: 1, whiteSpace: 'pre-line' }}>
            {problem}
          </Alert>
        )}
        <Stack direction="row" sx={{ mt: 2 }}>
          <Button variant="contained" onClick={create} disabled={!parsed?.doc || errors.length > 0}>
            {translate('chiso.version.createDraft')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
};
