import { useEffect, useState } from 'react';
import { Alert, Box, MenuItem, TextField, Typography } from '@mui/material';
import { useGetList, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { useLt } from '../common/useLt';
import { dataProvider } from '../providers/dataProvider';
import { type RuleSetVersion } from '../../../server/engine';

/** Which cohort this agency falls in under a chosen version (cohort rules differ between versions). */
export const AgencyCohort = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const lt = useLt();
  const { data: versions } = useGetList('versions', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'effectiveFrom', order: 'DESC' },
  });
  const [chosenVersionId, setVersionId] = useState('');
  // Until one is chosen, the newest version.
  const versionId = chosenVersionId || (versions?.length ? String(versions[0].id) : '');
  // The answer is kept with the question it answers, so a late answer for another version is never shown.
  const asked = versionId && record?.id ? `${record.id} ${versionId}` : null;
  const [answer, setAnswer] = useState<{ asked: string; result?: { cohort: string | null; matches: string[] }; problem?: string } | null>(
    null,
  );
  const current = answer && answer.asked === asked ? answer : null;
  const result = current?.result ?? null;
  const problem = current?.problem ?? null;
  const { data: version } = useGetOne('versions', { id: versionId }, { enabled: !!versionId });
  const cohortName = (id: string) => lt((version?.document as RuleSetVersion | undefined)?.cohorts.find((c) => c.id === id)?.name) || id;
  useEffect(() => {
    if (!asked || !record?.id) return;
    dataProvider.agencyCohort(String(record.id), versionId).then(
      (result) => setAnswer({ asked, result }),
      (e) => setAnswer({ asked, problem: e.message }),
    );
  }, [asked, versionId, record?.id]);
  return (
    <Box sx={{ mt: 2, width: '100%' }} data-testid="agency-cohort">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('chiso.agency.cohortUnder')}
      </Typography>
      <TextField
        select
        size="small"
        value={versionId}
        onChange={(e) => setVersionId(e.target.value)}
        sx={{ minWidth: 300 }}
        label={translate('resources.versions.name', { smart_count: 1 })}
      >
        {(versions ?? []).map((v) => (
          <MenuItem key={v.id} value={String(v.id)}>
            {v.version} · {lt(v.title)} · {translate(`chiso.status.${v.status}`)}
          </MenuItem>
        ))}
      </TextField>
      {problem && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {problem}
        </Alert>
      )}
      {result && (
        <Alert severity={result.cohort ? 'info' : 'warning'} sx={{ mt: 1 }}>
          {result.cohort ? translate('chiso.agency.inCohort', { cohort: cohortName(result.cohort) }) : translate('chiso.agency.noCohort')}
          {result.matches.length > 1
            ? ` ${translate('chiso.agency.manyCohorts', { list: result.matches.map(cohortName).join(', ') })}`
            : ''}
        </Alert>
      )}
    </Box>
  );
};
