import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import VerifiedUser from '@mui/icons-material/VerifiedUser';
import { useLocaleState, useTranslate } from 'react-admin';
import type { AuditVerification } from '../../../server/api/types';
import { dataProvider } from '../providers/dataProvider';
import { useFormat } from '../common/useFormat';
import { messageOf } from '../api/problem';

/** Recomputes the hash chain, the signatures and the publication anchors of the whole log, and says what it found. */
export const VerifyChainButton = () => {
  const translate = useTranslate();
  const f = useFormat();
  const [locale] = useLocaleState();
  const [result, setResult] = useState<AuditVerification | null>(null);
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
              {translate('chiso.audit.checked', { n: f.number(result.checked, 0) })}{' '}
              {result.keyed
                ? translate('chiso.audit.signed', { n: f.number(result.signed, 0), anchors: f.number(result.anchors, 0) })
                : translate('chiso.audit.unkeyed')}
              {result.findings.map((finding, i) => (
                <Typography key={i} variant="body2" sx={{ mt: 1 }}>
                  {locale === 'en' ? (finding.message.en ?? finding.message.vi) : finding.message.vi}
                </Typography>
              ))}
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
