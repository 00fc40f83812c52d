import { Box, Button, IconButton, Stack } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PText } from '../inputs/PText';
import { PSelect } from '../inputs/PSelect';

/** Agency attributes that cohort rules may read (besides kind and name). */
export const AttributesEditor = () => {
  const editor = useEditor();
  const translate = useTranslate();
  const attrs: { id: string }[] = editor.get('/agencyAttributes') ?? [];
  return (
    <Box sx={{ px: 1 }}>
      {attrs.map((_, i) => (
        <Stack key={i} spacing={1} sx={{ my: 1 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <PText pointer={`/agencyAttributes/${i}/id`} label="id" required width={150} />
            <PSelect
              pointer={`/agencyAttributes/${i}/type`}
              label="type"
              width={130}
              choices={['text', 'boolean', 'number', 'enum'].map((id) => ({ id, name: translate(`chiso.factType.${id}`) }))}
            />
            <IconButton
              size="small"
              disabled={editor.readOnly}
              onClick={() => editor.remove(`/agencyAttributes/${i}`)}
              aria-label={translate('ra.action.remove')}
            >
              <DeleteOutline fontSize="small" />
            </IconButton>
          </Stack>
          <PText pointer={`/agencyAttributes/${i}/label/vi`} label="label" suffix="VI" required />
        </Stack>
      ))}
      <Button
        size="small"
        disabled={editor.readOnly}
        onClick={() =>
          editor.insert('/agencyAttributes', attrs.length, { id: `attr${attrs.length + 1}`, type: 'boolean', label: { vi: '' } })
        }
      >
        {translate('chiso.editor.addAttribute')}
      </Button>
    </Box>
  );
};
