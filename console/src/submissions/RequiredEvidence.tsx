import { Alert, AlertTitle, Box, Chip, Link, Stack, Typography } from '@mui/material';
import TaskAlt from '@mui/icons-material/TaskAlt';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import { useTranslate } from 'react-admin';
import type { Fact, LocalizedText } from '../../../server/engine';
import { useLt } from '../common/useLt';

/** On a fact that must be backed by evidence: whether it has some yet, and what the criteria reading it ask for. */
export const EvidenceRequirement = ({
  fact,
  filed,
  askedBy,
}: {
  fact: Fact;
  filed: boolean;
  askedBy: readonly { code: string; evidence: LocalizedText }[];
}) => {
  const translate = useTranslate();
  const lt = useLt();
  return (
    <Box sx={{ mt: -0.5, mb: 0.5 }}>
      <Chip
        size="small"
        variant="outlined"
        color={filed ? 'success' : 'warning'}
        icon={filed ? <TaskAlt /> : <ReportProblemOutlined />}
        label={translate(filed ? 'chiso.submission.evidenceRequiredDone' : 'chiso.submission.evidenceRequiredMissing')}
        data-evidence-required={fact.id}
        data-filed={filed ? 'true' : 'false'}
      />
      {askedBy.map((a) => (
        <Typography key={a.code} variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          {translate('chiso.submission.evidenceAsked', { code: a.code, evidence: lt(a.evidence) })}
        </Typography>
      ))}
    </Box>
  );
};

/** Beside the buttons: the required evidence still missing, each one a link to its field. */
export const EvidenceSummary = ({ required, missing }: { required: readonly Fact[]; missing: readonly Fact[] }) => {
  const translate = useTranslate();
  const lt = useLt();
  if (!required.length) return null;
  if (!missing.length) {
    return (
      <Alert severity="success" sx={{ width: '100%', mt: 2 }} data-testid="evidence-summary" data-missing="0">
        {translate('chiso.submission.evidenceAllThere', { smart_count: required.length })}
      </Alert>
    );
  }
  const go = (id: string) => {
    const row = document.querySelector(`[data-fact-row="${CSS.escape(id)}"]`);
    row?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    row?.querySelector<HTMLElement>('[data-testid^="add-evidence-"]')?.focus({ preventScroll: true });
  };
  return (
    <Alert severity="warning" sx={{ width: '100%', mt: 2 }} data-testid="evidence-summary" data-missing={missing.length}>
      <AlertTitle>{translate('chiso.submission.evidenceStillMissing', { smart_count: missing.length })}</AlertTitle>
      <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
        {missing.map((f) => (
          <li key={f.id} data-missing-evidence={f.id}>
            <Link component="button" type="button" variant="body2" onClick={() => go(f.id)} sx={{ textAlign: 'left' }}>
              {lt(f.label) || f.id}
            </Link>
          </li>
        ))}
      </Stack>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('chiso.submission.evidenceStillMissingHelp')}
      </Typography>
    </Alert>
  );
};
