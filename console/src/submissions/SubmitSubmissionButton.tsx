import { useState } from 'react';
import { Button, Tooltip } from '@mui/material';
import Send from '@mui/icons-material/Send';
import { Confirm, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';

/** Sends the saved self-assessment to the evaluators; after that it can no longer be edited. */
export const SubmitSubmissionButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { isDirty } = useFormState();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const submit = async () => {
    try {
      await dataProvider.submit(String(record.id));
      notify('chiso.submission.submitted', { type: 'success' });
      redirect('show', 'submissions', record.id);
    } catch (e) {
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
    </>
  );
};
