import { useState } from 'react';
import { MenuItem, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import type { Fact } from '../../../server/engine';
import { dataProvider } from '../providers/dataProvider';
import { useLt } from '../common/useLt';
import { parseDecimal } from '../versions/editor/inputs/PNumber';
import { useFactValue } from './useFactValue';
import { messageOf } from '../api/problem';
import { ReasonDialog } from '../common/ReasonDialog';

/** The evaluator's value for one fact; a reason is required and kept with the author and time. */
export const AppraiseDialog = ({
  submissionId,
  fact,
  agencyValue,
  current,
  onClose,
  onDone,
  onSave,
}: {
  submissionId: string;
  fact: Fact;
  agencyValue: unknown;
  current: unknown;
  onClose: () => void;
  onDone: () => void;
  /** Instead of a new appraisal, what saving does (e.g. revising after the agency's reply). */
  onSave?: (value: unknown, reason: string) => Promise<unknown>;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const lt = useLt();
  const show = useFactValue();
  const [text, setText] = useState(current === undefined || current === null ? '' : String(current));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const numeric = fact.type === 'number' || fact.type === 'integer';
  const value: unknown = numeric
    ? parseDecimal(text)
    : fact.type === 'boolean'
      ? text === 'true'
        ? true
        : text === 'false'
          ? false
          : null
      : text;
  let valueError: string | undefined;
  if (numeric && text !== '' && value === null) valueError = translate('ra.validation.number');
  else if (numeric && typeof value === 'number' && fact.minimum !== undefined && value < fact.minimum)
    valueError = translate('ra.validation.minValue', { min: fact.minimum });
  else if (numeric && typeof value === 'number' && fact.maximum !== undefined && value > fact.maximum)
    valueError = translate('ra.validation.maxValue', { max: fact.maximum });
  else if (fact.type === 'integer' && typeof value === 'number' && !Number.isInteger(value))
    valueError = translate('chiso.validation.integer');

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (onSave) await onSave(value, reason.trim());
      else await dataProvider.appraise(submissionId, { fact: fact.id, value, reason: reason.trim() });
      notify('chiso.appraisal.saved', { type: 'success' });
      onDone();
    } catch (e) {
      setProblem(messageOf(e) ?? translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ReasonDialog
      open
      title={`${translate('chiso.appraisal.title')}: ${lt(fact.label)}`}
      reason={reason}
      onReason={setReason}
      reasonLabel={translate('chiso.appraisal.reason')}
      reasonHelp={translate('chiso.appraisal.reasonHelp')}
      reasonName="reason"
      problem={problem}
      busy={busy}
      ready={text !== '' && !valueError}
      onClose={onClose}
      onConfirm={save}
      confirmLabel={translate('chiso.appraisal.save')}
      confirmTestId="confirm-appraisal"
    >
      <Typography variant="body2">
        {translate('chiso.appraisal.agencyValue')}: <strong>{show(fact, agencyValue)}</strong>
      </Typography>
      {fact.type === 'boolean' || fact.type === 'enum' ? (
        <TextField
          select
          label={translate('chiso.appraisal.newValue')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          name="appraisedValue"
        >
          {fact.type === 'boolean'
            ? [
                <MenuItem key="t" value="true">
                  {translate('chiso.common.yes')}
                </MenuItem>,
                <MenuItem key="f" value="false">
                  {translate('chiso.common.no')}
                </MenuItem>,
              ]
            : (fact.options ?? []).map((o) => (
                <MenuItem key={o.value} value={o.value}>
                  {lt(o.label)}
                </MenuItem>
              ))}
        </TextField>
      ) : (
        <TextField
          label={translate('chiso.appraisal.newValue')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={!!valueError}
          helperText={valueError ?? (fact.unit ? lt(fact.unit) : undefined)}
          name="appraisedValue"
          autoFocus
        />
      )}
    </ReasonDialog>
  );
};
