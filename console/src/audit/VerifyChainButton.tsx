import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import VerifiedUser from '@mui/icons-material/VerifiedUser';
import { useTranslate } from 'react-admin';
import { dataProvider } from '../providers/dataProvider';
import { useFormat } from '../common/useFormat';
import { messageOf } from '../api/problem';

/** Recomputes the hash chain of the whole log: one broken link shows where it was tampered with. */
export const VerifyChainButton = () => {
  const translate = useTranslate();
  const f = useFormat();
  const [result, setResult] = useState<{ valid: boolean; checked: number; firstBrokenId?: string | number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setResult(await dataProvider.verifyAudit());
    } catch (e) {
      setProblem(messageOf(e) ?? translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button startIcon={<VerifiedUser />} onClick={verify} disabled={busy} data-testid="verify-chain">
        {translate('chiso.audit.verifyChain')}
      </Button>
      <Dialog open={!!result || !!problem} onClose={() => (setResult(null), setProblem(null))}>
        <DialogTitle>{translate('chiso.audit.verifyChain')}</DialogTitle>
        <DialogContent>
          {problem && <Alert severity="error">{problem}</Alert>}
          {result && (
            <Alert severity={result.valid ? 'success' : 'error'} data-testid="chain-result">
              <Typography variant="h6">{translate(result.valid ? 'chiso.audit.chainValid' : 'chiso.audit.chainBroken')}</Typography>
              {translate('chiso.audit.checked', { n: f.number(result.checked, 0) })}
              {!result.valid &&
                result.firstBrokenId !== undefined &&
                ` ${translate('chiso.audit.firstBroken', { id: result.firstBrokenId })}`}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => (setResult(null), setProblem(null))}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
