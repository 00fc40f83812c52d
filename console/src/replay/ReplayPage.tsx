import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import Replay from '@mui/icons-material/Replay';
import { Title, useGetList, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { dataProvider, type ReplayResult } from '../providers/dataProvider';
import { useFormat } from '../common/useFormat';
import { ReplayResultView } from './ReplayResultView';
import { messageOf } from '../api/problem';
import { PeriodFileActions } from '../periods/PeriodFileActions';

type Kind = 'published-rankings' | 'evaluations';

/**
 * The auditor's question: recompute this published ranking (or one evaluation) under the version
 * it was computed with — do we get the same result, byte for byte?
 */
export const ReplayPage = () => {
  const translate = useTranslate();
  const f = useFormat();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<Kind>((params.get('kind') as Kind) || 'published-rankings');
  const [id, setId] = useState(params.get('id') ?? '');
  const [periodId, setPeriodId] = useState('');
  const [result, setResult] = useState<ReplayResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: published } = useGetList('published-rankings', {
    sort: { field: 'publishedAt', order: 'DESC' },
    pagination: { page: 1, perPage: 200 },
  });
  const { data: periods } = useGetList(
    'periods',
    { sort: { field: 'year', order: 'DESC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: kind === 'evaluations' },
  );
  const { data: evaluations } = useGetList(
    'evaluations',
    { filter: { periodId }, sort: { field: 'agencyName', order: 'ASC' }, pagination: { page: 1, perPage: 1000 } },
    { enabled: kind === 'evaluations' && !!periodId },
  );
  const chosen = id || (kind === 'published-rankings' && published?.[0] ? String(published[0].id) : '');
  const chosenRanking = kind === 'published-rankings' ? published?.find((p) => String(p.id) === chosen) : undefined;
  const chosenEvaluation = kind === 'evaluations' ? evaluations?.find((e) => String(e.id) === chosen) : undefined;
  const run = async () => {
    setBusy(true);
    setResult(null);
    setProblem(null);
    try {
      setResult(await dataProvider.replay(kind, chosen));
    } catch (e) {
      setProblem(messageOf(e) ?? translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('chiso.replay.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('chiso.replay.help')}
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap' }}>
            <ToggleButtonGroup
              exclusive
              size="small"
              sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
              value={kind}
              onChange={(_, v) => v && (setKind(v), setId(''), setResult(null))}
            >
              <ToggleButton value="published-rankings">{translate('chiso.replay.publishedRanking')}</ToggleButton>
              <ToggleButton value="evaluations">{translate('chiso.replay.evaluation')}</ToggleButton>
            </ToggleButtonGroup>
            {kind === 'published-rankings' ? (
              <TextField
                select
                size="small"
                label={translate('chiso.replay.publishedRanking')}
                value={chosen}
                onChange={(e) => (setId(e.target.value), setResult(null))}
                sx={{ flex: '1 1 320px', minWidth: 0 }}
                name="publishedRanking"
              >
                {(published ?? []).map((p) => (
                  <MenuItem key={p.id} value={String(p.id)}>
                    {p.periodTitle} · {p.versionLabel} · {f.dateTime(p.publishedAt)}
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <>
                <TextField
                  select
                  size="small"
                  label={translate('resources.periods.name', { smart_count: 1 })}
                  value={periodId}
                  onChange={(e) => setPeriodId(e.target.value)}
                  sx={{ flex: '1 1 240px', minWidth: 0 }}
                >
                  {(periods ?? []).map((p) => (
                    <MenuItem key={p.id} value={String(p.id)}>
                      {p.title}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  select
                  size="small"
                  label={translate('chiso.replay.evaluation')}
                  value={id}
                  onChange={(e) => (setId(e.target.value), setResult(null))}
                  sx={{ flex: '1 1 240px', minWidth: 0 }}
                >
                  {(evaluations ?? []).map((ev) => (
                    <MenuItem key={ev.id} value={String(ev.id)}>
                      {ev.agencyName} · {f.dateTime(ev.createdAt)}
                    </MenuItem>
                  ))}
                </TextField>
              </>
            )}
            <Button
              variant="contained"
              startIcon={<Replay />}
              onClick={run}
              disabled={!chosen || busy}
              data-testid="run-replay"
              sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            >
              {translate('chiso.replay.run')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      {busy && <LinearProgress />}
      {problem && (
        <Alert severity="error" sx={{ whiteSpace: 'pre-line' }}>
          {problem}
        </Alert>
      )}
      {kind === 'published-rankings' && published && !published.length && (
        <Alert severity="info">{translate('chiso.replay.nothingPublished')}</Alert>
      )}
      {result && (
        <Card>
          <CardContent>
            {chosenRanking && (
              <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
                <PeriodFileActions period={{ id: chosenRanking.periodId }} only="export" />
              </Stack>
            )}
            <ReplayResultView result={result} subject={chosenRanking?.periodTitle ?? chosenEvaluation?.agencyName} />
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
