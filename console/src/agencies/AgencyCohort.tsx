import { useEffect, useState } from 'react';
import { Alert, Box, MenuItem, TextField, Typography } from '@mui/material';
import { useGetList, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { useLt } from '../common/useLt';
import { dataProvider } from '../providers/dataProvider';

/** Which cohort this agency falls in under a chosen version (cohort rules differ between versions). */
export const AgencyCohort = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const lt = useLt();
  const { data: versions } = useGetList('versions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'effectiveFrom', order: 'DESC' } });
  const [versionId, setVersionId] = useState('');
  const [result, setResult] = useState<{ cohort: string | null; matches: string[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { data: version } = useGetOne('versions', { id: versionId }, { enabled: !!versionId });
  const cohortName = (id: string) => lt(version?.document?.cohorts?.find((c: any) => c.id === id)?.name) || id;
  useEffect(() => {
    if (!versionId && versions?.length) setVersionId(String(versions[0].id));
  }, [versions, versionId]);
  useEffect(() => {
    if (!versionId || !record?.id) return;
    setProblem(null);
    dataProvider.agencyCohort(String(record.id), versionId).then(setResult, (e) => setProblem(e.message));
  }, [versionId, record?.id]);
  return (
    <Box sx={{ mt: 2, width: '100%' }} data-testid="agency-cohort">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('chiso.agency.cohortUnder')}
      </Typography>
      <TextField select size="small" value={versionId} onChange={(e) => setVersionId(e.target.value)} sx={{ minWidth: 300 }} label={translate('resources.versions.name', { smart_count: 1 })}>
        {(versions ?? []).map((v) => (
          <MenuItem key={v.id} value={String(v.id)}>
            {v.ruleSet} {v.version} · {translate(`chiso.status.${v.status}`)}
          </MenuItem>
        ))}
      </TextField>
      {problem && <Alert severity="error" sx={{ mt: 1 }}>{problem}</Alert>}
      {result && (
        <Alert severity={result.cohort ? 'info' : 'warning'} sx={{ mt: 1 }}>
          {result.cohort ? translate('chiso.agency.inCohort', { cohort: cohortName(result.cohort) }) : translate('chiso.agency.noCohort')}
          {result.matches.length > 1 ? ` ${translate('chiso.agency.manyCohorts', { list: result.matches.map(cohortName).join(', ') })}` : ''}
        </Alert>
      )}
    </Box>
  );
};
