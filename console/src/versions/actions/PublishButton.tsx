import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import Publish from '@mui/icons-material/Publish';
import { useNotify, useTranslate } from 'react-admin';
import { dataProvider } from '../../providers/dataProvider';
import { problemOf } from '../../api/problem';
import type { Finding } from '../../../../server/engine/finding';
import { useEditor } from '../editor/EditorContext';
import { toFindings } from '../editor/toFindings';

/**
 * Publishing makes the version immutable: the dialog asks for the change note and confirms the
 * legal basis. The server refuses unless lint has no errors and every test case passes.
 */
export const PublishButton = ({
  record,
  save,
  onDone,
  onFindings,
  blocked,
  etagRef,
}: {
  record: any;
  save: () => Promise<boolean>;
  onDone: () => void;
  onFindings: (f: Finding[]) => void;
  blocked: boolean;
  etagRef: () => string | null;
}) => {
  const editor = useEditor();
  const translate = useTranslate();
  const notify = useNotify();
  const doc = editor.doc;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form, setForm] = useState({
    noteVi: '',
    noteEn: '',
    decision: doc.legalBasis?.decision ?? '',
    date: doc.legalBasis?.date ?? '',
    issuer: doc.legalBasis?.issuer ?? '',
  });
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const ready = form.noteVi.trim() && form.decision.trim() && /^\d{4}-\d{2}-\d{2}$/.test(form.date) && form.issuer.trim();

  const publish = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (!(await save())) return;
      await dataProvider.publishVersion(record.id, {
        changeNote: { vi: form.noteVi.trim(), ...(form.noteEn.trim() ? { en: form.noteEn.trim() } : {}) },
        legalBasis: { ...doc.legalBasis, decision: form.decision.trim(), date: form.date, issuer: form.issuer.trim() },
      }, etagRef());
      notify('chiso.version.published', { type: 'success' });
      setOpen(false);
      onDone();
    } catch (error: any) {
      setProblem(error?.message ?? translate('ra.notification.http_error'));
      const found = problemOf(error)?.problemErrors;
      if (found?.length) onFindings(toFindings(found));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="contained" color="success" startIcon={<Publish />} onClick={() => setOpen(true)} data-testid="publish-version">
        {translate('chiso.version.publish')}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('chiso.version.publishTitle', { version: doc.version })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('chiso.version.publishWarning')}
          </Typography>
          {blocked && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('chiso.version.publishBlocked')}
            </Alert>
          )}
          <Stack spacing={2}>
            <TextField label={translate('chiso.version.changeNoteVi')} value={form.noteVi} onChange={set('noteVi')} required multiline minRows={2} name="changeNoteVi" />
            <TextField label={translate('chiso.version.changeNoteEn')} value={form.noteEn} onChange={set('noteEn')} multiline name="changeNoteEn" />
            <Stack direction="row" spacing={1}>
              <TextField label={translate('chiso.editor.field.decision')} value={form.decision} onChange={set('decision')} required name="decision" />
              <TextField label={translate('chiso.editor.field.date')} value={form.date} onChange={set('date')} required helperText="YYYY-MM-DD" name="date" />
            </Stack>
            <TextField label={translate('chiso.editor.field.issuer')} value={form.issuer} onChange={set('issuer')} required name="issuer" />
          </Stack>
          {problem && (
            <Alert severity="error" sx={{ mt: 2, whiteSpace: 'pre-line' }} data-testid="publish-problem">
              {problem}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" color="success" onClick={publish} disabled={busy || !ready} data-testid="confirm-publish">
            {translate('chiso.version.publishConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
