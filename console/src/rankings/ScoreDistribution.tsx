import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CohortRanking } from '../../../server/engine';
import { bandColor } from '../common/BandChip';
import { useLt } from '../common/useLt';

/** How many agencies of each cohort score in each 10-percent bracket, stacked by band. */
export const ScoreDistribution = ({ cohorts }: { cohorts: CohortRanking[] }) => {
  const translate = useTranslate();
  const lt = useLt();
  const bands = new Map<string, { id: string; label: any; color?: string }>();
  cohorts.forEach((c) => c.entries.forEach((e) => e.band && bands.set(e.band.id, e.band)));
  const brackets = Array.from({ length: 10 }, (_, i) => i * 10);
  const data = cohorts.flatMap((c) =>
    brackets.map((from) => {
      const row: Record<string, string | number> = { name: `${lt(c.name) || c.cohort} ${from}–${from + 10}%`, cohort: c.cohort };
      for (const e of c.entries) {
        const p = Math.min(99.999, e.percentage);
        if (p >= from && p < from + 10) row[e.band?.id ?? 'none'] = ((row[e.band?.id ?? 'none'] as number) ?? 0) + 1;
      }
      return row;
    }),
  );
  return (
    <div data-testid="chart-distribution" style={{ width: '100%', height: 340 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 10, right: 20, bottom: 60, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" angle={-40} textAnchor="end" interval={0} height={80} tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} label={{ value: translate('chiso.chart.agencies'), angle: -90, position: 'insideLeft' }} />
          <Tooltip />
          <Legend verticalAlign="top" />
          {[...bands.values()].map((b, i) => (
            <Bar key={b.id} dataKey={b.id} stackId="band" name={lt(b.label) || b.id} fill={bandColor(b, i)} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
