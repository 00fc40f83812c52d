import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import EventIcon from '@mui/icons-material/Event';
import { Form, SaveButton, required, useCanAccess, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { DayInput } from '../common/DayInput';
import { dataProvider } from '../providers/dataProvider';
import { messageOf, problemOf } from '../api/problem';
import { SCHEDULE_KEYS, defaultSchedule, scheduleOf } from './schedule';

/** The five dates of a period, each dd/mm/yyyy; the server's errors at /schedule/<key> land on them. */
export const ScheduleInputs = ({ requiredDates = true }: { requiredDates?: boolean }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={0} data-testid="schedule-inputs">
      {SCHEDULE_KEYS.map((k) => (
        <DayInput
          key={k}
          source={`schedule.${k}`}
          label={translate(`resources.periods.fields.schedule.${k}`)}
          validate={requiredDates ? [required()] : []}
        />
      ))}
    </Stack>
  );
};

/** On the create form: when a year is typed and no date yet, the usual dates of that year. */
export const ScheduleDefaults = () => {
  const { setValue, getValues } = useFormContext();
  const year = useWatch({ name: 'year' });
  useEffect(() => {
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return;
    const current = (getValues('schedule') ?? {}) as Record<string, unknown>;
    const untouched = SCHEDULE_KEYS.every((k) => !current[k] || String(current[k]).slice(0, 4) !== String(y));
    if (!untouched) return;
    const dates = defaultSchedule(y);
    for (const k of SCHEDULE_KEYS) setValue(`schedule.${k}`, dates[k], { shouldDirty: true });
  }, [year, getValues, setValue]);
  return null;
};

/** The organiser changes the period's dates (until it is closed): PUT with the etag it was read with. */
export const ScheduleDialogButton = ({ period }: { period: RaRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'edit' });
  if (!canAccess || period.status === 'closed' || period.status === 'published') return null;
  const record = { id: period.id, schedule: scheduleOf(period) ?? defaultSchedule(Number(period.year)) };
  const save = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.update('periods', { id: period.id, data: { schedule: values.schedule }, previousData: period });
      notify('chiso.schedule.saved', { type: 'success' });
      setOpen(false);
      refresh();
      return undefined;
    } catch (e) {
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
      const errors = (problemOf(e) as { errors?: unknown } | undefined)?.errors;
      return errors && typeof errors === 'object' ? (errors as Record<string, unknown>) : undefined;
    }
  };
  return (
    <>
      <Button variant="outlined" startIcon={<EventIcon />} onClick={() => setOpen(true)} data-testid="edit-schedule">
        {translate('chiso.schedule.edit')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="schedule-dialog-title">
        <Form record={record} onSubmit={save}>
          <DialogTitle id="schedule-dialog-title">{translate('chiso.schedule.editTitle')}</DialogTitle>
          <DialogContent>
            <ScheduleInputs />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
