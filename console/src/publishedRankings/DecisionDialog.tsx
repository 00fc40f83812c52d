import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { parseDay, viDay } from '../../../server/engine';
import type { RankingDecision } from '../../../server/api/types';
import { messageOf, pointerToField, problemOf } from '../api/problem';

const FIELDS = ['number', 'date', 'issuer', 'signerTitle', 'signerName'] as const;
type Field = (typeof FIELDS)[number] | 'reason';

/** "Chủ tịch Ủy ban nhân dân tỉnh Sơn La": a people's committee's decisions are its chairman's, as the annex prints them. */
const issuedBy = (issuer: string) => (/^(?:[ỦU]y ban nhân dân|Uỷ ban nhân dân|UBND)\s/iu.test(issuer) ? `Chủ tịch ${issuer}` : issuer);

/** "Quyết định số 2923/QĐ-UBND ngày 31/12/2023 của Chủ tịch Ủy ban nhân dân tỉnh Sơn La". */
export const useDecisionText = () => {
  const translate = useTranslate();
  return (d: RankingDecision) => translate('chiso.decision.line', { number: d.number, date: viDay(d.date), issuer: issuedBy(d.issuer) });
};

export interface DecisionBody {
  decision: RankingDecision;
  reason?: string;
}

/**
 * The approving decision as a person copies it from the signed paper: number, date (dd/mm/yyyy),
 * issuer, signer's title and name; for a correction also its reason. The server's findings show
 * under the fields they are about.
 */
export const DecisionDialog = ({
  open,
  onClose,
  title,
  intro,
  issuer,
  correction = false,
  confirm,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  intro: string;
  /** The issuer offered: the one of the version's legal basis, or of the decision being corrected. */
  issuer?: string;
  correction?: boolean;
  confirm: string;
  onSubmit: (body: DecisionBody) => Promise<void>;
}) => {
  const translate = useTranslate();
  // The issuer offered is known once the version is read: shown until the person types their own.
  const [typed, setValues] = useState<Record<Field, string | null>>({
    number: '',
    date: '',
    issuer: null,
    signerTitle: '',
    signerName: '',
    reason: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const values = { ...typed, issuer: typed.issuer ?? issuer ?? '' } as Record<Field, string>;
  const set = (field: Field) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setErrors((x) => ({ ...x, [field]: undefined }));
  };
  const fields: Field[] = correction ? [...FIELDS, 'reason'] : [...FIELDS];
  const submit = async () => {
    const missing: Partial<Record<Field, string>> = {};
    for (const f of fields) if (!values[f].trim()) missing[f] = translate('ra.validation.required');
    const date = values.date.trim() ? parseDay(values.date) : null;
    if (values.date.trim() && !date) missing.date = translate('chiso.validation.day');
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    setProblem(null);
    try {
      const decision = {
        number: values.number.trim(),
        date: date!,
        issuer: values.issuer.trim(),
        signerTitle: values.signerTitle.trim(),
        signerName: values.signerName.trim(),
      };
      await onSubmit(correction ? { decision, reason: values.reason.trim() } : { decision });
    } catch (error) {
      const found: Partial<Record<Field, string>> = {};
      for (const e of problemOf(error)?.problemErrors ?? []) {
        const field = pointerToField(e.path).replace(/^decision\./, '') as Field;
        if (fields.includes(field)) found[field] = e.message;
      }
      setErrors(found);
      setProblem(problemOf(error)?.detail ?? messageOf(error) ?? translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  const input = (field: Field, extra: { helperText?: string; placeholder?: string; multiline?: boolean } = {}) => (
    <TextField
      key={field}
      name={field}
      label={translate(`chiso.decision.${field}`)}
      value={values[field]}
      onChange={set(field)}
      required
      fullWidth
      error={!!errors[field]}
      helperText={errors[field] ?? extra.helperText}
      placeholder={extra.placeholder}
      multiline={extra.multiline}
      minRows={extra.multiline ? 2 : undefined}
      slotProps={{ htmlInput: { 'data-testid': `decision-${field}` } }}
    />
  );
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {intro}
        </Typography>
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            {input('number', { helperText: translate('chiso.decision.numberHelp'), placeholder: '2923/QĐ-UBND' })}
            {input('date', { helperText: translate('chiso.decision.dateHelp'), placeholder: 'dd/mm/yyyy' })}
          </Stack>
          {input('issuer')}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            {input('signerTitle', { helperText: translate('chiso.decision.signerTitleHelp') })}
            {input('signerName')}
          </Stack>
          {correction && input('reason', { multiline: true, helperText: translate('chiso.decision.reasonHelp') })}
        </Stack>
        {problem && (
          <Alert severity="error" sx={{ mt: 2, whiteSpace: 'pre-line' }} data-testid="decision-problem">
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color="success" onClick={submit} disabled={busy} data-testid="confirm-decision">
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
