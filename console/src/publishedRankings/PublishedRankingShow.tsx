import { Alert, Box, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { Show, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useFormat } from '../common/useFormat';
import { CohortRankingTable } from '../rankings/CohortRankingTable';
import { ScoreDistribution } from '../rankings/ScoreDistribution';
import { ReplayButton } from '../replay/ReplayButton';
import { PeriodFileActions } from '../periods/PeriodFileActions';
import { PublishedRankingTrail } from '../layout/trails';
import { CorrectRankingButton } from './CorrectRankingButton';
import { useDecisionText } from './DecisionDialog';
import { InForceChip } from './DecisionText';
import type { CohortRanking } from '../../../server/engine';

const PublishedView = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const f = useFormat();
  const { identity } = useGetIdentity();
  const decisionLine = useDecisionText();
  if (!record) return <LinearProgress />;
  const own = identity?.role === 'agency' ? (identity.agencyId ?? null) : undefined;
  const cohorts: CohortRanking[] = record.ranking?.cohorts ?? [];
  return (
    <>
      {record.intact === false && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="ranking-altered">
          {translate('chiso.ranking.altered')}
        </Alert>
      )}
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="h5" component="h1">
                {translate('chiso.ranking.publishedTitle')} · {record.periodTitle}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', my: 0.5 }}>
                <Typography variant="subtitle1" data-testid="ranking-decision">
                  {record.decision ? decisionLine(record.decision) : translate('chiso.decision.none')}
                </Typography>
                <InForceChip record={record} />
              </Stack>
              {record.decision && (
                <Typography variant="body2" data-testid="ranking-signer">
                  {translate('chiso.decision.signedBy', { title: record.decision.signerTitle, name: record.decision.signerName })}
                </Typography>
              )}
              {record.supersedes && (
                <Typography variant="body2" data-testid="ranking-correction">
                  <Link to={`/published-rankings/${record.supersedes.id}/show`}>
                    {record.supersedes.decision
                      ? translate('chiso.decision.corrects', { number: record.supersedes.decision.number })
                      : translate('chiso.decision.correctsUnnamed')}
                  </Link>
                  {' · '}
                  {translate('chiso.decision.reason')}: {record.correctionReason}
                </Typography>
              )}
              {record.supersededBy && (
                <Typography variant="body2">
                  <Link to={`/published-rankings/${record.supersededBy.id}/show`}>{translate('chiso.decision.seeInForce')}</Link>
                </Typography>
              )}
              <Typography variant="body2" color="text.secondary">
                <Link to={`/periods/${record.periodId}/show`}>{record.periodTitle}</Link> ·{' '}
                {translate('resources.versions.name', { smart_count: 1 })}{' '}
                <Link to={`/versions/${record.versionId}`}>{record.versionLabel}</Link> · {f.dateTime(record.publishedAt)} ·{' '}
                {record.publishedBy}
              </Typography>
              <Typography variant="caption" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                SHA-256 {record.hash}
              </Typography>
            </Box>
            <Stack direction="row" spacing={1}>
              {/* The period's export is the snapshot in force: offered on that one only. */}
              {!record.supersededBy && <PeriodFileActions period={{ id: record.periodId }} only="export" />}
              <CorrectRankingButton record={record} />
              <ReplayButton kind="published-rankings" id={String(record.id)} />
            </Stack>
          </Stack>
        </CardContent>
      </Card>
      {cohorts.length > 0 && (
        <Card sx={{ mb: 2 }}>
          <CardContent>
            <Typography variant="h6">{translate('chiso.chart.distribution')}</Typography>
            <ScoreDistribution cohorts={cohorts} />
          </CardContent>
        </Card>
      )}
      {cohorts.map((c) => (
        <CohortRankingTable key={c.cohort} cohort={c} periodId={String(record.periodId)} own={own} />
      ))}
    </>
  );
};

export const PublishedRankingShow = () => (
  <Show component="div" actions={false}>
    <PublishedRankingTrail />
    <PublishedView />
  </Show>
);
