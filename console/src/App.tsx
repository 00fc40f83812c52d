import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { dataProvider } from './providers/dataProvider';
import { authProvider } from './providers/authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { theme } from './theme';
import { ruleSets } from './ruleSets';
import { versions } from './versions';
import { agencies } from './agencies';
import { users } from './users';
import { audit } from './audit';
import { VersionDiffPage } from './versions/diff/VersionDiffPage';

export const App = () => (
  <Admin
    title="Chỉ Số"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="rule-sets" {...ruleSets} />
    <Resource name="versions" {...versions} />
    <Resource name="agencies" {...agencies} />
    <Resource name="users" {...users} />
    <Resource name="audit" {...audit} />
    <CustomRoutes>
      <Route path="/versions/:id/diff" element={<VersionDiffPage />} />
      <Route path="/versions/:id/diff/:otherId" element={<VersionDiffPage />} />
    </CustomRoutes>
  </Admin>
);
