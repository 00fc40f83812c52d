import { useMemo, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { FindingList } from './FindingList';
import { useLiveFindings } from '../useLiveFindings';
import { readableOrder } from '../readableOrder';

/** The document as JSON, for those who ask for it: checked against the schema as you type. */
export const RawJsonSection = () => {
  const editor = useEditor();
  const translate = useTranslate();
  const pretty = useMemo(() => JSON.stringify(readableOrder(editor.doc), null, 2), [editor.doc]);
  // The text typed here, until applied or discarded; untouched, the field follows the document.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? pretty;
  const touched = draft !== null;
  const parsed = useMemo(() => {
    try {
      return { value: JSON.parse(text), error: null as string | null };
    } catch (e) {
      return { value: undefined, error: (e as Error).message };
    }
  }, [text]);
  const findings = useLiveFindings(parsed.error ? undefined : parsed.value, 150);
  return (
    <Box sx={{ display: 'flex', gap: 2, flexDirection: { xs: 'column', lg: 'row' } }}>
      <Paper variant="outlined" sx={{ p: 1, flex: 2, minWidth: 0 }}>
        <TextField
          multiline
          fullWidth
          minRows={24}
          maxRows={40}
          value={text}
          onChange={(e) => setDraft(e.target.value)}
          slotProps={{
            input: { readOnly: editor.readOnly, sx: { fontFamily: 'monospace', fontSize: 13 } },
            htmlInput: { spellCheck: false, 'data-testid': 'raw-json' },
          }}
        />
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button
            variant="contained"
            size="small"
            disabled={editor.readOnly || !touched || !!parsed.error}
            onClick={() => {
              editor.replace(parsed.value);
              setDraft(null);
            }}
          >
            {translate('chiso.editor.applyJson')}
          </Button>
          <Button size="small" disabled={!touched} onClick={() => setDraft(null)}>
            {translate('chiso.editor.discardJson')}
          </Button>
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 1, flex: 1, minWidth: 280 }}>
        <Typography variant="subtitle2">{translate('chiso.editor.schemaCheck')}</Typography>
        {parsed.error ? (
          <Alert severity="error">
            {translate('chiso.editor.jsonSyntax')}: {parsed.error}
          </Alert>
        ) : findings === null ? (
          <Alert severity="info">{translate('chiso.editor.liveUnavailable')}</Alert>
        ) : (
          <FindingList findings={findings} emptyText={translate('chiso.editor.schemaValid')} />
        )}
      </Paper>
    </Box>
  );
};
