import { useEffect, useState } from 'react';
import { Alert, Box, LinearProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { Title, useGetList, useGetOne, useTranslate, type RaRecord } from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';
import { dataProvider, type VersionChange } from '../../providers/dataProvider';
import { ChangeList, changesCsv, useChangeColumns } from './ChangeList';
import { ExportCsvButton } from '../../common/ExportCsvButton';
import { fileSlug } from '../../common/tableCsv';

/** Two versions, criterion by criterion, in words: what an amending decision changed. */
export const VersionDiffPage = () => {
  const { id, otherId } = useParams();
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data: base } = useGetOne('versions', { id: id! });
  const { data: siblings } = useGetList(
    'versions',
    { filter: { ruleSet: base?.ruleSet }, pagination: { page: 1, perPage: 200 }, sort: { field: 'effectiveFrom', order: 'DESC' } },
    { enabled: !!base },
  );
  // The answer is kept with the pair it compares, so a late answer for another pair is never shown.
  const pair = id && otherId ? `${otherId} ${id}` : null;
  const [answer, setAnswer] = useState<{ pair: string; changes?: VersionChange[]; problem?: string } | null>(null);
  const current = answer && answer.pair === pair ? answer : null;
  const changes = current?.changes ?? null;
  const problem = current?.problem ?? null;

  // By default compare with the version this one was copied from, else the previous one.
  useEffect(() => {
    if (otherId || !base || !siblings) return;
    const others = siblings.filter((v) => v.id !== base.id);
    const pick = others.find((v) => v.id === base.basedOn) ?? others[0];
    if (pick) navigate(`/versions/${id}/diff/${pick.id}`, { replace: true });
  }, [otherId, base, siblings, id, navigate]);

  useEffect(() => {
    if (!pair || !id || !otherId) return;
    // "from" the other (older) version "to" this one
    dataProvider.diffVersions(otherId, id).then(
      (r) => setAnswer({ pair, changes: r.changes }),
      (e) => setAnswer({ pair, problem: e.message }),
    );
  }, [pair, id, otherId]);

  const columns = useChangeColumns();
  const other = siblings?.find((v) => String(v.id) === otherId);
  const label = (v: RaRecord) => `${v.ruleSet} ${v.version} · ${translate(`chiso.status.${v.status}`)}`;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('chiso.diff.title')} />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
          <TextField
            select
            size="small"
            label={translate('chiso.diff.from')}
            value={otherId ?? ''}
            onChange={(e) => navigate(`/versions/${id}/diff/${e.target.value}`)}
            sx={{ flex: '0 1 420px', minWidth: 240 }}
          >
            {(siblings ?? [])
              .filter((v) => v.id !== id)
              .map((v) => (
                <MenuItem key={v.id} value={String(v.id)}>
                  {label(v)}
                </MenuItem>
              ))}
          </TextField>
          <Typography>→</Typography>
          <Typography variant="subtitle1" sx={{ flex: 1 }}>
            {base ? label(base) : ''}
          </Typography>
          {changes && changes.length > 0 && base && other && (
            <ExportCsvButton
              fileName={`so-sanh-${fileSlug(base.ruleSet)}-${fileSlug(other.version)}-${fileSlug(base.version)}`}
              table={() => changesCsv(columns, changes)}
            />
          )}
        </Stack>
      </Paper>
      {!changes && !problem && otherId && <LinearProgress />}
      {siblings && siblings.length < 2 && <Alert severity="info">{translate('chiso.diff.nothingToCompare')}</Alert>}
      {problem && <Alert severity="error">{problem}</Alert>}
      {changes && <ChangeList changes={changes} />}
    </Box>
  );
};
