import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { useNotify, useTranslate, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { dataProvider } from '../../providers/dataProvider';
import { messageOf } from '../../api/problem';

const bump = (label: string) => {
  const m = /^(.*?)(\d+)$/.exec(label);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${label}.1`;
};

/**
 * The label a copy is offered: the year after the rule set's latest year-labelled version (an
 * amendment is for a coming year), else the copied label bumped until it is free.
 */
export const suggestLabel = (label: string, taken: string[]): string => {
  const years = taken.filter((t) => /^\d{4}$/.test(t)).map(Number);
  if (/^\d{4}$/.test(label) && years.length) return String(Math.max(...years) + 1);
  let next = bump(label);
  while (taken.includes(next)) next = bump(next);
  return next;
};

/** Amending a regulation starts here: a new draft copied from any version. */
export const CopyButton = ({
  record,
  variant = 'text',
  compact,
}: {
  record: RaRecord;
  variant?: 'text' | 'outlined';
  compact?: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState(bump(String(record.version ?? '')));
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The labels already used are known only once the dialog opens; what was typed is never replaced.
  useEffect(() => {
    if (!open || touched) return;
    let live = true;
    dataProvider
      .getAll('versions', { ruleSet: record.ruleSet })
      .then(
        (all) =>
          live &&
          !touched &&
          setLabel(
            suggestLabel(
              String(record.version ?? ''),
              all.map((v) => v.version),
            ),
          ),
      )
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [open, touched, record.ruleSet, record.version]);
  const copy = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const created = await dataProvider.copyVersion(String(record.id), label.trim());
      notify('chiso.version.copied', { type: 'success', messageArgs: { version: label.trim() } });
      setOpen(false);
      navigate(`/versions/${created.id}`);
    } catch (error) {
      setProblem(messageOf(error) ?? translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant={variant}
        size={variant === 'text' ? 'medium' : 'small'}
        startIcon={<ContentCopy />}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid="copy-version"
        sx={{ whiteSpace: 'nowrap' }}
      >
        {translate(compact ? 'chiso.version.copyShort' : 'chiso.version.copy')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()}>
        <DialogTitle>{translate('chiso.version.copyTitle', { version: record.version })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('chiso.version.copyHelp')}
          </Typography>
          <TextField
            label={translate('chiso.editor.field.versionLabel')}
            value={label}
            onChange={(e) => {
              setTouched(true);
              setLabel(e.target.value);
            }}
            autoFocus
            fullWidth
            name="newVersion"
          />
          {problem && (
            <Alert severity="error" sx={{ mt: 2, whiteSpace: 'pre-line' }}>
              {problem}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={copy} disabled={busy || !label.trim()} data-testid="confirm-copy">
            {translate('chiso.version.copyConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
