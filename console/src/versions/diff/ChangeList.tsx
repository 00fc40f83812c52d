import { Alert, Chip, Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { VersionChange } from '../../providers/dataProvider';
import { useLt } from '../../common/useLt';

const colour = (kind?: string): 'success' | 'error' | 'warning' =>
  /added$/i.test(kind ?? '') ? 'success' : /removed$/i.test(kind ?? '') ? 'error' : 'warning';

/** One row per change, as the diff describes it in Vietnamese (or English). */
export const ChangeList = ({ changes }: { changes: VersionChange[] }) => {
  const translate = useTranslate();
  const lt = useLt();
  if (!changes.length) return <Alert severity="success">{translate('chiso.diff.identical')}</Alert>;
  return (
    <Paper>
      <Table size="small" data-testid="diff-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('chiso.diff.where')}</TableCell>
            <TableCell>{translate('chiso.diff.kind')}</TableCell>
            <TableCell>{translate('chiso.diff.change')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map((c, i) => (
            <TableRow key={i}>
              <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>{c.code || translate('chiso.diff.wholeVersion')}</TableCell>
              <TableCell>
                {c.kind && <Chip size="small" color={colour(c.kind)} label={translate(`chiso.diff.kinds.${c.kind}`, { _: c.kind })} />}
              </TableCell>
              <TableCell>{lt(c.message)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
};
