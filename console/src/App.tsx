import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { dataProvider } from './providers/dataProvider';
import { authProvider } from './providers/authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { theme } from './theme';
import { Dashboard } from './dashboard/Dashboard';
import { ruleSets } from './ruleSets';
import { versions } from './versions';
import { agencies } from './agencies';
import { users } from './users';
import { periods } from './periods';
import { submissions } from './submissions';
import { evaluations } from './evaluations';
import { publishedRankings } from './publishedRankings';
import { audit } from './audit';
import { VersionDiffPage } from './versions/diff/VersionDiffPage';
import { RankingPage } from './rankings/RankingPage';
import { ReplayPage } from './replay/ReplayPage';
import { WhatIfPage } from './replay/WhatIfPage';

export const App = () => (
  <Admin
    title="Chỉ Số"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    theme={theme}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    <Resource name="rule-sets" {...ruleSets} />
    <Resource name="versions" {...versions} />
    <Resource name="periods" {...periods} />
    <Resource name="submissions" {...submissions} />
    <Resource name="evaluations" {...evaluations} />
    <Resource name="published-rankings" {...publishedRankings} />
    <Resource name="audit" {...audit} />
    <Resource name="agencies" {...agencies} />
    <Resource name="users" {...users} />
    <Resource name="appraisals" />
    <CustomRoutes>
      <Route path="/versions/:id/diff" element={<VersionDiffPage />} />
      <Route path="/versions/:id/diff/:otherId" element={<VersionDiffPage />} />
      <Route path="/periods/:id/ranking" element={<RankingPage />} />
      <Route path="/replay" element={<ReplayPage />} />
      <Route path="/what-if" element={<WhatIfPage />} />
    </CustomRoutes>
  </Admin>
);
