import { useEffect, useState } from 'react';
import { Alert, LinearProgress } from '@mui/material';
import { useTranslate, type RaRecord } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { NodeResult } from '../../../server/engine';
import { dataProvider } from '../providers/dataProvider';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';
import { latestPerAgency, mainIndices } from './mainIndices';

const pct = (n: NodeResult | undefined) => (n && n.max > 0 ? (100 * n.points) / n.max : 0);

/** This agency's main indices against its cohort's average, as % of each index's maximum. */
export const IndicesVsCohort = ({ evaluation }: { evaluation: RaRecord }) => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const [peers, setPeers] = useState<NodeResult[][] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const rows = latestPerAgency(await dataProvider.getAll('evaluations', { periodId: evaluation.periodId, cohort: evaluation.cohort }));
      const full = await Promise.all(rows.slice(0, 120).map((r) => dataProvider.getOne('evaluations', { id: r.id })));
      if (!cancelled) setPeers(full.map((r) => mainIndices(r.data.result?.nodes ?? [])));
    })().catch((e) => !cancelled && setProblem(e.message));
    return () => {
      cancelled = true;
    };
  }, [evaluation.periodId, evaluation.cohort]);
  if (problem) return <Alert severity="error">{problem}</Alert>;
  if (!peers) return <LinearProgress />;
  const mine = mainIndices(evaluation.result?.nodes ?? []);
  const data = mine.map((n) => {
    const others = peers.map((p) => p.find((x) => x.code === n.code)).filter(Boolean) as NodeResult[];
    const avg = others.length ? others.reduce((s, x) => s + pct(x), 0) / others.length : 0;
    return { name: n.code, title: lt(n.title), agency: Math.round(pct(n) * 10) / 10, cohort: Math.round(avg * 10) / 10 };
  });
  return (
    <div data-testid="chart-indices" style={{ width: '100%', height: 320 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip formatter={(v) => `${f.number(Number(v), 1)} %`} labelFormatter={(l, p) => `${l} · ${p?.[0]?.payload?.title ?? ''}`} />
          <Legend itemSorter={null} />
          <Bar dataKey="agency" name={evaluation.agencyName} fill="#b71c1c" />
          <Bar dataKey="cohort" name={translate('chiso.chart.cohortAverage')} fill="#90a4ae" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
