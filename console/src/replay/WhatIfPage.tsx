import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Stack,
  Switch,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import Science from '@mui/icons-material/Science';
import { Title, useGetList, useGetOne, useTranslate } from 'react-admin';
import { dataProvider, type WhatIfRow } from '../providers/dataProvider';
import { useLt } from '../common/useLt';
import { StandingCells } from '../common/StandingCells';
import { messageOf } from '../api/problem';
import { type RuleSetVersion } from '../../../server/engine';
import { ScrollTable, changedRow } from '../common/ScrollTable';
import { ExportCsvButton } from '../common/ExportCsvButton';
import { fileSlug } from '../common/tableCsv';
import { inRankingOrder } from '../rankings/cohortOrder';

/** Evaluate a period under another version (or a draft): per agency, points, band and rank before and after. */
export const WhatIfPage = () => {
  const translate = useTranslate();
  const lt = useLt();
  const [periodId, setPeriodId] = useState('');
  const [versionId, setVersionId] = useState('');
  const [rows, setRows] = useState<WhatIfRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const { data: periods } = useGetList('periods', { sort: { field: 'year', order: 'DESC' }, pagination: { page: 1, perPage: 200 } });
  const { data: period } = useGetOne('periods', { id: periodId }, { enabled: !!periodId });
  const { data: baseVersion } = useGetOne('versions', { id: period?.versionId }, { enabled: !!period });
  const { data: targetVersion } = useGetOne('versions', { id: versionId }, { enabled: !!versionId });
  // A row's cohort is the one it falls in under the chosen version; the period's own names the rest.
  const cohorts = [
    ...((targetVersion?.document as RuleSetVersion | undefined)?.cohorts ?? []),
    ...((baseVersion?.document as RuleSetVersion | undefined)?.cohorts ?? []),
  ];
  const cohortName = (id: string | null) => lt(cohorts.find((c) => c.id === id)?.name) || '—';
  const { data: versions } = useGetList(
    'versions',
    { filter: { ruleSet: period?.ruleSet }, sort: { field: 'effectiveFrom', order: 'DESC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: !!period },
  );
  const run = async () => {
    setBusy(true);
    setRows(null);
    setProblem(null);
    try {
      setRows((await dataProvider.whatIf(periodId, versionId)).rows);
    } catch (e) {
      setProblem(messageOf(e) ?? translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  const ordered = inRankingOrder(
    rows ?? [],
    cohorts.map((c) => c.id),
    (r) => ({ cohort: r.cohort, rank: r.after?.rank ?? r.before?.rank ?? null, name: r.agencyName }),
  );
  const shown = onlyChanged ? ordered.filter((r) => r.changed) : ordered;
  const columns = [
    translate('chiso.common.agency'),
    translate('chiso.common.cohort'),
    translate('chiso.impact.totalBefore'),
    translate('chiso.impact.totalAfter'),
    translate('chiso.impact.delta'),
    translate('chiso.impact.bandBefore'),
    translate('chiso.impact.bandAfter'),
    translate('chiso.impact.rankBefore'),
    translate('chiso.impact.rankAfter'),
  ];
  const csv = () => ({
    header: columns,
    rows: shown.map((r) => [
      r.agencyName,
      cohortName(r.cohort),
      r.before?.total,
      r.after?.total,
      r.delta,
      lt(r.before?.band?.label),
      lt(r.after?.band?.label),
      r.before?.rank,
      r.after?.rank,
    ]),
  });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('chiso.whatIf.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('chiso.whatIf.help')}
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap' }}>
            <TextField
              select
              size="small"
              label={translate('resources.periods.name', { smart_count: 1 })}
              value={periodId}
              onChange={(e) => (setPeriodId(e.target.value), setVersionId(''))}
              sx={{ flex: '2 1 260px', minWidth: 0, maxWidth: { md: 520 } }}
              name="period"
            >
              {(periods ?? []).map((p) => (
                <MenuItem key={p.id} value={String(p.id)}>
                  {p.title} · {p.versionLabel}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={translate('resources.versions.name', { smart_count: 1 })}
              value={versionId}
              onChange={(e) => setVersionId(e.target.value)}
              sx={{ flex: '1 1 220px', minWidth: 0, maxWidth: { md: 360 } }}
              disabled={!period}
              name="version"
            >
              {(versions ?? []).map((v) => (
                <MenuItem key={v.id} value={String(v.id)}>
                  {v.version} · {translate(`chiso.status.${v.status}`)}
                </MenuItem>
              ))}
            </TextField>
            <Button
              variant="contained"
              startIcon={<Science />}
              onClick={run}
              disabled={!periodId || !versionId || busy}
              data-testid="run-what-if"
              sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            >
              {translate('chiso.whatIf.run')}
            </Button>
            <FormControlLabel
              sx={{ whiteSpace: 'nowrap' }}
              control={<Switch checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />}
              label={translate('chiso.impact.onlyChanged')}
            />
          </Stack>
        </CardContent>
      </Card>
      {busy && <LinearProgress />}
      {problem && (
        <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>
          {problem}
        </Alert>
      )}
      {rows && (
        <Card>
          <CardContent>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
              <Typography variant="body2" data-testid="what-if-summary">
                {translate('chiso.whatIf.summary', { changed: rows.filter((r) => r.changed).length, total: rows.length })}
              </Typography>
              <ExportCsvButton
                fileName={`gia-dinh-${fileSlug(period?.title ?? '')}-${fileSlug(targetVersion?.version ?? '')}`}
                table={csv}
              />
            </Stack>
            <ScrollTable testId="what-if-table">
              <TableHead>
                <TableRow>
                  {columns.map((label, i) => (
                    <TableCell key={i} align={[2, 3, 4, 7, 8].includes(i) ? 'right' : undefined}>
                      {label}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((r) => (
                  <TableRow
                    key={r.agencyId}
                    sx={r.changed ? changedRow() : undefined}
                    data-changed={r.changed ? 'true' : 'false'}
                    data-cohort={r.cohort ?? ''}
                    data-rank={r.after?.rank ?? ''}
                  >
                    <TableCell>{r.agencyName}</TableCell>
                    <TableCell sx={{ minWidth: 140 }}>{cohortName(r.cohort)}</TableCell>
                    <StandingCells {...r} />
                  </TableRow>
                ))}
              </TableBody>
            </ScrollTable>
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
