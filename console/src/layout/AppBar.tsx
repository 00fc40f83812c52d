import { AppBar as RaAppBar, TitlePortal, useGetIdentity, useTranslate } from 'react-admin';
import { Box, Chip, Typography } from '@mui/material';

/** The page title, the signed-in role, and react-admin's language switch (Tiếng Việt / English). */
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
