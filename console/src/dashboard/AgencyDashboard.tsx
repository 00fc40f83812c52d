import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { ReferenceField, Title, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { StatusChip } from '../common/StatusChip';
import { BandChip } from '../common/BandChip';
import { useFormat } from '../common/useFormat';
import { StartSubmission } from './StartSubmission';

/** For an agency user: its self-assessments to fill or follow, and its latest results. */
export const AgencyDashboard = () => {
  const translate = useTranslate();
  const f = useFormat();
  const { data: submissions, isPending } = useGetList('submissions', {
    sort: { field: 'updatedAt', order: 'DESC' },
    pagination: { page: 1, perPage: 20 },
  });
  const { data: evaluations } = useGetList('evaluations', {
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 5 },
  });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('chiso.dashboard.mySubmissions')}
          </Typography>
          {isPending && <LinearProgress />}
          {submissions && <StartSubmission started={new Set(submissions.map((s) => String(s.periodId)))} />}
          {submissions && !submissions.length && <Alert severity="info">{translate('chiso.dashboard.noSubmission')}</Alert>}
          {(submissions ?? []).map((s) => (
            <Stack key={s.id} direction="row" spacing={2} sx={{ alignItems: 'center', py: 1 }} data-submission={s.id}>
              <Typography sx={{ flex: 1 }}>
                <ReferenceField record={s} source="periodId" reference="periods" link={false} />
              </Typography>
              <StatusChip status={s.status} />
              <Typography variant="body2" color="text.secondary">
                {f.dateTime(s.updatedAt)}
              </Typography>
              <Button
                component={Link}
                to={s.status === 'draft' ? `/submissions/${s.id}` : `/submissions/${s.id}/show`}
                variant={s.status === 'draft' ? 'contained' : 'outlined'}
                data-testid="open-my-submission"
              >
                {translate(s.status === 'draft' ? 'chiso.dashboard.fillIn' : 'ra.action.show')}
              </Button>
            </Stack>
          ))}
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('chiso.dashboard.myResults')}
          </Typography>
          {evaluations && !evaluations.length && <Typography variant="body2">{translate('chiso.dashboard.noResult')}</Typography>}
          {(evaluations ?? []).map((e) => (
            <Stack key={e.id} direction="row" spacing={2} sx={{ alignItems: 'center', py: 1 }}>
              <Typography sx={{ flex: 1 }}>
                {e.versionLabel} · {f.number(e.total)} / {f.number(e.max)}
              </Typography>
              <BandChip band={e.band} />
              <Button component={Link} to={`/evaluations/${e.id}/show`}>
                {translate('ra.action.show')}
              </Button>
            </Stack>
          ))}
        </CardContent>
      </Card>
    </Box>
  );
};
