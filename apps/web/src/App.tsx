import { Route, Router } from '@solidjs/router';
import { lazy, onMount } from 'solid-js';
import { LocaleContext } from '@cydweithio/ui';
import { createLocaleState } from './i18n/createLocaleState';
import { AppShell } from './layout/AppShell';
import { RequireSession } from './layout/RequireSession';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { createSession } from './session/createSession';
import { SessionContext } from './session/SessionContext';
import { LocaleSetterContext } from './i18n/LocaleSetterContext';
import { withAreas } from './i18n/loadedCatalogues';
import { areasFor } from './i18n/screenAreas';

// Document screens carry the editor and Yjs: loaded on demand so the first page stays small.
// The service worker precaches these chunks too, so they still open offline.
// Home too: a link or reload straight into a document need not carry the home page's cards.
// Each screen brings the catalogue areas only it shows (./i18n/screenAreas). Sign-in as well:
// a signed-in person opening a document never needs its form.
const SignInScreen = lazy(() => import('./screens/SignInScreen').then((module) => ({ default: module.SignInScreen })));
const HomeScreen = lazy(() => withAreas(areasFor.home, () => import('./screens/home/HomeScreen')).then((module) => ({ default: module.HomeScreen })));
const DocumentScreen = lazy(() => import('./screens/document/DocumentScreen'));
const CollaborativeScreen = lazy(() => withAreas(areasFor.collaborative, () => import('./screens/collaborative/CollaborativeScreen')));
const LaScreen = lazy(() => withAreas(areasFor.la, () => import('./screens/la/LaScreen')));
const LaRolesScreen = lazy(() => withAreas(areasFor.la, () => import('./screens/la/roles/LaRolesScreen')));
const InvitationScreen = lazy(() => withAreas(areasFor.invitation, () => import('./screens/InvitationScreen')));
const CaseloadScreen = lazy(() => withAreas(areasFor.cycle, () => import('./screens/cycle/CaseloadScreen')));
const RecordScreen = lazy(() => withAreas(areasFor.cycle, () => import('./screens/cycle/RecordScreen')));
const AccessScreen = lazy(() => withAreas(areasFor.access, () => import('./screens/access/AccessScreen')));
const ProposeScreen = lazy(() => withAreas(areasFor.convening, () => import('./screens/convening/ProposeScreen')));
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
