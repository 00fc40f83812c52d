import { Box, Button, IconButton, Stack, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PText } from '../inputs/PText';

/** The choices of an enum fact or agency attribute: stored value and Vietnamese/English label. */
export const OptionsEditor = ({ pointer }: { pointer: string }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const options: unknown[] = editor.get(pointer) ?? [];
  return (
    <Box>
      <Typography variant="subtitle2">{translate('chiso.editor.field.options')}</Typography>
      {options.map((_, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ my: 0.75, alignItems: 'center' }}>
          <PText pointer={`${pointer}/${i}/value`} label="value" required width={180} />
          <PText pointer={`${pointer}/${i}/label/vi`} label="label" suffix="VI" required />
          <PText pointer={`${pointer}/${i}/label/en`} label="label" suffix="EN" />
          <IconButton
            size="small"
            disabled={editor.readOnly}
            onClick={() => editor.remove(`${pointer}/${i}`)}
            aria-label={translate('ra.action.remove')}
          >
            <DeleteOutline fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button
        size="small"
        disabled={editor.readOnly}
        onClick={() => editor.insert(pointer, options.length, { value: '', label: { vi: '' } })}
      >
        {translate('chiso.editor.addOption')}
      </Button>
    </Box>
  );
};
