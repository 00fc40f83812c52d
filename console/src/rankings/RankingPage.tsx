import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { Title, useGetOne, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { currentRanking, type CurrentRanking } from './currentRanking';
import { StatusChip } from '../common/StatusChip';
import { useFormat } from '../common/useFormat';
import { CohortRankingTable } from './CohortRankingTable';
import { ScoreDistribution } from './ScoreDistribution';
import { PublishRankingButton } from './PublishRankingButton';
import { PeriodFileActions } from '../periods/PeriodFileActions';

/** The period's current ranking (from its latest evaluations), per cohort, ready to publish. */
export const RankingPage = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const f = useFormat();
  const { data: period } = useGetOne('periods', { id: id! });
  const [ranking, setRanking] = useState<CurrentRanking | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  // The period's fields, not the record: a refetched record is a new object with the same period.
  const periodId = period?.id;
  const versionId = period?.versionId;
  useEffect(() => {
    if (periodId === undefined) return;
    currentRanking({ id: periodId, versionId }).then(setRanking, (e) => setProblem(e.message));
  }, [periodId, versionId]);
  const empty = ranking === null || (ranking && ranking.cohorts.every((c) => !c.entries.length));
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('chiso.ranking.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
            <Box sx={{ flex: 1 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="h5" component="h1">
                  {translate('chiso.ranking.title')} · {period ? <Link to={`/periods/${period.id}/show`}>{period.title}</Link> : ''}
                </Typography>
                {period && <StatusChip status={period.status} kind="period" />}
              </Stack>
              {ranking && (
                <Typography variant="body2" color="text.secondary">
                  {translate('chiso.ranking.summary', { version: ranking.version, average: f.number(ranking.average) })}
                  <Box component="span" sx={{ fontFamily: 'monospace', ml: 1 }}>
                    {ranking.hash.slice(0, 16)}…
                  </Box>
                </Typography>
              )}
            </Box>
            {period && <PeriodFileActions period={period} only="export" />}
            {id && period && <PublishRankingButton periodId={id} versionId={period.versionId} disabled={period.status !== 'closed'} />}
          </Stack>
        </CardContent>
      </Card>
      {ranking === undefined && !problem && <LinearProgress />}
      {period && period.status !== 'closed' && period.status !== 'published' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('chiso.ranking.closeFirst')}
        </Alert>
      )}
      {ranking?.stale && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('chiso.ranking.stale')}
        </Alert>
      )}
      {problem && <Alert severity="error">{problem}</Alert>}
      {empty && <Alert severity="info">{translate('chiso.ranking.empty')}</Alert>}
      {ranking && !empty && (
        <>
          <Card sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="h6">{translate('chiso.chart.distribution')}</Typography>
              <ScoreDistribution cohorts={ranking.cohorts} />
            </CardContent>
          </Card>
          {ranking.cohorts.map((c) => (
            <CohortRankingTable key={c.cohort} cohort={c} periodId={id} />
          ))}
        </>
      )}
    </Box>
  );
};
