import { Button, IconButton, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PNumber } from '../inputs/PNumber';
import { PText } from '../inputs/PText';
import { PointsInput } from './PointsInput';

/** Tiers as a small editable table: from (inclusive), to (exclusive), points, label. */
export const TiersTable = ({ pointer, max }: { pointer: string; max?: number }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const tiers: { from?: number; to?: number }[] = editor.get(pointer) ?? [];
  const addTier = () => {
    const last = tiers[tiers.length - 1];
    const from = last?.to ?? last?.from ?? 0;
    editor.insert(pointer, tiers.length, { from, points: max ?? 0 });
  };
  return (
    <>
      <Table size="small" sx={{ '& td': { verticalAlign: 'top', px: 0.5 } }} data-testid="tiers-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('chiso.editor.field.from')}</TableCell>
            <TableCell>{translate('chiso.editor.field.to')}</TableCell>
            <TableCell>{translate('chiso.editor.field.points')}</TableCell>
            <TableCell>{translate('chiso.editor.field.label')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {tiers.map((_, i) => (
            <TableRow key={i}>
              <TableCell>
                <PNumber pointer={`${pointer}/${i}/from`} label="from" width={100} />
              </TableCell>
              <TableCell>
                <PNumber pointer={`${pointer}/${i}/to`} label="to" width={100} />
              </TableCell>
              <TableCell>
                <PointsInput pointer={`${pointer}/${i}`} compact />
              </TableCell>
              <TableCell>
                <PText pointer={`${pointer}/${i}/label/vi`} label="label" width={200} />
              </TableCell>
              <TableCell>
                <Tooltip title={translate('ra.action.remove')}>
                  <span>
                    <IconButton
                      size="small"
                      disabled={editor.readOnly || tiers.length < 2}
                      onClick={() => editor.remove(`${pointer}/${i}`)}
                    >
                      <DeleteOutline fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button size="small" onClick={addTier} disabled={editor.readOnly}>
        {translate('chiso.editor.addTier')}
      </Button>
    </>
  );
};
