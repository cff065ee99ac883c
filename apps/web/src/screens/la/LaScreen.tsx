import { A } from '@solidjs/router';
import { createSignal, For, lazy, Show, Suspense } from 'solid-js';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { usePageTitle } from '../usePageTitle';
import { RecordChooser } from '../cycle/RecordChooser';
import { CaseloadAdmin } from './CaseloadAdmin';
import { ContinuumPanel } from './ContinuumPanel';
import { CoverageMap } from './CoverageMap';
import { ExportLinks } from './ExportLinks';
import { LaOverviewSection } from './LaOverviewSection';
import { SupportLedger } from './SupportLedger';
import { useLaRole } from './laContext';
import './la.css';

// The live workspaces carry the document layer (Yjs, the socket, the board): loaded and
// connected only when someone asks to watch them, so the overview's first view stays small (O39).
const LaWorkspacePanel = lazy(() => import('./LaWorkspacePanel').then((m) => ({ default: m.LaWorkspacePanel })));

/**
 * The LA's local improvement picture (OVERVIEW.md): themes and matches from agreed records, the
 * support ledger, coverage on a map, the continuum (officers only), caseloads and exports. It
 * never ranks schools and holds no learner data (SPEC C12). The collaboratives a facilitator
 * works with are still observed live below, read-only (C15): that is their workspace, not the
 * overview.
 */
export default function LaScreen() {
  const t = useText();
  const session = useSession();
  const role = useLaRole();
  usePageTitle(() => t('la.title'));
  const workspaces = () => session.documents().filter((d) => d.kind === 'workspace');
  const [watching, setWatching] = createSignal(false);
  const sections = () => [
    ['la-themes', t('laPicture.nav.overview')],
    ['la-ledger', t('laPicture.nav.ledger')],
    ['coverage-heading', t('laPicture.nav.coverage')],
    ...(role.isOfficer() ? [['la-continuum', t('laPicture.nav.continuum')]] : []),
    ['la-admin', t('laPicture.nav.admin')],
    ['la-exports', t('laPicture.nav.exports')],
    ['la-priorities', t('laPicture.nav.live')],
  ];
  return (
    <div class="la">
      <h1>{t('la.title')}</h1>
      <p class="hint">{t('laPicture.explain')}</p>
      <Show when={role.isOfficer()}>
        <p><A href="/la/roles" data-testid="la-roles-link">{t('laRoles.link')}</A></p>
      </Show>
      <nav aria-label={t('laPicture.nav.label')} class="la-nav">
        <ul>
          <For each={sections()}>{([id, label]) => <li><a href={`#${id}`}>{label}</a></li>}</For>
        </ul>
      </nav>
      <Show when={role.laCode()} fallback={<p class="muted">{t('la.noCoverage')}</p>}>
        {(laCode) => (
          <>
            <LaOverviewSection laCode={laCode()} />
            <SupportLedger laCode={laCode()} />
            <CoverageMap laCode={laCode()} />
            <Show when={role.isOfficer()}><ContinuumPanel laCode={laCode()} /></Show>
            <RecordChooser laCode={laCode()} />
            <CaseloadAdmin laCode={laCode()} />
            <ExportLinks laCode={laCode()} />
          </>
        )}
      </Show>
      <section aria-labelledby="la-priorities">
        <h2 id="la-priorities">{t('la.sharedPriorities')}</h2>
        <p class="hint">{t('la.explain')}</p>
        <Show when={workspaces().length > 0} fallback={<p class="muted">{t('la.noCollaboratives')}</p>}>
          <Show when={watching()} fallback={<button type="button" class="button button--secondary" data-testid="la-watch-live" onClick={() => setWatching(true)}>{t('la.watchLive')}</button>}>
            <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
              <For each={workspaces()}>{(doc) => <LaWorkspacePanel summary={doc} />}</For>
            </Suspense>
          </Show>
        </Show>
      </section>
    </div>
  );
}
