import { Chip, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate, type RaRecord } from 'react-admin';
import { viDay } from '../../../server/engine';

/** The five dates of a period, in the order they fall. */
export const SCHEDULE_KEYS = ['opensOn', 'submissionDue', 'appraisalDue', 'replyDue', 'closesOn'] as const;
export type ScheduleKey = (typeof SCHEDULE_KEYS)[number];
export type Schedule = Record<ScheduleKey, string>;

/** Today in Vietnam, yyyy-mm-dd, as the server counts deadlines. */
const vietnamToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** Whole days from today to the day (negative once passed). */
const daysUntil = (iso: string, today = vietnamToday()): number =>
  Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** The usual dates of a year: opens 1 March, self-assessment by 31 October, appraisal by 30 November, replies by 10 December, closes 20 December. */
export const defaultSchedule = (year: number): Schedule => ({
  opensOn: `${year}-03-01`,
  submissionDue: `${year}-10-31`,
  appraisalDue: `${year}-11-30`,
  replyDue: `${year}-12-10`,
  closesOn: `${year}-12-20`,
});

export const scheduleOf = (period: RaRecord | undefined): Schedule | null =>
  period?.schedule && typeof period.schedule === 'object' ? (period.schedule as Schedule) : null;

/** The first date still to come (today counts), or null when all have passed. */
const nextKey = (schedule: Schedule, today = vietnamToday()): ScheduleKey | null => SCHEDULE_KEYS.find((k) => schedule[k] >= today) ?? null;

/** The deadline that matters in a status: self-assessment while open, appraisal then replies in appraisal. */
const deadlineFor = (status: string, schedule: Schedule, today = vietnamToday()): ScheduleKey | null => {
  if (status === 'open') return 'submissionDue';
  if (status === 'appraisal') return schedule.appraisalDue >= today ? 'appraisalDue' : 'replyDue';
  return null;
};

/** "còn 5 ngày", "hôm nay", "đã qua". */
const useLeft = () => {
  const translate = useTranslate();
  return (iso: string, today = vietnamToday()) => {
    const days = daysUntil(iso, today);
    if (days > 0) return translate('chiso.schedule.daysLeft', { smart_count: days });
    return translate(days === 0 ? 'chiso.schedule.today' : 'chiso.schedule.passed');
  };
};

/** "Hạn tự đánh giá: 31/10/2026 (còn 12 ngày)" for the deadline of the period's status, if it has one. */
export const DeadlineLine = ({ period }: { period: RaRecord | undefined }) => {
  const translate = useTranslate();
  const left = useLeft();
  const schedule = scheduleOf(period);
  if (!period || !schedule) return null;
  const key = deadlineFor(String(period.status), schedule);
  if (!key) return null;
  const day = schedule[key];
  return (
    <Typography variant="body2" data-testid="period-deadline" color={daysUntil(day) < 0 ? 'error' : 'text.primary'}>
      {translate('chiso.schedule.deadline', {
        label: translate(`resources.periods.fields.schedule.${key}`),
        day: viDay(day),
        left: left(day),
      })}
    </Typography>
  );
};

/** From the day after the appraisal deadline to the reply deadline: "01/12 – 10/12/2026". */
export const replyWindowOf = (schedule: Schedule): { from: string; to: string } => {
  const from = new Date(Date.parse(`${schedule.appraisalDue}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const to = viDay(schedule.replyDue);
  return { from: from.slice(0, 4) === schedule.replyDue.slice(0, 4) ? viDay(from).slice(0, 5) : viDay(from), to };
};

/** The five dates with their labels, the next one marked, the passed ones said so. */
export const ScheduleTable = ({ schedule }: { schedule: Schedule | null }) => {
  const translate = useTranslate();
  const left = useLeft();
  if (!schedule) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="period-schedule">
        {translate('chiso.schedule.none')}
      </Typography>
    );
  }
  const next = nextKey(schedule);
  return (
    <Table size="small" data-testid="period-schedule" sx={{ maxWidth: 560 }}>
      <TableBody>
        {SCHEDULE_KEYS.map((k) => {
          const passed = daysUntil(schedule[k]) < 0;
          return (
            <TableRow key={k} data-date={k} selected={k === next}>
              <TableCell component="th" scope="row">
                {translate(`resources.periods.fields.schedule.${k}`)}
              </TableCell>
              <TableCell>{viDay(schedule[k])}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography variant="body2" color={passed ? 'text.secondary' : 'text.primary'}>
                    {left(schedule[k])}
                  </Typography>
                  {k === next && <Chip size="small" color="primary" variant="outlined" label={translate('chiso.schedule.next')} />}
                </Stack>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
