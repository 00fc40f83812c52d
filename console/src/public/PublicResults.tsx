import { AppBar, Box, Button, Container, CssBaseline, Toolbar, Typography } from '@mui/material';
import { AdminContext, LocalesMenuButton, useTranslate } from 'react-admin';
import { createHashRouter, Link, Route, RouterProvider, Routes } from 'react-router-dom';
import { i18nProvider } from '../i18n/i18nProvider';
import { theme } from '../theme';
import { PublicRankingList } from './PublicRankingList';
import { PublicRankingPage } from './PublicRankingPage';
import { PublicAgencyPage } from './PublicAgencyPage';

const Shell = () => {
  const translate = useTranslate();
  return (
    <>
      <CssBaseline />
      <AppBar position="static" color="primary">
        <Toolbar variant="dense">
          <Typography variant="h6" component={Link} to="/" sx={{ fontWeight: 700, mr: 2, color: 'inherit', textDecoration: 'none' }}>
            Chỉ Số
          </Typography>
          <Typography variant="subtitle1" sx={{ flex: 1, display: { xs: 'none', sm: 'block' } }}>
            {translate('chiso.publicResults.title')}
          </Typography>
          <LocalesMenuButton />
          <Button color="inherit" href="/">
            {translate('chiso.publicResults.signIn')}
          </Button>
        </Toolbar>
      </AppBar>
      <Container maxWidth="xl" sx={{ py: 3 }}>
        <Box component="main">
          <Routes>
            <Route path="/" element={<PublicRankingList />} />
            <Route path="/xep-hang/:id" element={<PublicRankingPage />} />
            <Route path="/co-quan/:id" element={<PublicAgencyPage />} />
          </Routes>
        </Box>
      </Container>
    </>
  );
};

// The public page at /cong-khai: no auth provider, so nothing here asks for a session; react-admin
// only lends its translations, language switch and theme. Its own hash router picks the view.
const router = createHashRouter([
  {
    path: '*',
    element: (
      <AdminContext i18nProvider={i18nProvider} theme={theme} darkTheme={null}>
        <Shell />
      </AdminContext>
    ),
  },
]);

export const PublicResults = () => <RouterProvider router={router} useTransitions={false} />;
