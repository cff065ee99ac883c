import { Route, Router } from '@solidjs/router';
import { lazy, onMount } from 'solid-js';
import { LocaleContext } from '@cydweithio/ui';
import { createLocaleState } from './i18n/createLocaleState';
import { AppShell } from './layout/AppShell';
import { RequireSession } from './layout/RequireSession';
import { HomeScreen } from './screens/home/HomeScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { SignInScreen } from './screens/SignInScreen';
import { createSession } from './session/createSession';
import { SessionContext } from './session/SessionContext';
import { LocaleSetterContext } from './i18n/LocaleSetterContext';

// Document screens carry the editor and Yjs: loaded on demand so the first page stays small.
// The service worker precaches these chunks too, so they still open offline.
const DocumentScreen = lazy(() => import('./screens/document/DocumentScreen'));
const CollaborativeScreen = lazy(() => import('./screens/collaborative/CollaborativeScreen'));
const LaScreen = lazy(() => import('./screens/la/LaScreen'));
const LaRolesScreen = lazy(() => import('./screens/la/roles/LaRolesScreen'));
const InvitationScreen = lazy(() => import('./screens/InvitationScreen'));
const CaseloadScreen = lazy(() => import('./screens/cycle/CaseloadScreen'));
const RecordScreen = lazy(() => import('./screens/cycle/RecordScreen'));
const AccessScreen = lazy(() => import('./screens/access/AccessScreen'));
const ProposeScreen = lazy(() => import('./screens/convening/ProposeScreen'));
const SearchScreen = lazy(() => import('./screens/search/SearchScreen'));

export function App() {
  const [locale, setLocale] = createLocaleState();
  const session = createSession();
  onMount(() => void session.refresh());
  return (
    <LocaleContext.Provider value={locale}>
      <LocaleSetterContext.Provider value={setLocale}>
        <SessionContext.Provider value={session}>
          <Router root={AppShell}>
            <Route path="/sign-in" component={SignInScreen} />
            <Route path="/invitations/:token" component={InvitationScreen} />
            <Route path="/" component={RequireSession}>
              <Route path="/" component={HomeScreen} />
              <Route path="/collaboratives/new" component={ProposeScreen} />
              <Route path="/collaboratives/:id" component={CollaborativeScreen} />
              <Route path="/documents/:id" component={DocumentScreen} />
              <Route path="/la" component={LaScreen} />
              <Route path="/la/roles" component={LaRolesScreen} />
              <Route path="/caseload" component={CaseloadScreen} />
              <Route path="/records/:ownerKey" component={RecordScreen} />
              <Route path="/schools/:schoolId/access" component={AccessScreen} />
              <Route path="/search" component={SearchScreen} />
            </Route>
            <Route path="*" component={NotFoundScreen} />
          </Router>
        </SessionContext.Provider>
      </LocaleSetterContext.Provider>
    </LocaleContext.Provider>
  );
}
