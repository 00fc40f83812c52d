import { useEffect, useState } from 'react';
import { Alert, LinearProgress, Typography } from '@mui/material';
import { useTranslate, type RaRecord } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { mainIndices, type NodeResult } from '../../../server/engine';
import type { CohortComparison } from '../../../server/api/types';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';

const pct = (n: NodeResult | undefined) => (n && n.max > 0 ? (100 * n.points) / n.max : 0);

/** Words of a label broken into lines of at most `width` characters, at most `lines` of them (the last one cut with "…"). */
function wrapLabel(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = out.length - 1;
    if (last >= 0 && out[last].length + 1 + word.length <= width) out[last] += ` ${word}`;
    else out.push(word);
  }
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1].slice(0, width - 1)}…`;
  return kept;
}

/** An index's code and title under its bars, wrapped so that five of them fit side by side. */
const IndexTick = ({ x, y, payload, titles }: { x?: number; y?: number; payload?: { value: string }; titles: Map<string, string> }) => {
  const code = payload?.value ?? '';
  const lines = wrapLabel(`${code}. ${titles.get(code) ?? ''}`, 28, 3);
  return (
    <text x={x} y={(y ?? 0) + 4} textAnchor="middle" fontSize={12} fill="#455a64" data-index-label={code}>
      <title>{`${code}. ${titles.get(code) ?? ''}`}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 12 : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
};

/**
 * This agency's main indices against its cohort's average, as % of each index's maximum. The
 * average comes from the server, over the whole cohort's results, which an agency user may not
 * read one by one.
 */
export const IndicesVsCohort = ({ evaluation }: { evaluation: RaRecord }) => {
  const translate = useTranslate();
  const f = useFormat();
  const lt = useLt();
  const [comparison, setComparison] = useState<CohortComparison | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    dataProvider
      .cohortComparison(String(evaluation.id))
      .then((c) => !cancelled && setComparison(c))
      .catch((e) => !cancelled && setProblem(messageOf(e) ?? translate('ra.notification.http_error')));
    return () => {
      cancelled = true;
    };
  }, [evaluation.id, translate]);
  if (problem) return <Alert severity="error">{problem}</Alert>;
  if (!comparison) return <LinearProgress />;
  const mine = mainIndices(evaluation.result?.nodes ?? []);
  const titles = new Map(mine.map((n) => [n.code, lt(n.title)]));
  const data = mine.map((n) => {
    const cohort = comparison.average.indices.find((i) => i.code === n.code);
    return {
      name: n.code,
      title: lt(n.title),
      agency: Math.round(pct(n) * 10) / 10,
      cohort: cohort ? Math.round(cohort.percentage * 10) / 10 : 0,
    };
  });
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="cohort-basis">
        {translate('chiso.chart.cohortBasis', {
          smart_count: comparison.agencies,
          cohort: comparison.cohortName ? lt(comparison.cohortName) : translate('chiso.chart.noCohort'),
          total: f.number(comparison.average.total),
          percentage: f.number(comparison.average.percentage, 1),
        })}
      </Typography>
      <div data-testid="chart-indices" style={{ width: '100%', height: 360 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" interval={0} height={62} tick={<IndexTick titles={titles} />} />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip formatter={(v) => `${f.number(Number(v), 1)} %`} labelFormatter={(l, p) => `${l}. ${p?.[0]?.payload?.title ?? ''}`} />
            <Legend itemSorter={null} />
            <Bar dataKey="agency" name={evaluation.agencyName} fill="#b71c1c" />
            <Bar dataKey="cohort" name={translate('chiso.chart.cohortAverage')} fill="#90a4ae" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </>
  );
};
