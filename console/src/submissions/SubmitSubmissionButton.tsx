import { useState } from 'react';
import { Alert, AlertTitle, Button, Dialog, DialogActions, DialogContent, Link, Stack, Tooltip, Typography } from '@mui/material';
import Send from '@mui/icons-material/Send';
import { Confirm, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { dataProvider } from '../providers/dataProvider';
import { messageOf, problemOf } from '../api/problem';

/** Scrolls to a fact's row and puts the focus on its "add evidence" button, as the evidence summary does. */
const goToFact = (id: string) => {
  const row = document.querySelector(`[data-fact-row="${CSS.escape(id)}"]`);
  row?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  row?.querySelector<HTMLElement>('[data-testid^="add-evidence-"]')?.focus({ preventScroll: true });
};

/** Sends the saved self-assessment to the evaluators; after that it can no longer be edited. */
export const SubmitSubmissionButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { isDirty } = useFormState();
  const [open, setOpen] = useState(false);
  const [missing, setMissing] = useState<{ factId: string; message: string }[]>([]);
  if (!record) return null;
  const submit = async () => {
    try {
      await dataProvider.submit(String(record.id));
      notify('chiso.submission.submitted', { type: 'success' });
      redirect('show', 'submissions', record.id);
    } catch (e) {
      const problem = problemOf(e);
      const items = (problem?.problemErrors ?? [])
        .filter((x) => x.path.startsWith('/evidence/'))
        .map((x) => ({ factId: x.path.slice('/evidence/'.length).replace(/~1/g, '/').replace(/~0/g, '~'), message: x.message }));
      if (problem?.code === 'evidence-missing' || (problem?.type ?? '').endsWith('evidence-missing') || items.length) {
        setMissing(items);
        return;
      }
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    } finally {
      setOpen(false);
    }
  };
  return (
    <>
      <Tooltip title={isDirty ? translate('chiso.submission.saveFirst') : ''}>
        <span>
          <Button
            variant="outlined"
            color="success"
            startIcon={<Send />}
            disabled={isDirty}
            onClick={() => setOpen(true)}
            data-testid="submit-submission"
          >
            {translate('chiso.submission.submit')}
          </Button>
        </span>
      </Tooltip>
      <Confirm
        isOpen={open}
        title={translate('chiso.submission.submitTitle')}
        content={translate('chiso.submission.submitContent')}
        onConfirm={submit}
        onClose={() => setOpen(false)}
      />
      <Dialog open={missing.length > 0} onClose={() => setMissing([])} maxWidth="sm" fullWidth>
        <DialogContent>
          <Alert severity="warning" data-testid="submit-evidence-missing" data-missing={missing.length}>
            <AlertTitle>{translate('chiso.submission.submitMissingTitle')}</AlertTitle>
            <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
              {missing.map((m) => (
                <li key={m.factId} data-submit-missing={m.factId}>
                  <Link
                    component="button"
                    type="button"
                    variant="body2"
                    sx={{ textAlign: 'left' }}
                    onClick={() => {
                      setMissing([]);
                      setTimeout(() => goToFact(m.factId), 0);
                    }}
                  >
                    {m.message}
                  </Link>
                </li>
              ))}
            </Stack>
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('chiso.submission.submitMissingHelp')}
            </Typography>
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setMissing([])}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
