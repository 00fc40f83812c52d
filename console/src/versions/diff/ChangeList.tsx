import { Alert, Chip, Paper, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { VersionChange } from '../../providers/dataProvider';
import { useLt } from '../../common/useLt';
import { ScrollTable } from '../../common/ScrollTable';
import type { CsvTable } from '../../common/tableCsv';

const colour = (kind?: string): 'success' | 'error' | 'warning' =>
  /added$/i.test(kind ?? '') ? 'success' : /removed$/i.test(kind ?? '') ? 'error' : 'warning';

/** The three columns in words, for the table and for its CSV. */
export const useChangeColumns = () => {
  const translate = useTranslate();
  const lt = useLt();
  return {
    header: [translate('chiso.diff.where'), translate('chiso.diff.kind'), translate('chiso.diff.change')],
    // A criterion by its code; a fact, cohort or band by the section it is in (the change itself
    // names it), never by its id.
    where: (c: VersionChange) => {
      const section = c.path?.split('/')[1];
      if (!c.code) return translate('chiso.diff.wholeVersion');
      return !section || section === 'criteria' ? c.code : translate(`chiso.editor.tab.${section}`, { _: c.code });
    },
    kind: (c: VersionChange) => (c.kind ? translate(`chiso.diff.kinds.${c.kind}`, { _: c.kind }) : ''),
    change: (c: VersionChange) => lt(c.message),
  };
};

export const changesCsv = (columns: ReturnType<typeof useChangeColumns>, changes: VersionChange[]): CsvTable => ({
  header: columns.header,
  rows: changes.map((c) => [columns.where(c), columns.kind(c), columns.change(c)]),
});

/** One row per change, as the diff describes it in Vietnamese (or English). */
export const ChangeList = ({ changes }: { changes: VersionChange[] }) => {
  const translate = useTranslate();
  const columns = useChangeColumns();
  if (!changes.length) return <Alert severity="success">{translate('chiso.diff.identical')}</Alert>;
  return (
    <Paper>
      <ScrollTable testId="diff-table">
        <TableHead>
          <TableRow>
            {columns.header.map((label) => (
              <TableCell key={label}>{label}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map((c, i) => (
            <TableRow key={i}>
              <TableCell sx={{ fontWeight: 600 }}>{columns.where(c)}</TableCell>
              <TableCell>{c.kind && <Chip size="small" color={colour(c.kind)} label={columns.kind(c)} />}</TableCell>
              <TableCell>{columns.change(c)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </Paper>
  );
};
