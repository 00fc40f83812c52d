import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor } from '../EditorContext';
import { PSelect } from '../inputs/PSelect';
import { type Method, METHOD_NAMES, METHODS } from '../../../../../server/engine';
import { MethodForm } from './MethodForm';

/** The scoring method of a criterion (or of a composite part / best-of option) and its form. */
export const ScoringForm = ({ pointer, max }: { pointer: string; max?: number }) => {
  const editor = useEditor();
  const translate = useTranslate();
  const method = editor.get<{ method?: Method } | undefined>(pointer)?.method;
  return (
    <Box sx={{ width: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <PSelect
          pointer={`${pointer}/method`}
          label="method"
          width={320}
          choices={METHOD_NAMES.map((m) => ({ id: m, name: translate(`chiso.method.${m}`) }))}
          onChange={(m) => m && m !== method && editor.set(pointer, METHODS[m as Method].defaults(max ?? 1))}
        />
        {method && (
          <Typography variant="body2" color="text.secondary">
            {translate(`chiso.methodHelp.${method}`)}
          </Typography>
        )}
      </Stack>
      {method && <MethodForm pointer={pointer} method={method} max={max} />}
    </Box>
  );
};
