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
  Table,
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
import { useFormat } from '../common/useFormat';
import { useLt } from '../common/useLt';
import { BandChip } from '../common/BandChip';
import { messageOf } from '../api/problem';
import { type RuleSetVersion } from '../../../server/engine';

/** Evaluate a period under another version (or a draft): per agency, points, band and rank before and after. */
export const WhatIfPage = () => {
  const translate = useTranslate();
  const f = useFormat();
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
  const cohortName = (id: string | null) =>
    lt((baseVersion?.document as RuleSetVersion | undefined)?.cohorts.find((c) => c.id === id)?.name) || id || '—';
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
  const shown = rows ? (onlyChanged ? rows.filter((r) => r.changed) : rows) : [];
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('chiso.whatIf.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('chiso.whatIf.help')}
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
            <TextField
              select
              size="small"
              label={translate('resources.periods.name', { smart_count: 1 })}
              value={periodId}
              onChange={(e) => (setPeriodId(e.target.value), setVersionId(''))}
              sx={{ minWidth: 260 }}
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
              sx={{ minWidth: 300 }}
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
            <Typography variant="body2" sx={{ mb: 1 }} data-testid="what-if-summary">
              {translate('chiso.whatIf.summary', { changed: rows.filter((r) => r.changed).length, total: rows.length })}
            </Typography>
            <Table size="small" data-testid="what-if-table">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('chiso.common.agency')}</TableCell>
                  <TableCell>{translate('chiso.common.cohort')}</TableCell>
                  <TableCell align="right">{translate('chiso.impact.totalBefore')}</TableCell>
                  <TableCell align="right">{translate('chiso.impact.totalAfter')}</TableCell>
                  <TableCell align="right">{translate('chiso.impact.delta')}</TableCell>
                  <TableCell>{translate('chiso.impact.bandBefore')}</TableCell>
                  <TableCell>{translate('chiso.impact.bandAfter')}</TableCell>
                  <TableCell align="right">{translate('chiso.impact.rankBefore')}</TableCell>
                  <TableCell align="right">{translate('chiso.impact.rankAfter')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((r) => (
                  <TableRow
                    key={r.agencyId}
                    sx={r.changed ? { background: '#fff4e5' } : undefined}
                    data-changed={r.changed ? 'true' : 'false'}
                  >
                    <TableCell>{r.agencyName}</TableCell>
                    <TableCell>{cohortName(r.cohort)}</TableCell>
                    <TableCell align="right">{f.number(r.before?.total)}</TableCell>
                    <TableCell align="right">{f.number(r.after?.total)}</TableCell>
                    <TableCell align="right" sx={{ color: r.delta < 0 ? 'error.main' : r.delta > 0 ? 'success.main' : undefined }}>
                      {r.delta > 0 ? `+${f.number(r.delta)}` : f.number(r.delta)}
                    </TableCell>
                    <TableCell>{r.before ? <BandChip band={r.before.band} /> : '—'}</TableCell>
                    <TableCell sx={r.bandChanged ? { outline: '2px solid #ef6c00', outlineOffset: -4 } : undefined}>
                      {r.after ? <BandChip band={r.after.band} /> : '—'}
                    </TableCell>
                    <TableCell align="right">{r.before?.rank ?? '—'}</TableCell>
                    <TableCell align="right" sx={{ fontWeight: r.rankChanged ? 700 : undefined }}>
                      {r.after?.rank ?? '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
