import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AcceptRow } from '../testCases';

export interface AcceptLine extends AcceptRow {
  /** The case the line belongs to, when the dialog accepts several. */
  caseName?: string;
}

/** Old and new expectations side by side, before a run's result replaces them. */
export const AcceptDialog = ({
  open,
  title,
  lines,
  onClose,
  onAccept,
}: {
  open: boolean;
  title: string;
  lines: AcceptLine[];
  onClose: () => void;
  onAccept: () => void;
}) => {
  const translate = useTranslate();
  const several = lines.some((l) => l.caseName !== undefined);
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth data-testid="accept-dialog">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('chiso.editor.testCases.acceptHelp')}
        </Alert>
        <Table size="small" data-testid="accept-table">
          <TableHead>
            <TableRow>
              {several && <TableCell>{translate('chiso.editor.testName')}</TableCell>}
              <TableCell>{translate('chiso.editor.testCases.what')}</TableCell>
              <TableCell align="right">{translate('chiso.editor.testCases.old')}</TableCell>
              <TableCell align="right">{translate('chiso.editor.testCases.new')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l, i) => (
              <TableRow key={i} data-accept-row={l.field}>
                {several && <TableCell>{l.caseName}</TableCell>}
                <TableCell>{l.what}</TableCell>
                <TableCell align="right" data-cell="old">
                  {l.old}
                </TableCell>
                <TableCell align="right" data-cell="new" sx={{ fontWeight: 600 }}>
                  {l.new}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={onAccept} data-testid="confirm-accept">
          {translate('chiso.editor.testCases.confirmAccept')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
