import { Alert, Box, Chip, LinearProgress, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useLt } from '../common/useLt';
import type { PeriodCohortsState } from './usePeriodCohorts';
import type { OverdueReport } from './useOverdue';
import { viDay } from '../../../server/engine';

const collator = new Intl.Collator('vi');

/**
 * The agencies of the period that have not submitted yet — no self-assessment at all, or one still
 * a draft — cohort by cohort, each linking to the agency, so that the evaluator knows whom to call.
 * Agencies in no cohort of the version are not assessed and are not listed. Past the
 * self-assessment deadline (the server's overdue report) the list says so and marks each one late.
 */
export const NotSubmitted = ({ cohorts: { data, error }, overdue }: { cohorts: PeriodCohortsState; overdue?: OverdueReport | null }) => {
  const translate = useTranslate();
  const lt = useLt();
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <LinearProgress />;
  const statusOf = new Map(data.submissions.map((s) => [s.agencyId, s.status as string]));
  const cohorts = data.doc.cohorts.map((c, order) => {
    const missing = data.agencies
      .filter((a) => data.cohortOf.get(a.id) === c.id && !['submitted', 'appraised'].includes(statusOf.get(a.id) ?? ''))
      .map((a) => ({ id: a.id, name: a.name as string, draft: statusOf.get(a.id) === 'draft' }))
      .sort((a, b) => collator.compare(a.name, b.name));
    return { id: c.id, name: lt(c.name), order, missing };
  });
  const rows = cohorts.flatMap((c) => c.missing.map((a) => ({ ...a, cohort: c.name })));
  const late = !!overdue?.overdue && rows.length > 0;
  return (
    <Box data-testid="not-submitted" data-overdue={late ? 'true' : undefined}>
      {late && (
        <Alert severity="error" sx={{ my: 1 }} data-testid="overdue">
          {translate('chiso.schedule.overdueSince', { day: viDay(overdue.submissionDue ?? ''), smart_count: rows.length })}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, my: 1 }}>
        {cohorts.map((c) => (
          <Chip
            key={c.id}
            data-cohort={c.id}
            variant="outlined"
            color={c.missing.length ? (late ? 'error' : 'warning') : 'success'}
            label={translate('chiso.dashboard.notSubmittedIn', { cohort: c.name, smart_count: c.missing.length })}
          />
        ))}
      </Stack>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('chiso.dashboard.allSubmitted')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.agencies.name', { smart_count: 1 })}</TableCell>
              <TableCell>{translate('chiso.dashboard.cohort')}</TableCell>
              <TableCell>{translate('chiso.dashboard.state')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-agency={r.id}>
                <TableCell>
                  <Link component={RouterLink} to={`/agencies/${encodeURIComponent(r.id)}/show`}>
                    {r.name}
                  </Link>
                </TableCell>
                <TableCell>{r.cohort}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    <Chip
                      size="small"
                      variant="outlined"
                      color={r.draft ? 'info' : 'default'}
                      label={translate(r.draft ? 'chiso.dashboard.drafting' : 'chiso.dashboard.notStarted')}
                    />
                    {late && <Chip size="small" color="error" label={translate('chiso.schedule.late')} />}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
