import { useState } from 'react';
import { Button, Chip, Stack, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';
import { useFormat } from '../common/useFormat';
import { ReasonDialog } from '../common/ReasonDialog';

export interface EvidenceReview {
  accepted: boolean;
  reason: string;
  by: string;
  at: string;
}

/** Under an explanation filed in place of evidence: whether the evaluator accepted it, and for the evaluator the buttons to decide. */
export const ExplanationReview = ({
  evidenceId,
  review,
  canReview,
  onChanged,
}: {
  evidenceId: string;
  review: EvidenceReview | null | undefined;
  canReview?: boolean;
  onChanged?: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const f = useFormat();
  const [deciding, setDeciding] = useState<boolean | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setDeciding(null);
    setReason('');
    setProblem(null);
  };
  const send = async () => {
    if (deciding === null) return;
    setBusy(true);
    setProblem(null);
    try {
      await dataProvider.reviewEvidence(evidenceId, { accepted: deciding, reason: reason.trim() });
      notify('chiso.review.saved', { type: 'success' });
      close();
      onChanged?.();
    } catch (e) {
      setProblem(messageOf(e) ?? translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  const state = !review ? 'pending' : review.accepted ? 'accepted' : 'rejected';
  return (
    <Stack spacing={0.5} sx={{ mt: 0.5 }} data-explanation-review={evidenceId} data-review-state={state}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Chip
          size="small"
          color={state === 'accepted' ? 'success' : state === 'rejected' ? 'error' : 'default'}
          label={translate(`chiso.review.${state}`)}
        />
        {canReview && (
          <>
            <Button size="small" color="success" onClick={() => setDeciding(true)} data-testid={`accept-explanation-${evidenceId}`}>
              {translate('chiso.review.accept')}
            </Button>
            <Button size="small" color="error" onClick={() => setDeciding(false)} data-testid={`reject-explanation-${evidenceId}`}>
              {translate('chiso.review.reject')}
            </Button>
          </>
        )}
      </Stack>
      {review && (
        <Typography variant="caption" color="text.secondary">
          {translate('chiso.review.by', { reason: review.reason, by: review.by, at: f.dateTime(review.at) })}
        </Typography>
      )}
      <ReasonDialog
        open={deciding !== null}
        title={translate(deciding ? 'chiso.review.acceptTitle' : 'chiso.review.rejectTitle')}
        reason={reason}
        onReason={setReason}
        reasonLabel={translate('chiso.review.reason')}
        reasonName="reviewReason"
        problem={problem}
        busy={busy}
        onClose={close}
        onConfirm={send}
        confirmTestId="confirm-review"
      />
    </Stack>
  );
};
