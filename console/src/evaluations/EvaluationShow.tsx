import { useState } from 'react';
import { Box, Card, CardContent, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { BandChip } from '../common/BandChip';
import { useFormat } from '../common/useFormat';
import { PointsTree } from './PointsTree';
import { ReplayButton } from '../replay/ReplayButton';
import { ReportCardButton } from './ReportCardButton';
import { IndicesVsCohort } from '../charts/IndicesVsCohort';
import { YearOverYear } from '../charts/YearOverYear';
import { EvaluationTrail } from '../layout/trails';
import { useVersionCohorts } from '../common/useVersionCohorts';

const EvaluationView = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const f = useFormat();
  const [tab, setTab] = useState('points');
  const cohorts = useVersionCohorts(record?.versionId);
  if (!record) return <LinearProgress />;
  const results = Object.entries(record.results ?? {});
  return (
    <>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: { md: 'center' } }}>
            <Box sx={{ flex: 1 }}>
              <Typography variant="h5" component="h1">
                {record.agencyName}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                <Link to={`/periods/${record.periodId}/show`}>{translate('resources.periods.name', { smart_count: 1 })}</Link> ·{' '}
                {translate('resources.versions.name', { smart_count: 1 })}{' '}
                <Link to={`/versions/${record.versionId}`}>{record.versionLabel}</Link> · {translate('chiso.common.cohort')}:{' '}
                {cohorts.find((c) => c.id === record.cohort)?.name ?? '—'} · {f.dateTime(record.createdAt)}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace', display: 'block', mt: 0.5 }}>
                {translate('chiso.evaluation.hashes')}: {String(record.hashes?.result ?? '').slice(0, 16)}… ·{' '}
                {translate('chiso.evaluation.engine')} {record.engineVersion}
              </Typography>
            </Box>
            <Box sx={{ textAlign: 'center' }}>
              <Typography variant="h3" sx={{ fontWeight: 700 }} data-testid="evaluation-total">
                {f.number(record.total)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                / {f.number(record.max)} · {f.number(record.percentage)} %
              </Typography>
            </Box>
            <Stack spacing={1} sx={{ alignItems: 'center' }}>
              <BandChip band={record.band} size="medium" />
              {results.map(([k, v]) => (
                <Typography key={k} variant="body2">
                  {k.toUpperCase()}: {f.number(v as number, 4)}
                </Typography>
              ))}
            </Stack>
            <Stack spacing={1}>
              <ReportCardButton evaluationId={String(record.id)} />
              <ReplayButton kind="evaluations" id={String(record.id)} />
            </Stack>
          </Stack>
        </CardContent>
      </Card>
      <Tabs value={tab} onChange={(_, v) => setTab(v)} sx={{ mb: 1 }}>
        <Tab value="points" label={translate('chiso.evaluation.points')} />
        <Tab value="cohort" label={translate('chiso.chart.indicesVsCohort')} />
        <Tab value="years" label={translate('chiso.chart.yearOverYear')} />
      </Tabs>
      <Card>
        <CardContent>
          {tab === 'points' && <PointsTree nodes={record.result?.nodes ?? []} />}
          {tab === 'cohort' && <IndicesVsCohort evaluation={record} />}
          {tab === 'years' && <YearOverYear evaluation={record} />}
        </CardContent>
      </Card>
    </>
  );
};

/** One agency's result: points per criterion with explanations, band, and how it compares. */
export const EvaluationShow = () => (
  <Show component="div" actions={false}>
    <EvaluationTrail />
    <EvaluationView />
  </Show>
);
