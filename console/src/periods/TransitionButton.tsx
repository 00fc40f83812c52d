import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import ArrowForward from '@mui/icons-material/ArrowForward';
import { Confirm, useCanAccess, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { dataProvider } from '../providers/dataProvider';
import { nextStep } from './steps';
import { messageOf, problemOf } from '../api/problem';

/**
 * Moves the period to its next status, after a confirmation; the server checks the step is allowed.
 * Before the schedule's date the server refuses with `schedule-not-reached`, which the organiser may
 * override by saying why (audited); open replies and unreviewed explanations cannot be overridden.
 */
export const TransitionButton = ({ period }: { period: RaRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [early, setEarly] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'transition' });
  const to = nextStep(period.status);
  if (!canAccess || !to) return null;
  const send = async (override?: { reason: string }) => {
    setSending(true);
    try {
      await dataProvider.transitionPeriod(String(period.id), to, override);
      notify('chiso.period.moved', { type: 'success', messageArgs: { status: translate(`chiso.periodStatus.${to}`) } });
      setEarly(null);
      refresh();
    } catch (e) {
      const problem = problemOf(e) as { code?: string; overridable?: boolean; detail?: string } | undefined;
      if (!override && problem?.code === 'schedule-not-reached' && problem.overridable) {
        setReason('');
        setTouched(false);
        setEarly(problem.detail ?? messageOf(e) ?? '');
      } else {
        notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
      }
    } finally {
      setSending(false);
      setOpen(false);
    }
  };
  const missing = !reason.trim();
  return (
    <>
      <Button variant="outlined" startIcon={<ArrowForward />} onClick={() => setOpen(true)} data-testid={`transition-${to}`}>
        {translate(`chiso.period.to.${to}`)}
      </Button>
      <Confirm
        isOpen={open}
        loading={sending}
        title={translate(`chiso.period.to.${to}`)}
        content={translate(`chiso.period.confirm.${to}`)}
        onConfirm={() => send()}
        onClose={() => setOpen(false)}
      />
      <Dialog open={early !== null} onClose={() => setEarly(null)} aria-labelledby="override-title" data-testid="override-dialog">
        <DialogTitle id="override-title">{translate('chiso.schedule.overrideTitle')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {early}
          </Alert>
          <TextField
            label={translate('chiso.schedule.overrideReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            required
            fullWidth
            multiline
            minRows={2}
            error={touched && missing}
            helperText={touched && missing ? translate('ra.validation.required') : ' '}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setEarly(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color="warning"
            disabled={sending}
            onClick={() => (missing ? setTouched(true) : send({ reason: reason.trim() }))}
            data-testid="override-go"
          >
            {translate('chiso.schedule.overrideGo')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
