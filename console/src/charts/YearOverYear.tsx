import { useEffect, useState } from 'react';
import { Alert, LinearProgress, Typography } from '@mui/material';
import { useTranslate, type RaRecord } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { dataProvider } from '../providers/dataProvider';
import { useFormat } from '../common/useFormat';
import { mainIndices } from '../../../server/engine';

const COLORS = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037'];

/**
 * One agency across the periods of its rule set: the total as % of the maximum, and each main
 * index whose code exists in every year (criteria that are comparable across versions).
 */
export const YearOverYear = ({ evaluation }: { evaluation: RaRecord }) => {
  const translate = useTranslate();
  const f = useFormat();
  const [data, setData] = useState<{ rows: Record<string, number | string>[]; codes: string[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all = await dataProvider.getAll('evaluations', { agencyId: evaluation.agencyId });
      const byPeriod = new Map<string, RaRecord>();
      for (const e of all) {
        const seen = byPeriod.get(e.periodId);
        if (!seen || seen.createdAt < e.createdAt) byPeriod.set(e.periodId, e);
      }
      const latest = [...byPeriod.values()];
      const periods = await Promise.all(latest.map((e) => dataProvider.getOne('periods', { id: e.periodId })));
      const ruleSet = periods.find((p) => p.data.id === evaluation.periodId)?.data.ruleSet;
      const sameSet = latest
        .map((e, i) => ({ e, period: periods[i].data }))
        .filter((x) => x.period.ruleSet === ruleSet)
        .sort((a, b) => a.period.year - b.period.year);
      const full = await Promise.all(sameSet.map((x) => dataProvider.getOne('evaluations', { id: x.e.id })));
      const indices = full.map((r) => mainIndices(r.data.result?.nodes ?? []));
      const codes = indices.length
        ? indices[0].map((n) => n.code).filter((c) => indices.every((list) => list.some((n) => n.code === c)))
        : [];
      const rows = sameSet.map((x, i) => {
        const row: Record<string, number | string> = { year: String(x.period.year), total: x.e.percentage };
        for (const n of indices[i]) if (codes.includes(n.code) && n.max > 0) row[n.code] = Math.round((1000 * n.points) / n.max) / 10;
        return row;
      });
      if (!cancelled) setData({ rows, codes });
    })().catch((e) => !cancelled && setProblem(e.message));
    return () => {
      cancelled = true;
    };
  }, [evaluation.agencyId, evaluation.periodId]);
  if (problem) return <Alert severity="error">{problem}</Alert>;
  if (!data) return <LinearProgress />;
  if (data.rows.length < 2) return <Typography variant="body2">{translate('chiso.chart.oneYearOnly')}</Typography>;
  return (
    <div data-testid="chart-years" style={{ width: '100%', height: 320 }}>
      <ResponsiveContainer>
        <LineChart data={data.rows} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={(v) => `${f.number(Number(v), 1)} %`} />
          <Legend itemSorter={null} />
          <Line dataKey="total" name={translate('chiso.chart.totalPercent')} stroke="#212121" strokeWidth={3} />
          {data.codes.map((c, i) => (
            <Line key={c} dataKey={c} stroke={COLORS[i % COLORS.length]} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
};
