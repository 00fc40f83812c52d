import { Suspense } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { createHashRouter, Route, RouterProvider } from 'react-router-dom';
import { dataProvider } from './providers/dataProvider';
import { authProvider, hasIdentity } from './providers/authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { theme } from './theme';
import { lazyNamed } from './common/lazyNamed';
import { ruleSets } from './ruleSets';
import { versions } from './versions';
import { agencies } from './agencies';
import { users } from './users';
import { periods } from './periods';
import { submissions } from './submissions';
import { evaluations } from './evaluations';
import { publishedRankings } from './publishedRankings';
import { audit } from './audit';

// Every screen is its own chunk, loaded on first use: the login page needs only react-admin and MUI.
const Dashboard = lazyNamed(() => import('./dashboard/Dashboard'), 'Dashboard');
const VersionDiffPage = lazyNamed(() => import('./versions/diff/VersionDiffPage'), 'VersionDiffPage');
const RankingPage = lazyNamed(() => import('./rankings/RankingPage'), 'RankingPage');
const ReplayPage = lazyNamed(() => import('./replay/ReplayPage'), 'ReplayPage');
const WhatIfPage = lazyNamed(() => import('./replay/WhatIfPage'), 'WhatIfPage');
const HelpPage = lazyNamed(() => import('./help/HelpPage'), 'HelpPage');
const PublicResults = lazyNamed(() => import('./public/PublicResults'), 'PublicResults');

/** /cong-khai (the server answers index.html there too) is the public results page, outside the console's auth. */
const isPublicPage = /^\/cong-khai\/?$/.test(window.location.pathname);

const Console = () => (
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
      <Route path="/help" element={<HelpPage />} />
    </CustomRoutes>
  </Admin>
);

// Our own router, created once, with plain (not transition) state updates. Left to itself, <Admin>
// builds a hash router while rendering and asks for updates without React.startTransition through
// a react-router 6 option that react-router 7 no longer reads: every navigation became a transition.
// On a first visit to "/" without a session react-admin logs out, navigates to #/login and resets
// its store and query cache in the same tick; those urgent re-renders mounted its logout-on-mount
// route again before the transition to /login could commit, which logged out and navigated again:
// hundreds of pushState calls and 10–20 s of blank page, until a transition happened to win.
//
// A first visit to the console's address with no remembered user goes straight to the login form:
// there is no session to check and no page to come back to, so the check, the logout and the
// redirect react-admin would do first (a third of a second on a slow machine) are skipped.
if (!isPublicPage && !hasIdentity() && ['', '#', '#/'].includes(window.location.hash)) window.history.replaceState(null, '', '#/login');
const router = isPublicPage ? null : createHashRouter([{ path: '*', element: <Console /> }]);

export const App = () =>
  router ? (
    <RouterProvider router={router} useTransitions={false} />
  ) : (
    <Suspense>
      <PublicResults />
    </Suspense>
  );
