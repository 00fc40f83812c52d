import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { QuantityEditor } from './QuantityEditor';
import { TiersTable } from './TiersTable';

/** Tiers: read a value, the first [from, to) that holds gives its points. */
export const TiersForm = ({ pointer, max }: { pointer: string; max?: number }) => {
  const translate = useTranslate();
  return (
    <Box>
      <QuantityEditor pointer={`${pointer}/value`} />
      <Typography variant="subtitle2" sx={{ mt: 2, mb: 0.5 }}>
        {translate('chiso.editor.tiers')}
      </Typography>
      <TiersTable pointer={`${pointer}/tiers`} max={max} />
    </Box>
  );
};
