import { AppBar as RaAppBar, TitlePortal, useGetIdentity, useTranslate } from 'react-admin';
import { Box, Button, Chip, Typography } from '@mui/material';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import { Link } from 'react-router-dom';

/** The page title, the guide, the signed-in role, and react-admin's language switch (Tiếng Việt / English). */
export const AppBar = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return (
    <RaAppBar color="primary">
      <Typography variant="h6" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}>
        Chỉ Số
      </Typography>
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
      <Button component={Link} to="/help" color="inherit" startIcon={<HelpOutline />} data-testid="open-help" sx={{ mr: 1 }}>
        {translate('chiso.help.open')}
      </Button>
      {identity?.role && (
        <Chip
          size="small"
          label={translate(`chiso.role.${identity.role}`)}
          sx={{ bgcolor: 'rgba(255,255,255,0.18)', color: 'inherit', mr: 1, display: { xs: 'none', sm: 'flex' } }}
          data-testid="role-chip"
        />
      )}
    </RaAppBar>
  );
};
