import { useState } from 'react';
import { Alert, AlertTitle, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import Block from '@mui/icons-material/Block';
import { useNotify, useTranslate } from 'react-admin';
import { walkNodes, zeroableCriteria, type RuleSetVersion } from '../../../server/engine';
import { dataProvider } from '../providers/dataProvider';
import { messageOf } from '../api/problem';
import { useLt } from '../common/useLt';
import { ReasonDialog } from '../common/ReasonDialog';

/** The criteria scored 0 for missing evidence, and for the evaluator the dialog to score one 0 or restore it. */
export const ZeroCriterion = ({
  submissionId,
  version,
  cohort,
  zeroed,
  canZero,
  onChanged,
}: {
  submissionId: string;
  version: RuleSetVersion;
  cohort: string | null;
  zeroed: Record<string, string>;
  canZero: boolean;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const lt = useLt();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nodes = zeroableCriteria(version, cohort);
  const name = (c: string) => {
    const n = [...walkNodes(version.criteria)].find((w) => w.node.code === c)?.node;
    return n ? `${c} «${lt(n.title)}»` : c;
  };
  const restoring = !!code && code in zeroed;
  const close = () => {
    setOpen(false);
    setCode('');
    setReason('');
    setProblem(null);
  };
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await dataProvider.zeroCriterion(submissionId, { criterion: code, zeroed: !restoring, reason: reason.trim() });
      notify('chiso.appraisal.saved', { type: 'success' });
      close();
      onChanged();
    } catch (e) {
      setProblem(messageOf(e) ?? translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  const codes = Object.keys(zeroed);
  if (!codes.length && (!canZero || !nodes.length)) return null;
  return (
    <>
      {codes.length > 0 && (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="zeroed-criteria">
          <AlertTitle>{translate('chiso.zero.listTitle')}</AlertTitle>
          <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
            {codes.map((c) => (
              <li key={c} data-zeroed-criterion={c}>
                <Typography variant="body2">
                  {name(c)}: {zeroed[c]}
                </Typography>
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      {canZero && nodes.length > 0 && (
        <Button startIcon={<Block />} color="error" sx={{ mt: 1 }} onClick={() => setOpen(true)} data-testid="zero-criterion">
          {translate('chiso.zero.button')}
        </Button>
      )}
      <ReasonDialog
        open={open}
        title={translate('chiso.zero.button')}
        reason={reason}
        onReason={setReason}
        reasonLabel={translate('chiso.appraisal.reason')}
        reasonName="zeroReason"
        problem={problem}
        busy={busy}
        ready={!!code}
        onClose={close}
        onConfirm={save}
        confirmLabel={translate(restoring ? 'chiso.zero.restore' : 'chiso.zero.confirm')}
        confirmColor="error"
        confirmTestId="confirm-zero"
      >
        <TextField select label={translate('chiso.zero.criterion')} value={code} onChange={(e) => setCode(e.target.value)} name="criterion">
          {nodes.map((n) => (
            <MenuItem key={n.code} value={n.code}>
              {name(n.code)}
              {n.code in zeroed ? ` — ${translate('chiso.zero.zeroed')}` : ''}
            </MenuItem>
          ))}
        </TextField>
        {code && <Typography variant="body2">{translate(restoring ? 'chiso.zero.willRestore' : 'chiso.zero.willZero')}</Typography>}
      </ReasonDialog>
    </>
  );
};
