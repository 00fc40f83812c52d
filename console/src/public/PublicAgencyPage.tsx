import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip as MuiTooltip,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PublicAgencyResults, PublicAgencyYear } from '../../../server/api/types';
import { BandChip } from '../common/BandChip';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';
import { usePublic } from './publicApi';

const pct = (points: number | null, max: number) => (points === null || max <= 0 ? 0 : Math.round((1000 * points) / max) / 10);

/** Whether a year's criteria compare with the year before, in words. */
const Comparability = ({ year }: { year: PublicAgencyYear }) => {
  const translate = useTranslate();
  if (year.comparable === null) return <>{translate('chiso.publicResults.firstYear')}</>;
  if (year.comparable) return <Chip size="small" variant="outlined" color="success" label={translate('chiso.publicResults.yes')} />;
  return (
    <MuiTooltip title={translate('chiso.publicResults.notComparableHelp')}>
      <Chip size="small" color="warning" label={translate('chiso.publicResults.notComparable')} data-testid="not-comparable" />
    </MuiTooltip>
  );
};

/** An agency's published results: the total year by year, and each year's main indices against its cohort. */
export const PublicAgencyPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const { data, error } = usePublic<PublicAgencyResults>(`/agencies/${encodeURIComponent(id)}`);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <LinearProgress />;
  const latest = data.years[data.years.length - 1];
  const trend = data.years.map((y) => ({ year: String(y.year), total: y.percentage }));
  const indices = latest.indices.map((ix) => ({
    name: ix.code,
    title: lt(ix.title),
    agency: pct(ix.points, ix.max),
    cohort: pct(ix.cohortAverage, ix.max),
  }));
  return (
    <>
      <Button component={Link} to="/" size="small" sx={{ mb: 1 }}>
        ← {translate('chiso.publicResults.back')}
      </Button>
      <Typography variant="h4" component="h1">
        {data.agencyName}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('chiso.publicResults.agencyTitle')}
      </Typography>
      <Paper variant="outlined" sx={{ mb: 3, overflowX: 'auto' }}>
        <Table size="small" data-testid="agency-years">
          <TableHead>
            <TableRow>
              <TableCell>{translate('chiso.publicResults.yearColumn')}</TableCell>
              <TableCell>{translate('chiso.publicResults.cohort')}</TableCell>
              <TableCell align="right">{translate('chiso.publicResults.rank')}</TableCell>
              <TableCell align="right">{translate('chiso.publicResults.total')}</TableCell>
              <TableCell>{translate('chiso.publicResults.band')}</TableCell>
              <TableCell>{translate('chiso.publicResults.comparable')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.years.map((y) => (
              <TableRow key={y.rankingId} data-year={y.year}>
                <TableCell>
                  <Link to={`/xep-hang/${y.rankingId}`}>{y.year}</Link>
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {lt(y.ruleSetTitle)} · {translate('chiso.publicResults.version', { version: y.versionLabel })}
                  </Typography>
                </TableCell>
                <TableCell>{lt(y.cohort.name)}</TableCell>
                <TableCell align="right">
                  {y.rank === null
                    ? translate('chiso.publicResults.notRanked')
                    : translate('chiso.publicResults.rankOf', { rank: y.rank, n: y.cohort.agencies })}
                </TableCell>
                <TableCell align="right">
                  {f.number(y.total)} / {f.number(y.max)}
                </TableCell>
                <TableCell>
                  <BandChip band={y.band} />
                </TableCell>
                <TableCell>
                  <Comparability year={y} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('chiso.publicResults.indicesChart')} — {latest.year}
            </Typography>
            <div data-testid="chart-agency-indices" style={{ width: '100%', height: 300 }}>
              <ResponsiveContainer>
                <BarChart data={indices} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis domain={[0, 100]} unit="%" />
                  <Tooltip
                    formatter={(v) => `${f.number(Number(v), 1)} %`}
                    labelFormatter={(l, p) => `${l}. ${p?.[0]?.payload?.title ?? ''}`}
                  />
                  <Legend itemSorter={null} />
                  <Bar dataKey="agency" name={data.agencyName} fill="#b71c1c" isAnimationActive={false} />
                  <Bar dataKey="cohort" name={translate('chiso.publicResults.cohortAverage')} fill="#90a4ae" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('chiso.publicResults.yearsChart')}
            </Typography>
            <div data-testid="chart-agency-years" style={{ width: '100%', height: 300 }}>
              <ResponsiveContainer>
                <LineChart data={trend} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="year" />
                  <YAxis domain={[0, 100]} unit="%" />
                  <Tooltip formatter={(v) => `${f.number(Number(v), 1)} %`} />
                  <Line
                    dataKey="total"
                    name={translate('chiso.publicResults.total')}
                    stroke="#212121"
                    strokeWidth={3}
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </CardContent>
        </Card>
      </Box>
    </>
  );
};
