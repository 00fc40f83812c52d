import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { usePeriodCohorts, type PeriodCohortsState } from './usePeriodCohorts';
import { useLt } from '../common/useLt';

/** Per cohort: how many agencies have submitted (or been appraised) out of those assessed. */
export const SubmissionProgress = ({ period }: { period: { id: string | number; ruleSet?: string; versionId?: string } }) => (
  <SubmissionProgressView cohorts={usePeriodCohorts(period)} />
);

/** The same, from the period's agencies already read (the dashboard reads them once for two cards). */
export const SubmissionProgressView = ({ cohorts: { data, error } }: { cohorts: PeriodCohortsState }) => {
  const translate = useTranslate();
  const lt = useLt();
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <LinearProgress />;
  const byAgency = new Map(data.submissions.map((s) => [s.agencyId, s]));
  const rows = data.doc.cohorts.map((c) => {
    const members = data.agencies.filter((a) => data.cohortOf.get(a.id) === c.id);
    const done = members.filter((a) => ['submitted', 'appraised'].includes(byAgency.get(a.id)?.status)).length;
    const drafts = members.filter((a) => byAgency.get(a.id)?.status === 'draft').length;
    return { id: c.id, name: lt(c.name), total: members.length, done, drafts };
  });
  return (
    <Stack spacing={1.5} sx={{ mt: 1 }} data-testid="submission-progress">
      {rows.map((r) => (
        <Box key={r.id} data-cohort={r.id}>
          <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
            <Typography variant="body2">{r.name}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('chiso.dashboard.submittedOf', { done: r.done, total: r.total, drafts: r.drafts })}
            </Typography>
          </Stack>
          <LinearProgress variant="determinate" value={r.total ? (100 * r.done) / r.total : 0} sx={{ height: 8, borderRadius: 4 }} />
        </Box>
      ))}
    </Stack>
  );
};
