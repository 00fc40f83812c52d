import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PublicCohort, PublicRanking } from '../../../server/api/types';
import { BandChip, bandColor, bandOrder, type BandLike } from '../common/BandChip';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';
import { exportUrl, usePublic } from './publicApi';
import { DecisionLine } from './DecisionLine';

/** Per cohort, how many agencies fall in each band. */
const BandChart = ({ ranking }: { ranking: PublicRanking }) => {
  const translate = useTranslate();
  const lt = useLt();
  const bands = new Map<string, BandLike>();
  ranking.cohorts.forEach((c) => c.entries.forEach((e) => e.band && bands.set(e.band.id, e.band)));
  const ordered = bandOrder(ranking.cohorts, bands);
  const data = ranking.cohorts.map((c) => {
    const row: Record<string, string | number> = { name: lt(c.name) };
    for (const b of ordered) row[b.id] = c.entries.filter((e) => e.band?.id === b.id).length;
    return row;
  });
  return (
    <div data-testid="chart-bands" style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis
            allowDecimals={false}
            width={36}
            label={{ value: translate('chiso.publicResults.agencies'), angle: -90, position: 'insideLeft', fontSize: 12 }}
          />
          <Tooltip />
          <Legend itemSorter={null} />
          {ordered.map((b, i) => (
            <Bar key={b.id} dataKey={b.id} name={lt(b.label)} fill={bandColor(b, i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};

/** A cohort's main indices: the best agency and the cohort's average, as % of each index's maximum. */
const IndicesChart = ({ cohort }: { cohort: PublicCohort }) => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const first = cohort.entries[0];
  const pct = (points: number | null, max: number) => (points === null || max <= 0 ? 0 : Math.round((1000 * points) / max) / 10);
  const data = cohort.indices.map((ix, i) => ({
    name: ix.code,
    title: lt(ix.title),
    first: first ? pct(first.points[i], ix.max) : 0,
    average: pct(ix.average, ix.max),
  }));
  return (
    <div data-testid="chart-indices" style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={(v) => `${f.number(Number(v), 1)} %`} labelFormatter={(l, p) => `${l}. ${p?.[0]?.payload?.title ?? ''}`} />
          <Legend itemSorter={null} />
          {first && <Bar dataKey="first" name={first.agencyName} fill="#b71c1c" isAnimationActive={false} />}
          <Bar dataKey="average" name={translate('chiso.publicResults.cohortAverage')} fill="#90a4ae" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};

const CohortTable = ({ cohort }: { cohort: PublicCohort }) => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  return (
    <Paper variant="outlined" sx={{ mb: 3 }} data-cohort={cohort.id} component="section">
      <Box sx={{ p: 1.5 }}>
        <Typography variant="h6" component="h2">
          {lt(cohort.name)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('chiso.publicResults.cohortSummary', {
            n: cohort.entries.length,
            max: f.number(cohort.max),
            average: f.number(cohort.average),
          })}
          {!cohort.ranked && ` · ${translate('chiso.publicResults.notRanked')}`}
        </Typography>
      </Box>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell align="right">{translate('chiso.publicResults.rank')}</TableCell>
              <TableCell>{translate('chiso.publicResults.agency')}</TableCell>
              {cohort.indices.map((ix) => (
                <TableCell key={ix.code} align="right" sx={{ minWidth: 110 }}>
                  {ix.code}. {lt(ix.title)}
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {translate('chiso.publicResults.indexMax', { max: f.number(ix.max) })}
                  </Typography>
                </TableCell>
              ))}
              <TableCell align="right">{translate('chiso.publicResults.total')}</TableCell>
              <TableCell>{translate('chiso.publicResults.band')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {cohort.entries.map((e) => (
              <TableRow key={e.agencyId} sx={{ borderLeft: 6, borderLeftColor: bandColor(e.band) }} data-agency={e.agencyId}>
                <TableCell align="right" sx={{ fontWeight: 700 }}>
                  {e.rank ?? '—'}
                </TableCell>
                <TableCell>
                  <Link to={`/co-quan/${encodeURIComponent(e.agencyId)}`}>{e.agencyName}</Link>
                </TableCell>
                {e.points.map((p, i) => (
                  <TableCell key={cohort.indices[i].code} align="right">
                    {f.number(p)}
                  </TableCell>
                ))}
                <TableCell align="right" sx={{ fontWeight: 700 }}>
                  {f.number(e.total)}
                </TableCell>
                <TableCell>
                  <BandChip band={e.band} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Box sx={{ p: 1.5 }}>
        <Typography variant="subtitle2">{translate('chiso.publicResults.indicesChart')}</Typography>
        <IndicesChart cohort={cohort} />
      </Box>
    </Paper>
  );
};

/** One published ranking: its decision, files, the agencies per band, and a table per cohort. */
export const PublicRankingPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const { data, error } = usePublic<PublicRanking>(`/rankings/${encodeURIComponent(id)}`);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <LinearProgress />;
  return (
    <>
      <Button component={Link} to="/" size="small" sx={{ mb: 1 }}>
        ← {translate('chiso.publicResults.back')}
      </Button>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h4" component="h1">
            {lt(data.ruleSetTitle)} — {translate('chiso.publicResults.year', { year: data.year })}
          </Typography>
          <Typography color="text.secondary">
            {data.periodTitle} · {translate('chiso.publicResults.version', { version: data.versionLabel })} ·{' '}
            {translate('chiso.publicResults.published', { date: f.date(data.publishedAt) })}
          </Typography>
          <DecisionLine decision={data.decision} />
          <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }} useFlexGap>
            {(['xlsx', 'csv', 'pdf'] as const).map((format) => (
              <Button
                key={format}
                variant="outlined"
                startIcon={<DownloadIcon />}
                href={exportUrl(data.id, format)}
                download
                data-format={format}
              >
                {translate('chiso.publicResults.download')} {format.toUpperCase()}
              </Button>
            ))}
          </Stack>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1, wordBreak: 'break-all' }}>
            {translate('chiso.publicResults.hash', { hash: data.hash })}
          </Typography>
        </CardContent>
      </Card>
      <Card sx={{ mb: 3 }}>
        <CardContent>
          <Typography variant="h6" component="h2">
            {translate('chiso.publicResults.bandChart')}
          </Typography>
          <BandChart ranking={data} />
        </CardContent>
      </Card>
      {data.cohorts.map((c) => (
        <CohortTable key={c.id} cohort={c} />
      ))}
    </>
  );
};
