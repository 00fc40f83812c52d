import { useState } from 'react';
import { Button } from '@mui/material';
import ArrowForward from '@mui/icons-material/ArrowForward';
import { Confirm, useCanAccess, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { dataProvider } from '../providers/dataProvider';
import { nextStep } from './steps';
import { messageOf } from '../api/problem';

/** Moves the period to its next status, after a confirmation; the server checks the step is allowed. */
export const TransitionButton = ({ period }: { period: RaRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'transition' });
  const to = nextStep(period.status);
  if (!canAccess || !to) return null;
  const go = async () => {
    try {
      await dataProvider.transitionPeriod(String(period.id), to);
      notify('chiso.period.moved', { type: 'success', messageArgs: { status: translate(`chiso.periodStatus.${to}`) } });
      refresh();
    } catch (e) {
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    } finally {
      setOpen(false);
    }
  };
  return (
    <>
      <Button variant="outlined" startIcon={<ArrowForward />} onClick={() => setOpen(true)} data-testid={`transition-${to}`}>
        {translate(`chiso.period.to.${to}`)}
      </Button>
      <Confirm
        isOpen={open}
        title={translate(`chiso.period.to.${to}`)}
        content={translate(`chiso.period.confirm.${to}`)}
        onConfirm={go}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
