import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CohortRanking } from '../../../server/engine';
import { bandColor, bandOrder, type BandLike } from '../common/BandChip';
import { useLt } from '../common/useLt';

const BRACKETS = Array.from({ length: 10 }, (_, i) => i * 10);

/** For each cohort, how many agencies score in each 10-percent bracket, stacked by band. */
export const ScoreDistribution = ({ cohorts }: { cohorts: CohortRanking[] }) => {
  const translate = useTranslate();
  const lt = useLt();
  const bands = new Map<string, BandLike>();
  cohorts.forEach((c) => c.entries.forEach((e) => e.band && bands.set(e.band.id, e.band)));
  const ordered = bandOrder(cohorts, bands);
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: `repeat(${Math.min(cohorts.length, 2)}, 1fr)` }, gap: 2 }}
      data-testid="chart-distribution"
    >
      {cohorts.map((c) => {
        const data = BRACKETS.map((from) => {
          const row: Record<string, string | number> = { name: `${from}–${from + 10}` };
          for (const e of c.entries) {
            const p = Math.min(99.999, e.percentage);
            const key = e.band?.id ?? 'none';
            if (p >= from && p < from + 10) row[key] = ((row[key] as number) ?? 0) + 1;
          }
          return row;
        });
        return (
          <Box key={c.cohort}>
            <Typography variant="subtitle2" sx={{ textAlign: 'center' }}>
              {lt(c.name) || c.cohort}
            </Typography>
            <Box sx={{ width: '100%', height: 260 }}>
              <ResponsiveContainer>
                <BarChart data={data} margin={{ top: 10, right: 10, bottom: 20, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    dataKey="name"
                    tick={{ fontSize: 11 }}
                    label={{ value: translate('chiso.chart.percentOfMax'), position: 'insideBottom', offset: -12, fontSize: 12 }}
                  />
                  <YAxis allowDecimals={false} width={36} />
                  <Tooltip />
                  <Legend verticalAlign="top" height={28} itemSorter={null} />
                  {ordered.map((b, i) => (
                    <Bar key={b.id} dataKey={b.id} stackId="band" name={lt(b.label) || b.id} fill={bandColor(b, i)} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
};
