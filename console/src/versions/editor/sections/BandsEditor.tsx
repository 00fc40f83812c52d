import { Box, Button, IconButton, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PNumber } from '../inputs/PNumber';
import { PSelect } from '../inputs/PSelect';
import { PText } from '../inputs/PText';
import { bandColor } from '../../../common/BandChip';

/** Bands: highest first, each from its minimum (inclusive) up to the minimum of the band above. */
export const BandsEditor = ({ pointer }: { pointer: string }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const levels: { id: string; min: number; color?: string }[] = editor.get(`${pointer}/levels`) ?? [];
  return (
    <Box data-testid="bands-editor">
      <PSelect
        pointer={`${pointer}/basis`}
        label="basis"
        choices={['points', 'percentage'].map((id) => ({ id, name: translate(`chiso.editor.bandBasis.${id}`) }))}
      />
      <Table size="small" sx={{ mt: 1, '& td': { px: 0.5 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('chiso.editor.field.id')}</TableCell>
            <TableCell>{translate('chiso.editor.field.label')} (VI)</TableCell>
            <TableCell>{translate('chiso.editor.field.label')} (EN)</TableCell>
            <TableCell>{translate('chiso.editor.field.bandMin')}</TableCell>
            <TableCell>{translate('chiso.editor.field.color')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {levels.map((level, i) => (
            <TableRow key={i} data-band-row={level.id}>
              <TableCell>
                <PText pointer={`${pointer}/levels/${i}/id`} label="id" required width={130} />
              </TableCell>
              <TableCell>
                <PText pointer={`${pointer}/levels/${i}/label/vi`} label="label" required width={160} />
              </TableCell>
              <TableCell>
                <PText pointer={`${pointer}/levels/${i}/label/en`} label="label" width={140} />
              </TableCell>
              <TableCell>
                <PNumber pointer={`${pointer}/levels/${i}/min`} label="bandMin" required width={110} />
              </TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Box sx={{ width: 18, height: 18, borderRadius: 1, bgcolor: bandColor(level, i) }} />
                  <PText pointer={`${pointer}/levels/${i}/color`} label="color" width={110} />
                </Box>
              </TableCell>
              <TableCell>
                <IconButton
                  size="small"
                  disabled={editor.readOnly || levels.length < 2}
                  onClick={() => editor.remove(`${pointer}/levels/${i}`)}
                  aria-label={translate('ra.action.remove')}
                >
                  <DeleteOutline fontSize="small" />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button
        size="small"
        disabled={editor.readOnly}
        onClick={() => editor.insert(`${pointer}/levels`, levels.length, { id: `band${levels.length + 1}`, label: { vi: '' }, min: 0 })}
      >
        {translate('chiso.editor.addBand')}
      </Button>
    </Box>
  );
};
