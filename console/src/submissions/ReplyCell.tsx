import { useState } from 'react';
import { Box, Button, Checkbox, FormControlLabel, FormGroup, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate, type RaRecord } from 'react-admin';
import type { Fact } from '../../../server/engine';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';
import { AppraiseDialog } from './AppraiseDialog';
import { ReasonDialog } from '../common/ReasonDialog';
import type { EvidenceItem } from './EvidenceList';
import { EvidenceButton } from './EvidenceButton';

export interface Reply {
  id: string;
  response: 'accept' | 'reply';
  text: string | null;
  evidenceIds: string[];
  createdAt: string;
  createdBy: string;
  outcome: 'keep' | 'revise' | null;
  outcomeReason: string | null;
}

type Mode = 'reply' | 'keep' | 'revise' | null;

/** The agency's answer to one appraisal and the evaluator's decision on it, with the buttons each side may use. */
export const ReplyCell = ({
  appraisal,
  fact,
  subject,
  evidence,
  evidenceKeys,
  canReply,
  canResolve,
  onChanged,
  onEvidenceAdded,
}: {
  appraisal: RaRecord;
  fact: Fact | undefined;
  /** What was appraised, in words: the fact's label or the criterion's code and title. */
  subject: string;
  /** Every evidence item of the submission, to name the ones a reply cites. */
  evidence: EvidenceItem[];
  /** The keys a reply to this appraisal may cite evidence under. */
  evidenceKeys: ReadonlySet<string>;
  canReply: boolean;
  canResolve: boolean;
  onChanged: () => void;
  /** New evidence filed with the reply: the submission's evidence is read again, the reply stays open. */
  onEvidenceAdded: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const reply = (appraisal.reply ?? null) as Reply | null;
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [zeroed, setZeroed] = useState('true');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = String(appraisal.id);
  const citable = evidence.filter((e) => evidenceKeys.has(e.key));
  const close = () => {
    setMode(null);
    setText('');
    setPicked([]);
    setProblem(null);
  };
  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await call();
      notify(done, { type: 'success' });
      close();
      onChanged();
    } catch (e) {
      const message = messageOf(e) ?? translate('ra.notification.http_error');
      if (mode) setProblem(message);
      else notify(message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  const accept = () => run(() => dataProvider.reply(id, { response: 'accept' }), 'chiso.reply.sent');
  const sendReply = () =>
    run(() => dataProvider.reply(id, { response: 'reply', text: text.trim(), evidenceIds: picked }), 'chiso.reply.sent');
  const keep = () => run(() => dataProvider.resolveReply(id, { outcome: 'keep', reason: text.trim() }), 'chiso.reply.resolved');
  const reviseCriterion = () =>
    run(() => dataProvider.resolveReply(id, { outcome: 'revise', reason: text.trim(), zeroed: zeroed === 'true' }), 'chiso.reply.resolved');
  return (
    <Stack spacing={0.5} data-reply-for={id} data-reply-state={!reply ? 'none' : (reply.outcome ?? 'waiting')}>
      {reply ? (
        <>
          <Typography variant="body2" data-testid={`reply-text-${id}`}>
            {reply.response === 'accept' ? translate('chiso.reply.accepted') : `${translate('chiso.reply.replied')}: ${reply.text ?? ''}`}
          </Typography>
          {reply.evidenceIds?.length > 0 && (
            <Typography variant="caption" color="text.secondary">
              {translate('chiso.reply.evidence')}:{' '}
              {reply.evidenceIds
                .map((e) => {
                  const item = evidence.find((x) => x.id === e);
                  return item ? item.fileName || item.url || item.note : e;
                })
                .join('; ')}
            </Typography>
          )}
          {reply.outcome && (
            <Typography
              variant="body2"
              color={reply.outcome === 'revise' ? 'secondary.main' : 'text.secondary'}
              data-testid={`reply-outcome-${id}`}
            >
              {translate(`chiso.reply.outcome_${reply.outcome}`)}: {reply.outcomeReason}
            </Typography>
          )}
          {canResolve && reply.response === 'reply' && !reply.outcome && (
            <Stack direction="row" spacing={1}>
              <Button size="small" onClick={() => setMode('keep')} data-testid={`keep-${id}`}>
                {translate('chiso.reply.keep')}
              </Button>
              <Button size="small" color="secondary" onClick={() => setMode('revise')} data-testid={`revise-${id}`}>
                {translate('chiso.reply.revise')}
              </Button>
            </Stack>
          )}
        </>
      ) : canReply ? (
        <Stack direction="row" spacing={1}>
          <Button size="small" color="success" onClick={accept} disabled={busy} data-testid={`reply-accept-${id}`}>
            {translate('chiso.reply.accept')}
          </Button>
          <Button size="small" onClick={() => setMode('reply')} data-testid={`reply-${id}`}>
            {translate('chiso.reply.reply')}
          </Button>
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          —
        </Typography>
      )}
      {mode === 'revise' && appraisal.fact && fact ? (
        <AppraiseDialog
          submissionId={String(appraisal.submissionId)}
          fact={fact}
          agencyValue={appraisal.agencyValue}
          current={appraisal.appraisedValue}
          onClose={close}
          onDone={() => {
            close();
            onChanged();
          }}
          onSave={(value, reason) => dataProvider.resolveReply(id, { outcome: 'revise', reason, value })}
        />
      ) : (
        <ReasonDialog
          open={mode !== null}
          title={mode ? translate(`chiso.reply.title_${mode}`) : ''}
          reason={text}
          onReason={setText}
          reasonLabel={translate(mode === 'reply' ? 'chiso.reply.text' : 'chiso.appraisal.reason')}
          reasonName="replyText"
          problem={problem}
          problemTestId="reply-problem"
          busy={busy}
          onClose={close}
          onConfirm={mode === 'reply' ? sendReply : mode === 'keep' ? keep : reviseCriterion}
          confirmTestId="confirm-reply"
          after={
            mode === 'reply' && (
              <FormGroup>
                {citable.length > 0 && <Typography variant="body2">{translate('chiso.reply.pickEvidence')}</Typography>}
                {citable.map((e) => (
                  <FormControlLabel
                    key={e.id}
                    control={
                      <Checkbox
                        size="small"
                        checked={picked.includes(e.id)}
                        onChange={(ev) => setPicked(ev.target.checked ? [...picked, e.id] : picked.filter((x) => x !== e.id))}
                      />
                    }
                    label={e.fileName || e.url || e.note}
                  />
                ))}
                <Box>
                  <EvidenceButton
                    submissionId={String(appraisal.submissionId)}
                    factKey={String(appraisal.fact ?? appraisal.criterion)}
                    label={subject}
                    explanation={false}
                    onAdded={(item) => {
                      setPicked((p) => [...p, item.id]);
                      onEvidenceAdded();
                    }}
                  />
                </Box>
              </FormGroup>
            )
          }
        >
          {mode === 'revise' && (
            <TextField select label={translate('chiso.reply.zeroed')} value={zeroed} onChange={(e) => setZeroed(e.target.value)}>
              <MenuItem value="true">{translate('chiso.zero.zeroed')}</MenuItem>
              <MenuItem value="false">{translate('chiso.zero.restored')}</MenuItem>
            </TextField>
          )}
        </ReasonDialog>
      )}
    </Stack>
  );
};
