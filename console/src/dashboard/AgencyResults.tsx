import { useState } from 'react';
import { Box, Button, Chip, Collapse, Stack, Tooltip, Typography } from '@mui/material';
import Verified from '@mui/icons-material/Verified';
import HourglassTop from '@mui/icons-material/HourglassTop';
import { ReferenceField, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import type { EvaluationSummary } from '../../../server/api/types';
import type { PeriodResults } from './resultsPerPeriod';
import { BandChip } from '../common/BandChip';
import { useFormat } from '../common/useFormat';
import { ReportCardButton } from '../evaluations/ReportCardButton';

const Score = ({ e }: { e: EvaluationSummary }) => {
  const f = useFormat();
  return (
    <>
      {e.versionLabel} · {f.number(e.total)} / {f.number(e.max)} ({f.number(e.percentage)} %)
    </>
  );
};

/** One period's result line, marked official or provisional, with the other evaluations folded away under it. */
export const PeriodResultLine = ({ result }: { result: PeriodResults }) => {
  const translate = useTranslate();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const { official, published, others } = result;
  return (
    <Box sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }} data-period-result={result.periodId}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
        <Box sx={{ flex: 1 }}>
          <Typography>
            <ReferenceField record={official as unknown as RaRecord} source="periodId" reference="periods" link={false} />
          </Typography>
          <Typography variant="body2" color="text.secondary">
            <Score e={official} /> · {translate('chiso.evaluation.scoredAt', { date: f.dateTime(official.createdAt) })}
          </Typography>
        </Box>
        <Tooltip title={translate(published ? 'chiso.evaluation.officialHint' : 'chiso.evaluation.provisionalHint')}>
          <Chip
            icon={published ? <Verified /> : <HourglassTop />}
            color={published ? 'success' : 'default'}
            variant={published ? 'filled' : 'outlined'}
            label={translate(published ? 'chiso.evaluation.official' : 'chiso.evaluation.provisionalResult')}
            data-testid="result-status"
            data-official={published ? 'true' : 'false'}
          />
        </Tooltip>
        <BandChip band={official.band} />
        <Button component={Link} to={`/evaluations/${official.id}/show`}>
          {translate('ra.action.show')}
        </Button>
        <ReportCardButton evaluationId={official.id} variant="text" />
        {published && (
          <Button component={Link} to={`/published-rankings/${published.id}/show`} data-testid="open-published-ranking">
            {translate('chiso.evaluation.viewPublishedRanking')}
          </Button>
        )}
      </Stack>
      {others.length > 0 && (
        <>
          <Button size="small" onClick={() => setOpen(!open)} data-testid="other-runs" aria-expanded={open}>
            {translate('chiso.evaluation.otherRuns', { smart_count: others.length })}
          </Button>
          <Collapse in={open}>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ ml: 1 }}>
              {translate('chiso.evaluation.otherRunsHint')}
            </Typography>
            {others.map((e) => (
              <Stack key={e.id} direction="row" spacing={2} sx={{ alignItems: 'center', ml: 1 }} data-other-run={e.id}>
                <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
                  {f.dateTime(e.createdAt)} · <Score e={e} />
                </Typography>
                <BandChip band={e.band} />
                <Button size="small" component={Link} to={`/evaluations/${e.id}/show`}>
                  {translate('ra.action.show')}
                </Button>
              </Stack>
            ))}
          </Collapse>
        </>
      )}
    </Box>
  );
};
