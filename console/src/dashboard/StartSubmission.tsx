import { useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import PlayArrow from '@mui/icons-material/PlayArrow';
import { useGetIdentity, useGetList, useGetOne, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';

/** Open periods of the agency's rule sets that it has not started yet: one click opens its form. */
export const StartSubmission = ({ started }: { started: Set<string> }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { identity } = useGetIdentity();
  const [problem, setProblem] = useState<string | null>(null);
  const { data: agency } = useGetOne('agencies', { id: identity?.agencyId }, { enabled: !!identity?.agencyId });
  const { data: periods } = useGetList('periods', {
    filter: { status: 'open' },
    sort: { field: 'year', order: 'DESC' },
    pagination: { page: 1, perPage: 50 },
  });
  const open = (periods ?? []).filter((p) => !started.has(String(p.id)) && (!agency?.ruleSets || agency.ruleSets.includes(p.ruleSet)));
  if (!open.length) return null;
  const start = async (periodId: string) => {
    setProblem(null);
    try {
      const { data } = await dataProvider.create('submissions', { data: { periodId, agencyId: identity!.agencyId, facts: {} } });
      notify('chiso.dashboard.started', { type: 'success' });
      navigate(`/submissions/${data.id}`);
    } catch (e) {
      setProblem(messageOf(e) ?? translate('ra.notification.http_error'));
    }
  };
  return (
    <>
      {open.map((p) => (
        <Stack key={p.id} direction="row" spacing={2} sx={{ alignItems: 'center', py: 1 }} data-open-period={p.id}>
          <Typography sx={{ flex: 1 }}>{p.title}</Typography>
          <Button variant="contained" startIcon={<PlayArrow />} onClick={() => start(String(p.id))} data-testid="start-submission">
            {translate('chiso.dashboard.start')}
          </Button>
        </Stack>
      ))}
      {problem && (
        <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>
          {problem}
        </Alert>
      )}
    </>
  );
};
