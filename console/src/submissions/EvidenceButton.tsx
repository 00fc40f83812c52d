import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import AddLink from '@mui/icons-material/AddLink';
import { useNotify, useTranslate } from 'react-admin';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';
import type { EvidenceItem } from './EvidenceList';

/**
 * Attach a file or a link (with a note) as evidence for one fact or criterion, or a written
 * explanation in its place. A reply to the appraisal is itself the explanation: it offers files and links only.
 */
export const EvidenceButton = ({
  submissionId,
  factKey,
  label,
  explanation = true,
  onAdded,
}: {
  submissionId: string;
  factKey: string;
  label: string;
  explanation?: boolean;
  onAdded: (item: EvidenceItem) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'file' | 'link' | 'explanation'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = kind === 'file' ? !!file : kind === 'link' ? /^https?:\/\/\S+$/.test(url.trim()) : note.trim().length > 0;
  const close = () => {
    setOpen(false);
    setFile(null);
    setUrl('');
    setNote('');
    setProblem(null);
  };
  const add = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const item = await dataProvider.uploadEvidence(submissionId, {
        key: factKey,
        note: note.trim() || undefined,
        ...(kind === 'file' ? { file: file! } : kind === 'link' ? { url: url.trim() } : { explanation: true }),
      });
      notify('chiso.submission.evidenceAdded', { type: 'success' });
      close();
      onAdded(item);
    } catch (e) {
      setProblem(messageOf(e) ?? translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<AddLink />} onClick={() => setOpen(true)} data-testid={`add-evidence-${factKey}`}>
        {translate('chiso.submission.addEvidence')}
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth>
        <DialogTitle>
          {translate('chiso.submission.evidenceFor')} {label}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <ToggleButtonGroup exclusive size="small" value={kind} onChange={(_, v) => v && setKind(v)}>
              <ToggleButton value="file">{translate('chiso.submission.evidenceFile')}</ToggleButton>
              <ToggleButton value="link">{translate('chiso.submission.evidenceLink')}</ToggleButton>
              {explanation && (
                <ToggleButton value="explanation" data-testid="evidence-kind-explanation">
                  {translate('chiso.submission.evidenceExplanation')}
                </ToggleButton>
              )}
            </ToggleButtonGroup>
            {kind === 'file' ? (
              <Button component="label" variant="outlined">
                {file ? file.name : translate('chiso.submission.chooseFile')}
                <input hidden type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="evidence-file" />
              </Button>
            ) : kind === 'link' ? (
              <TextField
                label={translate('chiso.submission.url')}
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder="https://"
                name="evidenceUrl"
              />
            ) : null}
            <TextField
              label={translate(kind === 'explanation' ? 'chiso.submission.explanationText' : 'chiso.submission.note')}
              helperText={kind === 'explanation' ? translate('chiso.submission.explanationHelp') : undefined}
              required={kind === 'explanation'}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              multiline
              minRows={kind === 'explanation' ? 3 : undefined}
              name="evidenceNote"
            />
            {problem && (
              <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>
                {problem}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={add} disabled={!ready || busy} data-testid="confirm-evidence">
            {translate('ra.action.add')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
