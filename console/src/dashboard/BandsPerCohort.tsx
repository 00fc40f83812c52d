import { useEffect, useState } from 'react';
import { Alert, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Ranking } from '../../../server/engine';
import { currentRanking } from '../rankings/currentRanking';
import { bandColor, bandOrder } from '../common/BandChip';
import { useLt } from '../common/useLt';

/** How many agencies of each cohort are in each band, from the period's latest evaluations. */
export const BandsPerCohort = ({ period }: { period: { id: string | number; versionId: string } }) => {
  const translate = useTranslate();
  const lt = useLt();
  const [ranking, setRanking] = useState<Ranking | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  // The period's fields, not the record: a refetched record is a new object with the same period.
  const { id, versionId } = period;
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const r = await currentRanking({ id, versionId });
      if (!cancelled) setRanking(r);
    })().catch((e) => !cancelled && setProblem(e.message));
    return () => {
      cancelled = true;
    };
  }, [id, versionId]);
  if (problem) return <Alert severity="error">{problem}</Alert>;
  if (ranking === undefined) return <LinearProgress />;
  if (!ranking || ranking.cohorts.every((c) => !c.entries.length))
    return <Typography variant="body2">{translate('chiso.dashboard.notEvaluated')}</Typography>;
  const bands = new Map<string, NonNullable<Ranking['cohorts'][number]['entries'][number]['band']>>();
  ranking.cohorts.forEach((c) => c.entries.forEach((e) => e.band && bands.set(e.band.id, e.band)));
  const data = ranking.cohorts.map((c) => {
    const row: Record<string, string | number> = { name: lt(c.name) || c.cohort };
    for (const e of c.entries) if (e.band) row[e.band.id] = ((row[e.band.id] as number) ?? 0) + 1;
    return row;
  });
  return (
    <div style={{ width: '100%', height: 260 }} data-testid="chart-bands">
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 20, right: 20 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={160} />
          <Tooltip />
          <Legend itemSorter={null} />
          {bandOrder(ranking.cohorts, bands).map((b, i) => (
            <Bar key={b.id} dataKey={b.id} stackId="b" name={lt(b.label) || b.id} fill={bandColor(b, i)} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
