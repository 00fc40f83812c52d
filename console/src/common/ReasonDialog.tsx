import { useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * A decision that is recorded with its reason (accepting an explanation, scoring an item 0,
 * answering or resolving a reply): the fields it needs, the reason, the server's refusal in place,
 * and a confirm that waits for a reason (said under it once the person empties it). What was
 * typed stays until the dialog is closed.
 */
export const ReasonDialog = ({
  open,
  title,
  reason,
  onReason,
  reasonLabel,
  reasonName,
  reasonHelp,
  problem,
  problemTestId,
  busy,
  ready = true,
  onClose,
  onConfirm,
  confirmLabel,
  confirmColor = 'primary',
  confirmTestId,
  children,
  after,
}: {
  open: boolean;
  title: string;
  reason: string;
  onReason: (value: string) => void;
  reasonLabel: string;
  reasonName: string;
  reasonHelp?: string;
  problem: string | null;
  problemTestId?: string;
  busy: boolean;
  /** The other fields are filled in. */
  ready?: boolean;
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel?: string;
  confirmColor?: 'primary' | 'error';
  confirmTestId: string;
  /** Fields asked before the reason, and after it. */
  children?: ReactNode;
  after?: ReactNode;
}) => {
  const translate = useTranslate();
  // Said once something was typed and then emptied (not on a first visit to the field, nor when another button takes the focus).
  const [typed, setTyped] = useState(false);
  const missing = typed && !reason.trim();
  return (
    // Once closed, the reason is asked afresh the next time.
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth slotProps={{ transition: { onExited: () => setTyped(false) } }}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {children}
          <TextField
            label={reasonLabel}
            value={reason}
            onChange={(e) => {
              setTyped(true);
              onReason(e.target.value);
            }}
            error={missing}
            helperText={missing ? translate('ra.validation.required') : reasonHelp}
            required
            multiline
            minRows={2}
            name={reasonName}
          />
          {after}
          {problem && (
            <Alert severity="error" sx={{ whiteSpace: 'pre-line' }} data-testid={problemTestId}>
              {problem}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          color={confirmColor}
          onClick={onConfirm}
          disabled={!ready || !reason.trim() || busy}
          data-testid={confirmTestId}
        >
          {confirmLabel ?? translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
