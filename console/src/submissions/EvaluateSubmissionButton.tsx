import { useState } from 'react';
import { Button } from '@mui/material';
import Calculate from '@mui/icons-material/Calculate';
import { useCanAccess, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';

/** Scores this one submission now (e.g. after an appraisal) and opens the result. */
export const EvaluateSubmissionButton = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'submissions', action: 'evaluate' });
  if (!canAccess || record.status === 'draft') return null;
  const run = async () => {
    setBusy(true);
    try {
      const result = await dataProvider.evaluateSubmission(String(record.id));
      const id = result.id;
      notify('chiso.period.evaluatedOne', { type: 'success' });
      if (id) navigate(`/evaluations/${id}/show`);
    } catch (e) {
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" startIcon={<Calculate />} onClick={run} disabled={busy}>
      {translate('chiso.submission.evaluate')}
    </Button>
  );
};
