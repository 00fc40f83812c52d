import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import Leaderboard from '@mui/icons-material/Leaderboard';
import { DataTable, ReferenceField, ReferenceManyField, Show, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { useRefreshWhenSeen } from '../common/useRefreshWhenSeen';
import { Link } from 'react-router-dom';
import { StatusChip } from '../common/StatusChip';
import { DateTimeText } from '../common/Fmt';
import { PeriodStepper } from './PeriodStepper';
import { TransitionButton } from './TransitionButton';
import { EvaluateButton } from './EvaluateButton';
import { PeriodFileActions } from './PeriodFileActions';
import { SubmissionProgress } from '../dashboard/SubmissionProgress';
import { PeriodTrail } from '../layout/trails';
import { ScheduleTable, scheduleOf } from './schedule';
import { ScheduleDialogButton } from './ScheduleInputs';
import { OpenReplies } from './OpenReplies';

const PeriodHeader = () => {
  const period = useRecordContext();
  const translate = useTranslate();
  if (!period) return null;
  return (
    <CardContent>
      <Stack spacing={2}>
        <Box>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="h5" component="h1">
              {period.title}
            </Typography>
            <StatusChip status={period.status} kind="period" />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            <ReferenceField source="ruleSet" reference="rule-sets" link="show" /> · {translate('resources.periods.fields.year')}{' '}
            {period.year} · {translate('resources.versions.name', { smart_count: 1 })}{' '}
            <Link to={`/versions/${period.versionId}`}>{period.versionLabel}</Link>
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
          <TransitionButton period={period} />
          <EvaluateButton period={period} />
          <Button component={Link} to={`/periods/${period.id}/ranking`} startIcon={<Leaderboard />} data-testid="open-ranking">
            {translate('chiso.period.ranking')}
          </Button>
          <PeriodFileActions period={period} />
        </Stack>
      </Stack>
      <PeriodStepper status={period.status} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6">{translate('chiso.schedule.title')}</Typography>
        <ScheduleDialogButton period={period} />
      </Stack>
      <ScheduleTable schedule={scheduleOf(period)} />
    </CardContent>
  );
};

const Progress = ({ tick }: { tick: number }) => {
  const period = useRecordContext();
  return period ? <SubmissionProgress key={tick} period={period} /> : null;
};

/** A period: its stage, what can be done now, progress of submissions, and the submissions. */
export const PeriodShow = () => {
  const translate = useTranslate();
  const tick = useRefreshWhenSeen();
  return (
    <Show component="div" actions={false}>
      <PeriodTrail />
      <Card sx={{ mb: 2 }}>
        <PeriodHeader />
      </Card>
      <OpenReplies />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6">{translate('chiso.dashboard.progress')}</Typography>
          <Progress tick={tick} />
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('resources.submissions.name', { smart_count: 2 })}</Typography>
          <ReferenceManyField reference="submissions" target="periodId" sort={{ field: 'agencyName', order: 'ASC' }} perPage={200}>
            <DataTable rowClick={(id) => `/submissions/${id}/show`} bulkActionButtons={false}>
              <DataTable.Col source="agencyName" />
              <DataTable.Col source="status" render={(r: RaRecord) => <StatusChip status={r.status} />} />
              <DataTable.NumberCol source="revision" />
              <DataTable.Col source="updatedAt" field={DateTimeText} />
            </DataTable>
          </ReferenceManyField>
        </CardContent>
      </Card>
    </Show>
  );
};
