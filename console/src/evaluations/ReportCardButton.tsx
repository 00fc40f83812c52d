import { useState } from 'react';
import { Button } from '@mui/material';
import PictureAsPdf from '@mui/icons-material/PictureAsPdf';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../common/download';
import { messageOf } from '../api/problem';

/** Saves the printable report card (PDF) of one evaluation: the agency's own, or any for staff. */
export const ReportCardButton = ({ evaluationId, variant = 'outlined' }: { evaluationId: string; variant?: 'outlined' | 'text' }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'evaluations', action: 'export' });
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const save = async () => {
    setBusy(true);
    try {
      await downloadFile(`/api/evaluations/${encodeURIComponent(evaluationId)}/report.pdf`, 'phieu-ket-qua.pdf');
    } catch (e) {
      notify(messageOf(e) ?? 'ra.notification.http_error', { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant={variant} startIcon={<PictureAsPdf />} onClick={save} disabled={busy} data-testid="download-report-card">
      {translate('chiso.evaluation.reportCard')}
    </Button>
  );
};
