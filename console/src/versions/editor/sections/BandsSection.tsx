import { Paper, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { BandsEditor } from './BandsEditor';

/** The version's bands (cohorts may override them in their own form). */
export const BandsSection = () => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('chiso.editor.bandsHelp')}
      </Typography>
      <BandsEditor pointer="/bands" />
    </Paper>
  );
};
