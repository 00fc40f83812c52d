import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { ReferenceField, Title, useGetIdentity, useGetList, useGetOne, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { EvaluationSummary, PublishedRanking } from '../../../server/api/types';
import type { CohortRanking } from '../../../server/engine';
import { StatusChip } from '../common/StatusChip';
import { useFormat } from '../common/useFormat';
import { CohortRankingTable } from '../rankings/CohortRankingTable';
import { StartSubmission } from './StartSubmission';
import { PeriodResultLine } from './AgencyResults';
import { resultsPerPeriod } from './resultsPerPeriod';
import { DeadlineLine, replyWindowOf, scheduleOf } from '../periods/schedule';

/** The deadlines of the periods under way: the self-assessment's while open; in appraisal, the window to reply to its results. */
const Deadlines = () => {
  const translate = useTranslate();
  const { data } = useGetList('periods', { sort: { field: 'year', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  const current = (data ?? []).filter((p) => (p.status === 'open' || p.status === 'appraisal') && scheduleOf(p));
  if (!current.length) return null;
  return (
    <Box sx={{ mb: 1 }} data-testid="my-deadlines">
      {current.map((p) => {
        const schedule = scheduleOf(p)!;
        const reply = replyWindowOf(schedule);
        return (
          <Box key={p.id} sx={{ py: 0.5 }} data-period={p.id}>
            <Typography variant="subtitle2">{p.title}</Typography>
            {p.status === 'open' ? (
              <DeadlineLine period={p} />
            ) : (
              <Typography variant="body2" data-testid="reply-window">
                {translate('chiso.schedule.replyWindow', reply)}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
};

/** The published ranking of the agency's own cohort, its row marked. */
const OwnCohortRanking = ({ published, agencyId }: { published: PublishedRanking; agencyId: string }) => {
  const translate = useTranslate();
  const { data } = useGetOne<PublishedRanking & { id: string }>('published-rankings', { id: published.id });
  const cohort: CohortRanking | undefined = data?.ranking?.cohorts.find((c) => c.entries.some((e) => e.agencyId === agencyId));
  return (
    <Card sx={{ mt: 2 }} data-testid="own-cohort-ranking">
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" sx={{ flex: 1 }}>
            {translate('chiso.dashboard.publishedRanking', { period: published.periodTitle })}
          </Typography>
          <Button component={Link} to={`/published-rankings/${published.id}/show`}>
            {translate('chiso.dashboard.wholeRanking')}
          </Button>
        </Stack>
        {!data && <LinearProgress />}
        {cohort && <CohortRankingTable cohort={cohort} periodId={published.periodId} own={agencyId} />}
      </CardContent>
    </Card>
  );
};

/** For an agency user: its self-assessments to fill or follow, its result per period, and its cohort's published ranking. */
export const AgencyDashboard = () => {
  const translate = useTranslate();
  const f = useFormat();
  const { identity } = useGetIdentity();
  const { data: submissions, isPending } = useGetList('submissions', {
    sort: { field: 'updatedAt', order: 'DESC' },
    pagination: { page: 1, perPage: 20 },
  });
  const { data: evaluations } = useGetList<EvaluationSummary>('evaluations', {
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 200 },
  });
  const { data: published } = useGetList<PublishedRanking>('published-rankings', {
    sort: { field: 'publishedAt', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  const results = evaluations && published ? resultsPerPeriod(evaluations, published) : null;
  const latestPublished = results?.find((r) => r.published)?.published;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('chiso.dashboard.mySubmissions')}
          </Typography>
          <Deadlines />
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
          {!results && <LinearProgress />}
          {results && !results.length && <Typography variant="body2">{translate('chiso.dashboard.noResult')}</Typography>}
          {(results ?? []).map((r) => (
            <PeriodResultLine key={r.periodId} result={r} />
          ))}
        </CardContent>
      </Card>
      {latestPublished && identity?.agencyId && <OwnCohortRanking published={latestPublished} agencyId={String(identity.agencyId)} />}
    </Box>
  );
};
