import { Alert, Box, Button, Card, CardContent, Grid, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { StatusChip } from '../common/StatusChip';
import { PeriodStepper } from '../periods/PeriodStepper';
import { useRuleSetTitle } from '../common/useRuleSetTitle';
import { useChosenPeriod } from './useCurrentPeriod';
import { SubmissionProgressView } from './SubmissionProgress';
import { usePeriodCohorts } from './usePeriodCohorts';
import { NotSubmitted } from './NotSubmitted';
import { useOverdue } from './useOverdue';
import { DeadlineLine } from '../periods/schedule';
import { BandsPerCohort } from './BandsPerCohort';

/** Half the width on a wide screen, titled. */
const Panel = ({ title, children }: { title: string; children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Grid size={{ xs: 12, md: 6 }}>
      <Card sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="h6">{translate(title)}</Typography>
          {children}
        </CardContent>
      </Card>
    </Grid>
  );
};

/** For administrators, evaluators and auditors: a period (the current one unless another is picked), its progress, who has not submitted, its bands. */
export const StaffDashboard = () => {
  const translate = useTranslate();
  const { period, periods, isPending, choose } = useChosenPeriod();
  const cohorts = usePeriodCohorts(period);
  const overdue = useOverdue(period);
  const ruleSetTitle = useRuleSetTitle(period?.ruleSet);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      {isPending && <LinearProgress />}
      {!isPending && !period && <Alert severity="info">{translate('chiso.dashboard.noPeriod')}</Alert>}
      {period && (
        <Grid container spacing={2}>
          <Grid size={12}>
            <Card data-testid="current-period">
              <CardContent>
                <TextField
                  select
                  size="small"
                  label={translate('chiso.dashboard.pickPeriod')}
                  value={String(period.id)}
                  onChange={(e) => choose(e.target.value)}
                  sx={{ minWidth: 280, mb: 2 }}
                  slotProps={{ select: { inputProps: { 'data-testid': 'period-picker' } } }}
                >
                  {periods.map((p) => (
                    <MenuItem key={p.id} value={String(p.id)}>
                      {p.title} · {translate(`chiso.periodStatus.${p.status}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
                  <Box sx={{ flex: 1 }}>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Typography variant="h5">{period.title}</Typography>
                      <StatusChip status={period.status} kind="period" />
                    </Stack>
                    <Typography variant="body2" color="text.secondary">
                      {ruleSetTitle ?? '…'} · {translate('resources.versions.name', { smart_count: 1 })} {period.versionLabel} ·{' '}
                      {translate('chiso.dashboard.submissions', { smart_count: period.submissionCount ?? 0 })}
                    </Typography>
                    <DeadlineLine period={period} />
                  </Box>
                  <Button component={Link} to={`/periods/${period.id}/show`} variant="outlined">
                    {translate('chiso.dashboard.openPeriod')}
                  </Button>
                </Stack>
                <PeriodStepper status={period.status} />
              </CardContent>
            </Card>
          </Grid>
          <Panel title="chiso.dashboard.progress">
            <SubmissionProgressView cohorts={cohorts} />
          </Panel>
          <Panel title={overdue?.overdue ? 'chiso.schedule.overdueTitle' : 'chiso.dashboard.notSubmitted'}>
            <NotSubmitted cohorts={cohorts} overdue={overdue} />
          </Panel>
          <Panel title="chiso.dashboard.bands">
            <BandsPerCohort period={period} />
          </Panel>
        </Grid>
      )}
    </Box>
  );
};
