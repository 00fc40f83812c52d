import { useState } from 'react';
import { Button } from '@mui/material';
import Calculate from '@mui/icons-material/Calculate';
import { Confirm, useCanAccess, useGetList, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';

/**
 * Scores every submitted and appraised submission of the period under its pinned version. Results
 * already there are kept but superseded, so scoring again is asked first; a published period's
 * results are final and it is not offered at all.
 */
export const EvaluateButton = ({ period }: { period: RaRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'evaluate' });
  const { total: scored } = useGetList(
    'evaluations',
    { filter: { periodId: period.id }, pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'DESC' } },
    { enabled: !!canAccess && period.status !== 'published' },
  );
  if (!canAccess || period.status === 'published') return null;
  const run = async () => {
    setAsking(false);
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
    <>
      <Button
        variant="contained"
        startIcon={<Calculate />}
        onClick={() => (scored ? setAsking(true) : run())}
        disabled={busy}
        data-testid="evaluate-period"
      >
        {translate(scored ? 'chiso.period.evaluateAgain' : 'chiso.period.evaluate')}
      </Button>
      <Confirm
        isOpen={asking}
        title="chiso.period.evaluateAgainTitle"
        content="chiso.period.evaluateAgainHelp"
        confirm="chiso.period.evaluateAgain"
        onConfirm={run}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
