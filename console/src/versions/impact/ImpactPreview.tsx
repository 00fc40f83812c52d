import { useEffect, useState } from 'react';
import { Alert, FormControlLabel, LinearProgress, MenuItem, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import type { RuleSetVersion } from '../../../../server/engine';
import { useImpactData } from './useImpactData';
import { computeImpact, type ImpactRow } from './computeImpact';
import { ImpactTable } from './ImpactTable';
import { groupByCohort } from '../../rankings/cohortOrder';
import { useLt } from '../../common/useLt';

/**
 * While a draft is edited: pick a period, and see at once which agencies would change band or
 * rank if the period were scored under the draft as it stands now.
 */
export const ImpactPreview = ({ doc }: { doc: RuleSetVersion }) => {
  const translate = useTranslate();
  const lt = useLt();
  const { data: periods } = useGetList('periods', {
    filter: { ruleSet: doc.ruleSet },
    sort: { field: 'year', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  const [chosenPeriodId, setPeriodId] = useState<string | null>(null);
  // Until one is chosen, the latest period.
  const periodId = chosenPeriodId ?? (periods?.length ? String(periods[0].id) : null);
  const { data, loading, error } = useImpactData(periodId);
  const [rows, setRows] = useState<ImpactRow[] | null>(null);
  /** How long the last re-scoring took, in milliseconds (read by the browser test). */
  const [took, setTook] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);

  useEffect(() => {
    if (!data) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      if (cancelled) return;
      const start = performance.now();
      try {
        setRows(computeImpact(doc, data.inputs, data.stored));
        setTook(performance.now() - start);
        setProblem(null);
      } catch (e) {
        setRows(null);
        setProblem((e as Error).message);
      }
    }, 300);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [doc, data]);

  const bandChanges = rows?.filter((r) => r.bandChanged).length ?? 0;
  const rankChanges = rows?.filter((r) => r.rankChanged).length ?? 0;
  const shown = rows ? (onlyChanged ? rows.filter((r) => r.bandChanged || r.rankChanged) : rows) : [];
  const groups = groupByCohort(
    shown,
    doc.cohorts.map((c) => c.id),
    (r) => ({ cohort: r.cohort, rank: r.after?.rank ?? r.before?.rank ?? null, name: r.agencyName }),
  ).map((g) => ({ ...g, name: lt(doc.cohorts.find((c) => c.id === g.cohort)?.name) || translate('chiso.impact.outsideCohorts') }));
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="impact-preview">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {translate('chiso.impact.help')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          select
          size="small"
          label={translate('resources.periods.name', { smart_count: 1 })}
          value={periodId ?? ''}
          onChange={(e) => setPeriodId(e.target.value)}
          sx={{ minWidth: 280 }}
        >
          {(periods ?? []).map((p) => (
            <MenuItem key={p.id} value={String(p.id)}>
              {p.title || p.year}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Switch checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />}
          label={translate('chiso.impact.onlyChanged')}
        />
        {rows && (
          <Typography variant="body2" data-testid="impact-summary" data-rescore-ms={took ?? undefined}>
            {translate('chiso.impact.summary', { bands: bandChanges, ranks: rankChanges, total: rows.length })}
          </Typography>
        )}
      </Stack>
      {periods && !periods.length && <Alert severity="info">{translate('chiso.impact.noPeriods')}</Alert>}
      {loading && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {problem && <Alert severity="warning">{translate('chiso.impact.cannotScore', { message: problem })}</Alert>}
      {data && !data.stored && <Alert severity="info">{translate('chiso.impact.noStored')}</Alert>}
      {data && !data.inputs.length && <Alert severity="info">{translate('chiso.impact.noSubmissions')}</Alert>}
      {rows && <ImpactTable groups={groups} />}
    </Paper>
  );
};
