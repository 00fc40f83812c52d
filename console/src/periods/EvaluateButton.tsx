import { useState } from 'react';
import { Button } from '@mui/material';
import Calculate from '@mui/icons-material/Calculate';
import { useCanAccess, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';

/** Scores every submitted and appraised submission of the period under its pinned version. */
export const EvaluateButton = ({ period }: { period: RaRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'evaluate' });
  if (!canAccess) return null;
  const run = async () => {
    setBusy(true);
    try {
      const result = await dataProvider.evaluatePeriod(String(period.id));
      const n = result.evaluations.length;
      notify('chiso.period.evaluated', { type: 'success', messageArgs: { n } });
      refresh();
      navigate(`/periods/${period.id}/ranking`);
    } catch (e) {
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="contained" startIcon={<Calculate />} onClick={run} disabled={busy} data-testid="evaluate-period">
      {translate('chiso.period.evaluate')}
    </Button>
  );
};
